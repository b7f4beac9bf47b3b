// GET /api/health
import { Router } from 'express';
import type { Graph } from '../../../db/graph.js';
import { getHealth } from './health.service.js';

export function healthRouter(graph: Graph): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const { status, body } = await getHealth(graph);
    res.status(status).json(body);
  });
  return router;
}
