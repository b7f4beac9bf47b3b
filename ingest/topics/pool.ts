// Runs extractCandidates on worker threads (it dominates ingest CPU) through a piscina pool, in chunks; each chunk's
// promise resolves with that chunk's results, so callers keep submission order.
import os from 'node:os';
import { Piscina } from 'piscina';
import { extractCandidates, type Candidate } from './extract.js';
import type { NlpJob } from './nlp-worker.js';

export interface Doc {
  title: string;
  abstract: string;
}

/** How long a worker may take to load (TypeScript, the NLP model) before the pool gives up on threads. */
const START_TIMEOUT_MS = 30_000;

/**
 * A pool of NLP workers. `workers: 0` extracts on the calling thread (tests, tiny inputs, runtimes that cannot load
 * TypeScript in a worker). A worker that fails to start makes the pool fall back to the calling thread.
 */
export class CandidatePool {
  private constructor(private readonly piscina: Piscina<NlpJob, Candidate[][]> | null) {}

  /**
   * Starts `size` workers and waits until they have loaded (one empty job). If they cannot start (e.g. the runtime
   * has no TypeScript loader for the worker file), the pool is stopped and extracts on the calling thread; `fellBack`
   * says why.
   */
  static async start(size: number): Promise<{ pool: CandidatePool; fellBack: string | null }> {
    if (size <= 0) return { pool: new CandidatePool(null), fellBack: null };
    // The boot file registers tsx in the worker thread, then imports the TypeScript worker.
    const piscina = new Piscina<NlpJob, Candidate[][]>({
      filename: new URL('./nlp-worker-boot.mjs', import.meta.url).href,
      minThreads: size,
      maxThreads: size,
      idleTimeout: Infinity,
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        piscina.run({ docs: [] }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`NLP worker did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
        }),
      ]);
      return { pool: new CandidatePool(piscina), fellBack: null };
    } catch (err) {
      await piscina.destroy();
      return { pool: new CandidatePool(null), fellBack: (err as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }

  get size(): number {
    return this.piscina?.options.maxThreads ?? 0;
  }

  /** Default size: one worker per core, none on a single core (the main thread parses meanwhile). */
  static defaultSize(): number {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    return cores > 1 ? cores : 0;
  }

  /** Extracts candidates for every doc of the chunk. */
  extract(docs: Doc[]): Promise<Candidate[][]> {
    if (!this.piscina) return Promise.resolve(docs.map((d) => extractCandidates(d.title, d.abstract)));
    return this.piscina.run({ docs: docs.map((d) => ({ title: d.title, abstract: d.abstract })) });
  }

  async close(): Promise<void> {
    await this.piscina?.destroy();
  }
}
