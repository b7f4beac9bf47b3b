// Pure: the node order of a path response (its `path` list when sent, else the chain its edges form from `from`).
import type { GraphPayload } from './elements.js';

/**
 * Node ids from `from` to `to` along the payload's edges (breadth-first, so the shortest chain if several), or the
 * payload's own `path` array when present; [] when they are not connected.
 */
export function pathOrder(payload: GraphPayload & { path?: unknown }, from: string, to: string): string[] {
  if (Array.isArray(payload.path) && payload.path.every((p) => typeof p === 'string')) return payload.path as string[];
  const adj = new Map<string, string[]>();
  for (const e of payload.edges) {
    (adj.get(e.data.source) ?? adj.set(e.data.source, []).get(e.data.source)!).push(e.data.target);
    (adj.get(e.data.target) ?? adj.set(e.data.target, []).get(e.data.target)!).push(e.data.source);
  }
  const prev = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const cur = queue.shift()!;
    if (cur === to) break;
    for (const n of adj.get(cur) ?? []) {
      if (prev.has(n)) continue;
      prev.set(n, cur);
      queue.push(n);
    }
  }
  if (!prev.has(to)) return [];
  const out: string[] = [];
  for (let c: string | null = to; c !== null; c = prev.get(c) ?? null) out.unshift(c);
  return out;
}
