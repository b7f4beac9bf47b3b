// Runs extractCandidates on worker threads (it dominates ingest CPU), in chunks; results come back in submission order.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { extractCandidates, type Candidate } from './extract.js';

export interface Doc {
  title: string;
  abstract: string;
}

/**
 * A pool of NLP workers. `workers: 0` extracts on the calling thread (tests, tiny inputs, runtimes that cannot load
 * TypeScript in a worker). A worker that fails to start makes the pool fall back to the calling thread.
 */
export class CandidatePool {
  private workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (c: Candidate[][]) => void; reject: (e: unknown) => void }>();
  private seq = 0;
  private next = 0;

  private constructor() {}

  /**
   * Starts `size` workers and waits until each has loaded. If any cannot start (e.g. the runtime has no TypeScript
   * loader for the worker file), all are stopped and the pool extracts on the calling thread; `fellBack` says so.
   */
  static async start(size: number): Promise<{ pool: CandidatePool; fellBack: string | null }> {
    const pool = new CandidatePool();
    if (size <= 0) return { pool, fellBack: null };
    try {
      pool.workers = await Promise.all(Array.from({ length: size }, () => pool.spawn()));
      return { pool, fellBack: null };
    } catch (err) {
      await pool.close();
      pool.workers = [];
      return { pool, fellBack: (err as Error).message };
    }
  }

  private spawn(): Promise<Worker> {
    return new Promise((resolve, reject) => {
      // The boot file registers tsx in the worker thread, then imports the TypeScript worker.
      const w = new Worker(new URL('./nlp-worker-boot.mjs', import.meta.url));
      this.workers.push(w);
      const timer = setTimeout(() => reject(new Error('NLP worker did not start within 30 s')), 30_000);
      w.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      w.on('message', (m: { ready?: true; seq: number; candidates: Candidate[][] }) => {
        if (m.ready) {
          clearTimeout(timer);
          w.on('error', (err) => {
            for (const p of this.pending.values()) p.reject(err);
            this.pending.clear();
          });
          resolve(w);
          return;
        }
        const p = this.pending.get(m.seq);
        this.pending.delete(m.seq);
        p?.resolve(m.candidates);
      });
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** Default size: one worker per core, none on a single core (the main thread parses meanwhile). */
  static defaultSize(): number {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    return cores > 1 ? cores : 0;
  }

  /** Extracts candidates for every doc of the chunk. */
  extract(docs: Doc[]): Promise<Candidate[][]> {
    if (this.workers.length === 0) return Promise.resolve(docs.map((d) => extractCandidates(d.title, d.abstract)));
    const seq = this.seq++;
    const worker = this.workers[this.next++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      worker.postMessage({ seq, docs: docs.map((d) => ({ title: d.title, abstract: d.abstract })) });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
