// createApp(deps) builds the Express app without listening, so tests drive it directly.
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Graph } from '../db/graph.js';
import { apiRouter } from './api/routes.js';
import { cors } from './http/cors.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';

export interface AppDeps {
  graph: Graph;
  /** Folder of the built client; served at / when it exists. */
  clientDir?: string;
  log?: (msg: string) => void;
  /** CORS_ORIGIN: the one other origin allowed to call the API from a browser. */
  corsOrigin?: string;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet());
  app.use(express.json({ limit: '100kb' }));
  app.use('/api', cors(deps.corsOrigin));

  const api = apiRouter({ graph: deps.graph });
  api.use(notFoundHandler());
  app.use('/api', api);

  if (deps.clientDir && existsSync(deps.clientDir)) {
    app.use(express.static(deps.clientDir, { index: 'index.html' }));
    // Client-side routes fall back to the app shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(deps.clientDir!, 'index.html')));
  }
  app.use(errorHandler(deps.log));
  return app;
}
