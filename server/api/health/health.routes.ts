// GET /api/health
import { Router } from 'express';
import type { Graph } from '../../../db/graph.js';
import type { Readiness } from '../../../schema/api.js';
import { getHealth } from './health.service.js';

/** `readiness` adds this server's summary and warm-up state to the answer. */
export function healthRouter(graph: Graph, readiness?: () => Readiness): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const { status, body } = await getHealth(graph);
    res.status(status).json(readiness ? { ...body, ...readiness() } : body);
  });
  return router;
}
