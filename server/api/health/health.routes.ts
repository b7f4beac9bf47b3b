// GET /api/health
import { Router } from 'express';
import type { Graph } from '../../../db/graph.js';
import { getHealth } from './health.service.js';

export function healthRouter(graph: Graph): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const { status, body, retryAfterSeconds } = await getHealth(graph);
    if (status === 503 && retryAfterSeconds) res.set('Retry-After', String(retryAfterSeconds));
    res.status(status).json(body);
  });
  return router;
}
