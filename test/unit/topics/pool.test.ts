// The worker pool gives the same candidates, in the same order, as extraction on the calling thread.
import { describe, expect, it } from 'vitest';
import { CandidatePool } from '../../../ingest/topics/pool.js';

const docs = Array.from({ length: 30 }, (_, i) => ({
  title: `Federated learning for medical image segmentation, part ${i}`,
  abstract:
    i % 2 === 0
      ? 'We propose a graph neural network with differential privacy for radiology report generation.'
      : 'Large language models summarise clinical notes; we evaluate retrieval-augmented generation on pathology reports.',
}));

describe('CandidatePool', () => {
  it('two workers return per chunk what the calling thread computes, in submission order', async () => {
    const { pool, fellBack } = await CandidatePool.start(2);
    try {
      expect(fellBack).toBeNull();
      expect(pool.size).toBe(2);
      const chunks = [docs.slice(0, 7), docs.slice(7, 20), docs.slice(20)];
      const threaded = (await Promise.all(chunks.map((c) => pool.extract(c)))).flat();
      const { pool: local } = await CandidatePool.start(0);
      expect(local.size).toBe(0);
      const reference = await local.extract(docs);
      expect(threaded).toEqual(reference);
      expect(reference.some((c) => c.length > 0)).toBe(true);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
