// The start-up step npm start runs: the bundled sample is ingested into an empty database, and only then.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../ingest/sample.js';
import { resetDatabase, testGraph } from '../support/graph.js';

describe('loadSampleIfEmpty (ingest/sample.ts)', () => {
  const graph = testGraph();
  const root = path.resolve(import.meta.dirname, '../..');
  const logged: string[] = [];
  beforeAll(() => resetDatabase(graph));
  afterAll(async () => {
    await resetDatabase(graph);
    await graph.close();
  });

  it('loads the sample listing into an empty database, and leaves a non-empty one alone', async () => {
    expect(await loadSampleIfEmpty(graph, root, (line) => logged.push(line))).toBe(true);
    const [counts] = await graph.read('health/counts');
    expect(counts).toMatchObject({ papers: 11, authors: 26, categories: 4 });
    expect(logged.join('\n')).toContain('Sample loaded: 11 papers');
    expect(await loadSampleIfEmpty(graph, root, (line) => logged.push(line))).toBe(false);
    const [again] = await graph.read('health/counts');
    expect(again).toMatchObject({ papers: 11, authors: 26 });
  }, 120_000);
});
