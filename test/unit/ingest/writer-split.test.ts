// The writer's answer to a batch too large for one Neo4j transaction: halves, each all-or-nothing. The database is
// replaced by a recorder here on purpose (this tests the splitting logic only); the real write path is covered by the
// ingest integration tests against Neo4j.
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { QueryTooLargeError } from '../../../core/errors.js';
import type { Graph } from '../../../db/graph.js';
import type { WritablePaper } from '../../../ingest/batch.js';
import { GraphWriter } from '../../../ingest/writer.js';
import { paperRecord } from '../../support/records.js';

function paper(id: string): WritablePaper {
  return { record: paperRecord(id, [`Author ${id}`]), topics: [] };
}

/**
 * A stand-in for Graph that commits a transaction only when its batch has at most `maxPapers` papers; otherwise it
 * fails with `failure()`, in the write query or (`atCommit`) when committing. `transient` failures come first.
 */
function recordingGraph(maxPapers: number, failure: () => Error, opts: { atCommit?: boolean; transient?: Error[] } = {}) {
  const committed: string[][] = [];
  const attempts: number[] = [];
  const transient = [...(opts.transient ?? [])];
  const graph = {
    async transaction(_mode: unknown, work: (tx: unknown) => Promise<unknown>) {
      let papers: string[] = [];
      const tx = {
        async run(text: string, params: Record<string, unknown> = {}) {
          const rows = (params.papers ?? params.authors ?? params.categories ?? params.topics ?? []) as { id?: string }[];
          if ('papers' in params) {
            papers = rows.map((r) => String(r.id));
            attempts.push(papers.length);
            const next = transient.shift();
            if (next) throw next;
            if (papers.length > maxPapers && !opts.atCommit) throw failure();
          }
          const links = 'papers' in params ? rows.length * 2 : 0; // one AUTHORED and one IN_CATEGORY per paper
          return {
            records: text.includes('newIds') ? [{ toObject: () => ({ newIds: [] }) }] : [],
            summary: { counters: { updates: () => ({ nodesCreated: rows.length, relationshipsCreated: links }) } },
          };
        },
      };
      const out = await work(tx);
      // Neo4j counts a transaction's memory at commit too; the Graph maps that error as fromNeo4jError does.
      if (papers.length > maxPapers && opts.atCommit) throw new QueryTooLargeError({ neo4jCode: 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' }, { cause: failure() });
      committed.push(papers);
      return out;
    },
    async read() {
      return [];
    },
  };
  return { graph: graph as unknown as Graph, committed, attempts };
}

const memoryError = () => new Neo4jError('too much', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', '', '');
const describeCategory = () => ({ name: null, archive: null });

describe('GraphWriter on a batch too large for one transaction', () => {
  it('writes it as halves (recursively), every paper once and in order', async () => {
    const { graph, committed } = recordingGraph(2, memoryError);
    const writer = new GraphWriter(graph, describeCategory);
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const counts = await writer.writeBatch(ids.map(paper));
    expect(committed).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g']]);
    expect(counts.papers.created).toBe(7);
    expect(counts.authored).toBe(7);
    // 7 → 4 + 3 failed, 4 → 2 + 2; the rest was written in parts of the size that fitted, without failing first.
    expect(writer.splits).toBe(2);
    expect(writer.paperLimit).toBe(2);
  });

  it('writes later batches in parts of the size that fitted, without failing first', async () => {
    const { graph, committed, attempts } = recordingGraph(2, memoryError);
    const writer = new GraphWriter(graph, describeCategory);
    await writer.writeBatch(['a', 'b', 'c', 'd'].map(paper));
    expect(attempts).toEqual([4, 2, 2]);
    await writer.writeBatch(['e', 'f', 'g', 'h', 'i'].map(paper));
    expect(attempts).toEqual([4, 2, 2, 2, 2, 1]);
    expect(committed).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h'], ['i']]);
    expect(writer.splits).toBe(1);
  });

  it('splits a batch whose commit is over the memory cap, without repeating it unchanged', async () => {
    const { graph, committed, attempts } = recordingGraph(2, memoryError, { atCommit: true });
    const writer = new GraphWriter(graph, describeCategory);
    await writer.writeBatch(['a', 'b', 'c'].map(paper));
    expect(attempts).toEqual([3, 2, 1]);
    expect(committed).toEqual([['a', 'b'], ['c']]);
    expect(writer.retries).toBe(0);
  });

  it('splits a batch whose persons hold more summary text than one transaction should write, before trying it', async () => {
    const { graph, committed, attempts } = recordingGraph(10, memoryError);
    // A budget of one character: every batch of two or more papers is over it, a single paper is written anyway.
    const writer = new GraphWriter(graph, describeCategory, 1);
    await writer.writeBatch(['a', 'b', 'c', 'd'].map(paper));
    expect(attempts).toEqual([1, 1, 1, 1]);
    expect(committed).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(writer.paperLimit).toBe(1);
    expect(writer.splits).toBe(2);
  });

  it('attempts a transaction again after a transient failure', async () => {
    const deadlock = new Neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', '', '');
    const { graph, committed, attempts } = recordingGraph(10, memoryError, { transient: [deadlock] });
    const writer = new GraphWriter(graph, describeCategory);
    await writer.writeBatch(['a', 'b'].map(paper));
    expect(attempts).toEqual([2, 2]);
    expect(committed).toEqual([['a', 'b']]);
    expect(writer.retries).toBe(1);
    expect(writer.splits).toBe(0);
  });

  it('does not split on other errors, and gives up on a single paper that is too large', async () => {
    const other = recordingGraph(0, () => new Neo4jError('syntax', 'Neo.ClientError.Statement.SyntaxError', '', ''));
    await expect(new GraphWriter(other.graph, describeCategory).writeBatch([paper('a'), paper('b')])).rejects.toThrow('syntax');
    expect(other.committed).toEqual([]);

    const single = recordingGraph(0, memoryError);
    await expect(new GraphWriter(single.graph, describeCategory).writeBatch([paper('a')])).rejects.toThrow(
      /a batch of 1 papers needs more memory/,
    );
    expect(single.committed).toEqual([]);
  });
});
