// The identity wiring shared by both write paths (ingest/authors/): mentions built one at a time equal the model's own,
// a re-ingested mention keeps its person, and the bulk replay (ingest/bulk/identity.ts) gives what the same batches
// give through resolveBatch with the persons kept as the graph would keep them.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { authorProps, batchMentions, mentionAt, mentionKey, parseSummary, personMatches, suggestionRows, summaryJson, type AuthorProps } from '../../../ingest/authors/persons.js';
import { resolveBatch, type IdentitySource, type StoredAuthorship } from '../../../ingest/authors/resolve.js';
import type { WritablePaper } from '../../../ingest/batch.js';
import { BulkIdentity } from '../../../ingest/bulk/identity.js';
import { mentionsOfRecord, preferredId, type PersonSummary } from '../../../ingest/identity/index.js';
import { paperRecord } from '../../support/records.js';
import { must } from '../../../core/must.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'pg-identity-wiring-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function paper(id: string, authors: string[], categories: string[], year = 2020): WritablePaper {
  return { record: paperRecord(id, authors, { categories, year }), topics: [{ id: `t-${categories[0]}`, name: 'x', score: 1, source: 'extracted' }] };
}

/** The transactional path's bookkeeping in memory: persons, AUTHORED edges of the current paper versions, redirects. */
function memoryGraph() {
  const persons = new Map<string, PersonSummary>();
  const edges = new Map<string, StoredAuthorship>();
  const redirects = new Map<string, string>();
  const variants = new Set<string>();
  const source: IdentitySource = {
    async authorship(ids) {
      return new Map([...edges].filter(([k]) => ids.includes(k.slice(0, k.lastIndexOf('#')))));
    },
    async persons(lookup) {
      const sets = { blocks: new Set(lookup.blocks), orcids: new Set(lookup.orcids), openalexIds: new Set(lookup.openalexIds) };
      return [...persons.values()].filter((p) => personMatches(p, sets)).sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    async takenIds(lookup) {
      return [...redirects.keys(), ...lookup.candidateIds.filter((id) => persons.has(id))];
    },
  };
  return {
    persons,
    edges,
    redirects,
    variants,
    async write(batch: WritablePaper[]) {
      const r = await resolveBatch(batchMentions(batch), source);
      for (const p of r.result?.persons ?? []) persons.set(p.id, parseSummary(p.id, summaryJson(p)));
      for (const x of r.result?.retired ?? []) {
        persons.delete(x.id);
        redirects.set(x.id, x.redirectTo);
      }
      for (const v of suggestionRows(r.result?.suggestions ?? []).variants) variants.add(`${v.a}|${v.b}`);
      for (const p of batch) for (const k of [...edges.keys()]) if (k.startsWith(`${p.record.id}#`)) edges.delete(k);
      for (const m of batchMentions(batch)) {
        const key = mentionKey(m.mention.paperId, m.mention.position);
        edges.set(key, { author: must(r.authorOf.get(key), `the author of mention ${key}`), asWritten: m.asWritten });
      }
      return r;
    },
  };
}

const BATCHES: WritablePaper[][] = [
  [paper('a1', ['Wei Wang', 'Anna Schmidtke', 'Piotr Nowacki'], ['cs.LG']), paper('b1', ['Wei Wang', 'Carlos Mendizabal'], ['astro-ph.GA'])],
  [paper('a2', ['Anna Schmidtke', 'Wei Wang'], ['cs.LG']), paper('b2', ['Carlos Mendizabal', 'Wei Wang', 'Kofi Mensah'], ['astro-ph.GA'])],
  // A re-ingest of a1 with the same names, and of b1 with its author list changed.
  [paper('a1', ['Wei Wang', 'Anna Schmidtke', 'Piotr Nowacki'], ['cs.LG']), paper('b1', ['Kofi Mensah', 'W. Wang'], ['astro-ph.GA']), paper('c1', ['W. Wang', 'Piotr Nowacki'], ['cs.LG'])],
];

describe('identity wiring', () => {
  it('mentionAt builds exactly the mention mentionsOfRecord builds, position by position', () => {
    const r = paperRecord('p', ['Ann Lee', 'Bo Chen', 'Ann Lee'], { categories: ['cs.CL', 'cs.LG'], year: 2019 });
    r.authors[1] = { ...must(r.authors[1], 'the second author'), given: 'Bo', family: 'Chen', orcid: '0000-0002-1825-0097' };
    const all = mentionsOfRecord(r, ['t1', 't2']);
    expect(r.authors.map((_, i) => mentionAt(r, ['t1', 't2'], i))).toEqual(all);
  });

  it('a mention re-ingested with the same name keeps its person; the whole write of a batch again resolves nothing', async () => {
    const g = memoryGraph();
    for (const b of BATCHES.slice(0, 2)) await g.write(b);
    const again = await g.write(must(BATCHES[0], 'the first batch'));
    expect(again.result).toBeNull();
    expect(again.kept).toBe(5);
  });

  it('the bulk replay leaves the persons, edges, redirects and suggestions the batches leave through resolveBatch', async () => {
    const g = memoryGraph();
    for (const b of BATCHES) await g.write(b);

    const bulk = new BulkIdentity(tmp);
    let seq = 0;
    const finalSeq = new Map<string, number>();
    BATCHES.forEach((batch, i) => {
      bulk.addBatch(
        i + 1,
        batch.map((paper) => {
          seq++;
          const prevSeq = finalSeq.get(paper.record.id) ?? null;
          finalSeq.set(paper.record.id, seq);
          return { paper, seq, prevSeq };
        }),
      );
    });
    const persons = new Map<string, AuthorProps>();
    const edges = new Map<string, string>();
    const redirects = new Map<string, string>();
    const variants = new Set<string>();
    await bulk.resolve(finalSeq, {
      person: (id, props) => persons.set(id, props),
      redirect: (id, to) => redirects.set(id, to),
      variant: (v) => variants.add(`${v.a}|${v.b}`),
      split: () => {},
      authored: (author, paperId, position) => edges.set(mentionKey(paperId, position - 1), author),
    });
    expect(new Map([...persons].sort())).toEqual(new Map([...g.persons].map(([id, p]) => [id, authorProps(p)] as const).sort()));
    expect(new Map([...edges].sort())).toEqual(new Map([...g.edges].map(([k, e]) => [k, e.author] as const).sort()));
    expect(redirects).toEqual(g.redirects);
    expect(variants).toEqual(g.variants);
    // Two people named Wei Wang: the machine-learning one keeps the name's id.
    expect(must(g.edges.get('a1#0'), 'the edge of mention a1#0').author).toBe(preferredId({ name: 'Wei Wang' }));
    expect(must(g.edges.get('b2#1'), 'the edge of mention b2#1').author).not.toBe(must(g.edges.get('a2#1'), 'the edge of mention a2#1').author);
  });
});
