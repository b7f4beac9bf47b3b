// Cross-origin access: none unless CORS_ORIGIN names one origin; then only that origin may call the API from a browser.
import type { RequestHandler } from 'express';

/** Middleware allowing exactly `origin` (GET/POST with a JSON body); without an origin it adds nothing (same-origin). */
export function cors(origin: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!origin || req.headers.origin !== origin) {
      next();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
