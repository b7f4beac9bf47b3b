// The admin token that guards curation writes: Bearer token in the Authorization header, compared in constant time,
// failed attempts rate-limited per client IP. Reads stay open; only routers that mount `requireAdmin` need a token.
//
// Why a header and not a cookie: the browser never attaches an Authorization header on its own, so a page on another
// site cannot make a request that carries the token (no CSRF, no SameSite or CSRF-token machinery needed). The client
// keeps the token in sessionStorage (one tab, gone when the tab closes) after taking it once from the sign-in URL; the
// price is that script running in the page could read it, which helmet's Content-Security-Policy (scripts from this
// origin only) guards against.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { type AdminToken, parseAdminTokens } from '../../core/config.js';
import { TokenError } from '../../core/errors.js';
import { AppError } from '../errors.js';

/** The token holders a server accepts, stored as SHA-256 digests (the secrets themselves are not kept). */
export interface AdminTokens {
  holders: { label: string; digest: Buffer }[];
  /** Set when the token was generated at start (PAPERGRAPH_ADMIN_TOKEN unset): the one secret, to print once. */
  generated?: string;
}

const digest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** Token holders from PAPERGRAPH_ADMIN_TOKEN, or one generated token (label `admin`) when it is unset. */
export function adminTokens(setting: string | undefined): AdminTokens {
  if (setting) return { holders: parseAdminTokens(setting).map((t: AdminToken) => ({ label: t.label, digest: digest(t.token) })) };
  const generated = randomBytes(24).toString('base64url');
  return { holders: [{ label: 'admin', digest: digest(generated) }], generated };
}

/** The sign-in URL printed at start: the client takes the token from it once and removes it from the address bar. */
export function signInUrl(base: string, token: string): string {
  return `${base.replace(/\/$/, '')}/?view=review&token=${encodeURIComponent(token)}`;
}

/**
 * The label of the holder whose token `presented` is, or null. Every holder's digest is compared (no early exit), each
 * with timingSafeEqual on equal-length SHA-256 digests, so the time taken says nothing about how much of a token matched.
 */
export function holderOf(tokens: AdminTokens, presented: string): string | null {
  const d = digest(presented);
  let found: string | null = null;
  for (const h of tokens.holders) if (timingSafeEqual(h.digest, d) && found === null) found = h.label;
  return found;
}

/** The bearer token of a request, or null when there is no `Authorization: Bearer …` header. */
export function bearerToken(req: Request): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return m?.[1] ?? null;
}

export interface AdminAuthOptions {
  /** Failed attempts (401) per client IP per window before every attempt answers 429; default 10 per 15 min. */
  failures?: { limit: number; windowMs: number };
}

export const DEFAULT_FAILURE_LIMIT = { limit: 10, windowMs: 15 * 60_000 };

/** The holder's label on a request that passed `requireAdmin`. */
export function tokenHolder(req: Request): string {
  const label = (req as Request & { tokenHolder?: string }).tokenHolder;
  if (!label) throw new Error('tokenHolder() on a request that did not pass requireAdmin');
  return label;
}

/**
 * Middleware for write routes: 401 `token_required` without a bearer token, 401 `token_invalid` with a wrong one, 429
 * `rate_limited` once a client has failed too often (then even the right token waits for the window to pass). Each call
 * makes its own counters, so each app (and each test) starts fresh.
 */
export function requireAdmin(tokens: AdminTokens, opts: AdminAuthOptions = {}): RequestHandler[] {
  const { limit, windowMs } = opts.failures ?? DEFAULT_FAILURE_LIMIT;
  const limiter = rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Only refused attempts count: a holder of the right token may make as many decisions as they like.
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
    handler: (_req, res, next) => {
      const retryAfter = Number(res.getHeader('Retry-After')) || Math.ceil(windowMs / 1000);
      next(
        new AppError(429, 'rate_limited', `Too many refused admin tokens from this client: at most ${limit} per ${windowMs / 1000} s`, {
          limit,
          windowMs,
          retryAfterSeconds: retryAfter,
        }),
      );
    },
  });
  const check: RequestHandler = (req, res, next) => {
    const presented = bearerToken(req);
    res.setHeader('WWW-Authenticate', 'Bearer realm="papergraph-curation"');
    if (presented === null) {
      next(new TokenError('token_required', 'This endpoint changes the graph and needs the admin token: send it as "Authorization: Bearer <token>"'));
      return;
    }
    const label = holderOf(tokens, presented);
    if (label === null) {
      next(new TokenError('token_invalid', 'The admin token is not valid (see the sign-in URL printed when the server started)'));
      return;
    }
    res.removeHeader('WWW-Authenticate');
    (req as Request & { tokenHolder?: string }).tokenHolder = label;
    next();
  };
  return [limiter, check];
}
