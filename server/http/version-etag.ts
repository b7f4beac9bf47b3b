// ETag = graph version: a GET whose If-None-Match names the current version answers 304 without running its query.
import type { RequestHandler, Response } from 'express';
import { versionTag, type GraphVersion } from '../../db/summary/version.js';

/**
 * Wraps `read` so that concurrent callers share reads, but a caller never gets a read that started before it called:
 * callers arriving while a read runs share the next one. (A read that began before a request arrived could miss a write
 * the client saw commit, and answer 304 for data that has changed.)
 */
export function freshShared<T>(read: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p = read().finally(() => {
      if (current === p) current = null;
    });
    current = p;
    return p;
  };
  return () => {
    if (!current) return start();
    if (!queued) {
      queued = current
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return start();
        });
    }
    return queued;
  };
}

/** True when an If-None-Match header names `tag` (or is `*`); weak and strong forms compare equal. */
export function etagMatches(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  const bare = tag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const x = t.trim();
    return x === '*' || x.replace(/^W\//, '') === bare;
  });
}

/**
 * Middleware for GET/HEAD under /api (except `skip`ped paths): reads the graph version before the route runs (so the tag
 * never claims a newer version than the data: at worst an older one, which only costs a refetch), answers 304 when
 * If-None-Match names it, and otherwise tags the route's 200 response with it. Responses are `Cache-Control: no-cache`
 * (revalidate every time). When the version cannot be read the route runs untagged (it reports the database error).
 */
export function versionEtag(readVersion: () => Promise<GraphVersion>, skip: (path: string) => boolean): RequestHandler {
  return async (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || skip(req.path)) return next();
    let tag: string;
    try {
      tag = versionTag(await readVersion());
    } catch {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    if (etagMatches(req.headers['if-none-match'], tag)) {
      res.setHeader('ETag', tag);
      res.status(304).end();
      return;
    }
    res.locals.versionTag = tag;
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (res.statusCode === 200 && typeof res.locals.versionTag === 'string') res.setHeader('ETag', res.locals.versionTag);
      return send(body);
    };
    next();
  };
}

/**
 * For a response that does not describe the current version (a stale summary): it goes out without the version tag,
 * so a client never keeps it under a tag that would later answer 304.
 */
export function untagResponse(res: Response): void {
  res.locals.versionTag = undefined;
}
