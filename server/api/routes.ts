// Mounts every API resource under /api. One line per resource folder.
import { Router } from 'express';
import type { Graph } from '../../db/graph.js';
import type { StartState } from '../summary/readiness.js';
import type { SummaryService } from '../summary/summary.service.js';
import { healthRouter } from './health/health.routes.js';
import { statsRouter } from './stats/stats.routes.js';
import { searchRouter } from './search/search.routes.js';
import { authorsRouter } from './authors/authors.routes.js';
import { papersRouter } from './papers/papers.routes.js';
import { graphRouter } from './graph/graph.routes.js';
import { exportRouter } from './export/export.routes.js';
import { cypherRouter } from './cypher/cypher.routes.js';
import { openApiRouter } from './openapi/openapi.routes.js';
import { curationRouter, type CurationRouterOptions } from './curation/curation.routes.js';
import type { AdminTokens } from '../http/admin-token.js';

export interface ApiDeps {
  graph: Graph;
  summaries: SummaryService;
  start: StartState;
  /** Who may make curation decisions (the admin token holders). */
  admin: AdminTokens;
  curation?: CurationRouterOptions;
}

export function apiRouter(deps: ApiDeps): Router {
  const api = Router();
  api.use(healthRouter(deps.graph, () => deps.start.readiness()));
  api.use(statsRouter(deps.summaries));
  api.use(searchRouter(deps.graph));
  api.use(authorsRouter(deps.graph));
  api.use(papersRouter(deps.graph));
  api.use(graphRouter(deps.graph, deps.summaries));
  api.use(exportRouter(deps.graph, deps.summaries));
  api.use(cypherRouter(deps.graph));
  api.use(curationRouter(deps.graph, deps.admin, deps.curation));
  api.use(openApiRouter());
  return api;
}
