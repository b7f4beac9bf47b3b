// Retired author ids in a request that takes author ids in its query (co-author map, path, export): answered with a
// 308 to the same URL naming the live persons, as GET /api/authors/<retired id> does, so a once-valid URL never 404s.
import type { Request, Response } from 'express';
import type { Graph } from '../../../db/graph.js';
import type { AuthorRedirectsBody } from '../../../schema/authors.js';
import { NotFoundError } from '../../errors.js';

/** Redirect hops followed before giving up (a chain longer than this means a loop; the request then stays a 404). */
const MAX_REDIRECT_HOPS = 16;

/** A retired id and the live id it leads to, with the reason recorded when it was first retired. */
export interface AuthorMove {
  from: string;
  id: string;
  reason: string | null;
}

/**
 * The live id of every retired id among `ids`, following redirect chains to their end. Ids that name a person, were
 * never authors, or sit on a chain longer than MAX_REDIRECT_HOPS are left out.
 */
export async function followRedirects(graph: Graph, ids: readonly string[]): Promise<Map<string, AuthorMove>> {
  let pending = [...new Set(ids)].map((from) => ({ from, at: from, reason: null as string | null }));
  const out = new Map<string, AuthorMove>();
  for (let hop = 0; hop < MAX_REDIRECT_HOPS && pending.length > 0; hop++) {
    const rows = await graph.read('identity/redirects', { ids: [...new Set(pending.map((p) => p.at))] });
    const next = new Map(rows.map((r) => [r.id, r]));
    const still: typeof pending = [];
    for (const p of pending) {
      const r = next.get(p.at);
      if (r) still.push({ from: p.from, at: r.redirectTo, reason: hop === 0 ? r.reason : p.reason });
      else if (p.at !== p.from) out.set(p.from, { from: p.from, id: p.at, reason: p.reason });
    }
    pending = still;
  }
  return out;
}

/**
 * Runs `handler`; when it fails with NotFoundError and some of the author ids in `params` (query parameter → id) are
 * retired, answers 308 instead: Location is the same path and query string with each retired id replaced by its live
 * id, and the body (AuthorRedirectsBody) names them. Returns the handler's result, or undefined once it redirected.
 */
export async function followingRetiredAuthors<T>(
  graph: Graph,
  req: Request,
  res: Response,
  params: Record<string, string | undefined>,
  handler: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await handler();
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    const named = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
    if (named.length === 0) throw err;
    const moves = await followRedirects(graph, named.map(([, id]) => id));
    if (moves.size === 0) throw err;
    const at = req.originalUrl.indexOf('?');
    const search = new URLSearchParams(at >= 0 ? req.originalUrl.slice(at + 1) : '');
    const body: AuthorRedirectsBody = { redirects: [] };
    for (const [parameter, id] of named) {
      const move = moves.get(id);
      if (!move) continue;
      search.set(parameter, move.id);
      body.redirects.push({ parameter, ...move });
    }
    // 308 keeps the method; fetch and browsers (downloads too) follow it to the live ids.
    res.status(308).location(`${req.baseUrl}${req.path}?${search.toString()}`).json(body);
    return undefined;
  }
}
