// npm run bench:payload : the size of a hub's depth-1 co-author map response (GET /api/graph/coauthors) on a synthetic
// arXiv-shaped graph, as sent (uncompressed JSON) and gzipped, and the size of the same graph as Cytoscape elements
// (every edge with its id, source and target). The loaded database is cached between runs.
//   npm run bench:payload -- --papers 20000 --limit 150
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import neo4j from 'neo4j-driver';
import { Graph } from '../db/graph.js';
import { startLocalNeo4j } from '../db/local-neo4j.js';
import { applySchema } from '../db/schema.js';
import { GraphResponse } from '../schema/graph.js';
import { createApp } from '../server/app.js';
import { decodeGraph } from '../shared/graph-payload.js';
import { loadSyntheticOnce } from './synthetic-graph.js';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '20000' },
    limit: { type: 'string', default: '150' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'papergraph-bench-payload') },
  },
});
const papers = Number(values.papers);
const dir = values.dir;
const dataDir = path.join(dir, `neo4j-${papers}`);
mkdirSync(dir, { recursive: true });

const neo = await startLocalNeo4j({ dataDir, port: 0, heap: '1g', pageCache: '512m', transactionTimeout: '120s' });
const driver = neo4j.driver(neo.uri, neo4j.auth.basic(neo.user, neo.password));
const graph = new Graph(driver, { uri: neo.uri, kind: 'local' });
try {
  await applySchema(graph);
  await loadSyntheticOnce(graph, { dir, dataDir, papers });
  const [top] = await graph.transaction('READ', async (tx) =>
    (await tx.run('MATCH (a:Author) WITH a, COUNT { (a)-[:AUTHORED]->() } AS n ORDER BY n DESC, a.id LIMIT 1 RETURN a.id AS id, n')).records,
  );
  if (!top) throw new Error(`bench/payload.ts: the ${papers}-paper graph in ${dataDir} has no authors`);
  const hub = top.toObject();
  const app = createApp({ graph, log: () => {} });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/api/graph/coauthors?author=${encodeURIComponent(String(hub.id))}&depth=1&limit=${values.limit}`;
  const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const body = Buffer.from(await res.arrayBuffer());
  const json = JSON.parse(body.toString('utf8')) as { nodes: unknown[]; edges: unknown[] };
  const elements = Buffer.from(JSON.stringify(decodeGraph(GraphResponse.parse(json))));
  server.close();
  server.closeAllConnections();
  console.log(
    JSON.stringify({
      papers,
      hub: hub.id,
      hubPapers: Number(hub.n),
      status: res.status,
      nodes: json.nodes.length,
      edges: json.edges.length,
      bytes: body.length,
      gzipBytes: gzipSync(body).length,
      parts: Object.fromEntries(Object.entries(json).map(([k, v]) => [k, JSON.stringify(v).length])),
      elementsBytes: elements.length,
      elementsGzipBytes: gzipSync(elements).length,
    }),
  );
} finally {
  await driver.close();
  await neo.stop();
}
