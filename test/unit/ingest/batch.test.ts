import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { buildBatch, type WritablePaper } from '../../../ingest/batch.js';
import type { PaperRecord } from '../../../ingest/record.js';
import { paperRecord } from '../../support/records.js';

function paper(id: string, authors: string[], extra: Partial<PaperRecord> = {}): WritablePaper {
  return {
    record: paperRecord(id, authors, { categories: ['cs.CV', 'eess.IV', 'cs.CV'], ...extra }),
    topics: [{ id: 'segmentation', name: 'segmentation', score: 0.5, source: 'extracted' }],
  };
}

const describeCategory = (code: string) => ({ name: code === 'cs.CV' ? 'Computer Vision' : null, archive: 'cs' });

describe('buildBatch', () => {
  it('dedupes categories within a batch, keeps positions and spellings', () => {
    const b = buildBatch([paper('p1', ['Hartmut Häntze', 'Lina Xu']), paper('p2', ['Lina Xu'])], describeCategory);
    expect(b.papers.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(b.papers.map((p) => p.authored.length)).toEqual([2, 1]);
    expect(must(b.papers[0], 'b.papers[0]').authored[0]).toMatchObject({ author: 'name:hartmut hantze', asWritten: 'Hartmut Häntze' });
    expect(neo4j.integer.toNumber(must(must(b.papers[0], 'b.papers[0]').authored[1], 'b.papers[0].authored[1]').position)).toBe(2);
    expect(must(b.papers[1], 'b.papers[1]').authored[0]).toMatchObject({ author: 'name:lina xu', asWritten: 'Lina Xu' });
    expect(b.categories.map((c) => c.code)).toEqual(['cs.CV', 'eess.IV']);
    // A category listed twice on one paper links once; the first is primary.
    expect(must(b.papers[0], 'b.papers[0]').inCategory).toEqual([
      { code: 'cs.CV', primary: true },
      { code: 'eess.IV', primary: false },
    ]);
    expect(b.topics).toEqual([{ id: 'segmentation', name: 'segmentation' }]);
    expect(b.papers.map((p) => p.hasTopic)).toEqual([
      [{ topic: 'segmentation', score: 0.5, source: 'extracted' }],
      [{ topic: 'segmentation', score: 0.5, source: 'extracted' }],
    ]);
    expect(b.links).toEqual({ authored: 3, inCategory: 4, hasTopic: 2 });
  });

  it('keeps the last version of a paper repeated in one batch', () => {
    const b = buildBatch([paper('p1', ['A B']), paper('p1', ['C D'], { title: 'New' })], describeCategory);
    expect(b.papers).toHaveLength(1);
    expect(must(b.papers[0], 'b.papers[0]').props.title).toBe('New');
    expect(must(b.papers[0], 'b.papers[0]').authored.map((a) => a.author)).toEqual(['name:c d']);
  });

  it('stores year as a Neo4j integer and clears absent optionals', () => {
    const b = buildBatch([paper('p1', ['A B'])], describeCategory);
    expect(neo4j.isInt(must(b.papers[0], 'b.papers[0]').props.year)).toBe(true);
    expect(must(b.papers[0], 'b.papers[0]').props.doi).toBeNull();
  });

  it('turns OpenAlex citations into rows with the W id and drops self-citations', () => {
    const b = buildBatch(
      [paper('doi:10.1/x', ['A B'], { openalexId: 'W1', cites: ['openalex:W2', 'openalex:W2', 'doi:10.1/x'] })],
      describeCategory,
    );
    expect(b.cites).toEqual([{ from: 'doi:10.1/x', to: 'openalex:W2', openalexId: 'W2' }]);
    expect(b.openalexPapers).toEqual([{ id: 'doi:10.1/x', openalexId: 'W1' }]);
  });
});
