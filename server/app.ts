// createApp(deps) builds the Express app without listening, so tests drive it directly.
import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import cors from 'cors';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Graph } from '../db/graph.js';
import { apiRouter } from './api/routes.js';
import { OWN_BODY_PARSER_PATHS, type CurationRouterOptions } from './api/curation/curation.routes.js';
import { adminTokens, type AdminTokens } from './http/admin-token.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { freshShared, versionEtag } from './http/version-etag.js';
import { StartState } from './summary/readiness.js';
import { SummaryService } from './summary/summary.service.js';
import { readGraphVersion } from '../db/summary/version.js';

export interface AppDeps {
  graph: Graph;
  /** Folder of the built client; served at / when it exists. */
  clientDir?: string;
  log?: (msg: string) => void;
  /** CORS_ORIGIN: the one other origin allowed to call the API from a browser. */
  corsOrigin?: string;
  /** Start-up state (summaries, warm-up) shown by /api/health; one is made on `graph` when not given. */
  start?: StartState;
  /** The admin token holders who may make curation decisions; when not given, a random token nobody knows (writes closed). */
  admin?: AdminTokens;
  /** Curation options (the refused-token rate limit). */
  curation?: CurationRouterOptions;
}

/**
 * Cross-origin access: none unless CORS_ORIGIN names one origin; then only that origin may call the API from a browser
 * (GET/POST with a JSON body), and its preflight is answered.
 */
export function corsPolicy(origin: string | undefined): RequestHandler {
  if (!origin) return (_req, _res, next) => next();
  // A list (not a string) makes the cors package echo the origin only when it matches.
  return cors({ origin: [origin], methods: ['GET', 'POST'], allowedHeaders: ['Content-Type'], maxAge: 600 });
}

/** API paths answered without the graph-version ETag (their answers are not a function of the graph's data). */
const UNVERSIONED = new Set(['/health', '/openapi.json', '/docs']);

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet());
  // gzip/deflate/brotli for clients that accept it (responses under 1 kB are sent as they are).
  app.use(compression());
  const json = express.json({ limit: '100kb' });
  // A decision-file import parses its larger body itself, after its admin token is checked.
  app.use((req, res, next) => (OWN_BODY_PARSER_PATHS.has(req.path) ? next() : json(req, res, next)));
  app.use('/api', corsPolicy(deps.corsOrigin));

  // Reads the graph version before each GET so an unchanged graph answers 304 (see server/http/version-etag.ts).
  app.use('/api', versionEtag(freshShared(() => readGraphVersion(deps.graph)), (p) => UNVERSIONED.has(p)));
  const start = deps.start ?? new StartState(new SummaryService(deps.graph, { log: deps.log }));
  const api = apiRouter({
    graph: deps.graph,
    summaries: start.summaries,
    start,
    admin: deps.admin ?? adminTokens(undefined),
    curation: deps.curation,
  });
  api.use(notFoundHandler());
  app.use('/api', api);

  const clientDir = deps.clientDir;
  if (clientDir && existsSync(clientDir)) {
    app.use(express.static(clientDir, { index: 'index.html' }));
    // Client-side routes fall back to the app shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use(errorHandler(deps.log));
  return app;
}
