// Two ingests writing the same names at the same time, on the real database: each batch's identity is resolved from
// persons read before its write transaction, so the second writer must notice what the first committed meanwhile and
// resolve again. Afterwards there is one node per person, and each person's stored evidence counts every mention.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WritablePaper } from '../../ingest/batch.js';
import { describeCategory } from '../../ingest/text/categories.js';
import { GraphWriter } from '../../ingest/writer.js';
import { resetDatabase, testGraph } from '../support/graph.js';
import { paperRecord } from '../support/records.js';

function paper(id: string, authors: string[], category: string, year: number): WritablePaper {
  const record = paperRecord(id, [], {
    title: `On ${id}`,
    categories: [category],
    year,
    published: `${year}-03-01`,
    authors: authors.map((name) => ({ name, asWritten: name })),
  });
  return { record, topics: [] };
}

const TEAMS = [
  ['Zofia Kowalczyk', 'Agnieszka Wrobel', 'Tomasz Lisowski'],
  ['Bartosz Zielinski', 'Halina Pawlak', 'Jerzy Grabowski'],
  ['Marta Szymanska', 'Pawel Wozniak', 'Ewa Kaczmarek'],
];

/** A team whose papers two writers bring at once: the same three people on every paper. */
function teamBatches(round: number): [WritablePaper[], WritablePaper[]] {
  const team = TEAMS[round] ?? [];
  const one = [0, 1, 2].map((i) => paper(`cc-${round}-a${i}`, [team[i % 3] ?? '', team[(i + 1) % 3] ?? '', team[(i + 2) % 3] ?? ''], 'cs.LG', 2020 + i));
  const two = [0, 1, 2].map((i) => paper(`cc-${round}-b${i}`, [team[(i + 1) % 3] ?? '', team[i % 3] ?? '', team[(i + 2) % 3] ?? ''], 'cs.LG', 2020 + i));
  return [one, two];
}

describe('two writers on overlapping names at once', () => {
  const graph = testGraph();
  const q = async (text: string) => graph.transaction('READ', async (tx) => (await tx.run(text)).records.map((r) => r.toObject()));

  beforeAll(async () => {
    await resetDatabase(graph);
  }, 300_000);
  afterAll(async () => {
    await resetDatabase(graph);
    await graph.close();
  });

  it('leaves one node per person, each with every mention counted in its evidence', async () => {
    for (let round = 0; round < 3; round++) {
      const [one, two] = teamBatches(round);
      await Promise.all([new GraphWriter(graph, describeCategory).writeBatch(one), new GraphWriter(graph, describeCategory).writeBatch(two)]);
    }
    // Every name is one person (the three always write together: their shared co-authors join them).
    const perName = await q('MATCH (a:Author) RETURN a.name AS name, count(a) AS persons, sum(COUNT { (a)-[:AUTHORED]->() }) AS papers ORDER BY name');
    expect(perName).toHaveLength(9);
    for (const r of perName) expect({ name: r.name, persons: Number(r.persons), papers: Number(r.papers) }).toEqual({ name: r.name, persons: 1, papers: 6 });
    // The stored evidence (what the next batch's identity step reads) counts all six mentions of each person.
    const evidence = await q('MATCH (a:Author) RETURN a.name AS name, a.mentions AS mentions, a.summary AS summary');
    for (const r of evidence) {
      expect({ name: r.name, mentions: Number(r.mentions) }).toEqual({ name: r.name, mentions: 6 });
      expect({ name: r.name, mentions: (JSON.parse(String(r.summary)) as { mentions: number }).mentions }).toEqual({ name: r.name, mentions: 6 });
    }
  });

  it('a writer that keeps persons between its batches reads them again after another writer committed', async () => {
    await resetDatabase(graph);
    // Two long-lived writers (each keeps the persons of its batches, ingest/authors/person-cache.ts) taking turns on
    // one team: each batch must build on what the other wrote in between, not on the persons it kept.
    const a = new GraphWriter(graph, describeCategory);
    const b = new GraphWriter(graph, describeCategory);
    const team = TEAMS[0] ?? [];
    for (let i = 0; i < 6; i++) {
      const names = [team[i % 3] ?? '', team[(i + 1) % 3] ?? '', team[(i + 2) % 3] ?? ''];
      await (i % 2 === 0 ? a : b).writeBatch([paper(`turn-${i}`, names, 'cs.LG', 2020 + i)]);
    }
    const evidence = await q('MATCH (a:Author) RETURN a.name AS name, a.mentions AS mentions, COUNT { (a)-[:AUTHORED]->() } AS papers ORDER BY name');
    expect(evidence.map((r) => ({ name: r.name, mentions: Number(r.mentions), papers: Number(r.papers) }))).toEqual(
      [...team].sort().map((name) => ({ name, mentions: 6, papers: 6 })),
    );
    // The same writer's consecutive batches (no other write between) use what it kept, and count right as well.
    for (let i = 6; i < 9; i++) await a.writeBatch([paper(`turn-${i}`, [...team], 'cs.LG', 2020 + i)]);
    const after = await q('MATCH (a:Author) RETURN a.name AS name, a.mentions AS mentions ORDER BY name');
    expect(after.map((r) => ({ name: r.name, mentions: Number(r.mentions) }))).toEqual([...team].sort().map((name) => ({ name, mentions: 9 })));
    expect(a.persons.size).toBeGreaterThan(0);
  });
});
