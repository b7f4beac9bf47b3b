// Start-up warm-up, in the background once the server listens: brings the stores into Neo4j's page cache and runs each
// view once through the server itself, so the first visitor does not pay for cold pages and query planning.
import type { Graph } from '../../db/graph.js';
import type { StartState } from './readiness.js';

/** Each warm-up request may take this long on a cold store before it is abandoned (the warm-up goes on). */
const REQUEST_TIMEOUT_MS = 120_000;

/** The view URLs the warm-up requests, from a sample of the data (ids picked by the caller). */
export function warmPaths(s: { paper?: string; authors: string[]; topic?: string; word?: string }): string[] {
  const e = encodeURIComponent;
  const paths = ['/api/stats', '/api/graph/topics', '/api/graph/topics?mode=bipartite', '/api/graph/coauthors'];
  if (s.word) paths.push(`/api/search?q=${e(s.word)}`);
  if (s.paper) paths.push(`/api/papers/${e(s.paper)}`, `/api/papers/${e(s.paper)}/related?by=all`);
  const [a, b] = s.authors;
  if (a) paths.push(`/api/authors/${e(a)}`, `/api/graph/coauthors?author=${e(a)}`, `/api/graph/coauthors?author=${e(a)}&depth=2`);
  if (a && b) paths.push(`/api/graph/path?from=${e(a)}&to=${e(b)}`);
  if (s.topic) paths.push(`/api/graph/topics?topic=${e(s.topic)}`);
  return paths;
}

/**
 * Warms up against `baseUrl` (this server) and records each step in `state.warm` for /api/health. Never throws: a
 * failed step is recorded and the next one runs.
 */
export async function warmUp(baseUrl: string, graph: Graph, state: StartState, log?: (msg: string) => void): Promise<void> {
  const started = performance.now();
  state.warm = { state: 'warming', ms: null, steps: [] };
  const step = async (name: string, work: () => Promise<unknown>) => {
    const t0 = performance.now();
    try {
      await work();
      state.warm.steps.push({ step: name, ms: Math.round(performance.now() - t0) });
    } catch (err) {
      state.warm.steps.push({ step: name, ms: Math.round(performance.now() - t0), error: (err as Error).message });
    }
  };
  await step('stores', () => graph.read('summary/warm-stores', {}, { timeoutMs: 10 * 60_000 }));
  let sample: { paper?: string; authors: string[]; topic?: string; word?: string } = { authors: [] };
  await step('sample', async () => {
    const [row] = await graph.read('summary/warm-sample');
    const topics = await state.summaries.get('topics');
    sample = {
      paper: row?.paper,
      authors: row?.authors ?? [],
      topic: topics.data.topics.top[0]?.id,
      word: row?.word || undefined,
    };
  });
  for (const p of warmPaths(sample)) {
    await step(`GET ${p}`, async () => {
      const res = await fetch(`${baseUrl}${p}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      await res.arrayBuffer();
      if (res.status >= 500) throw new Error(`status ${res.status}`);
    });
  }
  const failed = state.warm.steps.filter((s) => s.error);
  state.warm.state = failed.length === state.warm.steps.length ? 'failed' : 'done';
  state.warm.ms = Math.round(performance.now() - started);
  log?.(`Warm-up ${state.warm.state} in ${state.warm.ms} ms${failed.length ? ` (${failed.length} steps failed)` : ''}`);
}
