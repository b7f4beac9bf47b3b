// GET /api/health
import { Router } from 'express';
import type { Graph } from '../../../db/graph.js';
import type { Readiness } from '../../../schema/api.js';
import { getHealth } from './health.service.js';

/** `readiness` adds this server's summary and warm-up state to the answer. */
export function healthRouter(graph: Graph, readiness?: () => Readiness): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const { status, body, retryAfterSeconds } = await getHealth(graph);
    if (status === 503 && retryAfterSeconds) res.set('Retry-After', String(retryAfterSeconds));
    res.status(status).json(readiness ? { ...body, ...readiness() } : body);
  });
  return router;
}
