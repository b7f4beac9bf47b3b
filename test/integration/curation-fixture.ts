// The small file the curation tests ingest. Under the identity model (ingest/identity) a pair is suggested
// (MAYBE_SAME_AS) only when the evidence is ambiguous; two loose spellings of one name with no other evidence are
// neither joined nor suggested. So both pairs here are an initial-only spelling against a full given name that
// shares one co-author (the model needs two to join): "K. Bressem" / "Keno K. Bressem" (same field and year, ranks
// first) and "H. Häntze" / "Hartmut Haentze" (also a transliteration; another field and year, ranks second). A third
// paper of Keno K. Bressem is in another field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Graph } from '../../db/graph.js';
import type { WritablePaper } from '../../ingest/batch.js';
import type { AuthorRecord } from '../../ingest/record.js';
import { paperRecord } from '../support/records.js';

export const KENO = 'name:keno k bressem';
export const K = 'name:k bressem';
export const HAENTZE = 'name:hartmut haentze';
export const HAENTZE2 = 'name:h hantze';
/** The Haentze suggestion's pair, lower id first (as stored and as in the review item id `variant:<a>|<b>`). */
export const HAENTZE_PAIR = [HAENTZE, HAENTZE2].sort().join('|');

/** A read query's rows as plain objects, and the ids of an author's papers in order: what the curation tests check. */
export function graphQueries(graph: Graph) {
  const q = async (text: string, params: Record<string, unknown> = {}) =>
    graph.transaction('READ', async (tx) => (await tx.run(text, params)).records.map((r) => r.toObject()));
  const papersOf = async (id: string) =>
    (await q('MATCH (:Author {id: $id})-[:AUTHORED]->(p:Paper) RETURN p.id AS id ORDER BY id', { id })).map((r) => r.id as string);
  return { q, papersOf };
}

/** Writes the file (five arXiv JSON lines) into a new temp folder and returns its path. */
export function variantsFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-curation-'));
  const file = path.join(dir, 'variants.jsonl');
  const rec = (id: string, authors: string[][], title: string, cat = 'cs.CV', year = 2021) =>
    JSON.stringify({
      id,
      title,
      abstract: 'A study of segmentation.',
      categories: cat,
      authors: '',
      authors_parsed: authors,
      versions: [{ created: `Mon, 4 Jan ${year} 00:00:00 GMT` }],
    });
  writeFileSync(
    file,
    [
      rec('2101.00001', [['Bressem', 'Keno K.', ''], ['Adams', 'Lisa C.', '']], 'Paper one about segmentation'),
      rec('2101.00002', [['Bressem', 'K.', ''], ['Adams', 'Lisa C.', '']], 'Paper two about segmentation'),
      rec('2101.00003', [['Häntze', 'H.', ''], ['Makowski', 'Marcus R.', '']], 'Paper three', 'physics.med-ph', 2019),
      rec('2101.00004', [['Haentze', 'Hartmut', ''], ['Makowski', 'Marcus R.', '']], 'Paper four'),
      rec('2101.00005', [['Bressem', 'Keno K.', ''], ['Truhn', 'Daniel', '']], 'Paper five about radiology', 'eess.IV', 2022),
    ].join('\n'),
  );
  return file;
}


/** The ORCID of the split-proposal fixture's person. */
export const SPLIT_ORCID = '0000-0002-1825-0097';
export const SPLIT_PERSON = `orcid:${SPLIT_ORCID}`;

type A = string | (Partial<AuthorRecord> & { name: string });
function paper(id: string, authors: A[], categories: string[], year: number): WritablePaper {
  const record = paperRecord(id, [], {
    title: `On ${id}`,
    categories,
    year,
    published: `${year}-03-01`,
    authors: authors.map((a) => (typeof a === 'string' ? { name: a, asWritten: a } : { asWritten: a.name, ...a })),
  });
  return { record, topics: [] };
}

/**
 * Two batches (for GraphWriter) that make the identity model store a split proposal: Jan Novakovic (two papers in
 * vision with one team) and, in the second batch under the same ORCID, Johann Novakovic (one paper in number theory
 * with someone else). The ORCID makes them one person; the given names cannot be one person's, so the "Johann"
 * mention (paper sp-3) is proposed as maybe someone else.
 */
export function splitBatches(): [WritablePaper[], WritablePaper[]] {
  return [
    [
      paper('sp-1', [{ name: 'Jan Novakovic', orcid: SPLIT_ORCID }, 'Hana Dvorakova', 'Marek Sedlacek'], ['cs.CV'], 2020),
      paper('sp-2', ['Hana Dvorakova', { name: 'Jan Novakovic', orcid: SPLIT_ORCID }], ['cs.CV'], 2021),
    ],
    [paper('sp-3', [{ name: 'Johann Novakovic', orcid: SPLIT_ORCID }, 'Ottokar Brzezina'], ['math.NT'], 2012)],
  ];
}
