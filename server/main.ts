// Entry point: configuration, database (local or remote), schema, sample data, client build, then listen.
// The database connection is resilient: a built-in Neo4j whose JVM dies is restarted, and while the database is down
// requests fail fast with 503 and Retry-After.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '../db/connect.js';
import { applySchema, applySchemaWhenReachable } from '../db/schema.js';
import { createApp } from './app.js';
import { ensureClientBuilt } from './client-build.js';
import { ConfigError, loadConfig } from '../core/config.js';
import { loadSampleIfEmpty } from '../ingest/sample.js';
import { StartState } from './summary/readiness.js';
import { SummaryService } from './summary/summary.service.js';
import { warmUp } from './summary/warm.js';
import { adminTokens, signInUrl } from './http/admin-token.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = path.join(root, 'dist', 'client');
const log = (msg: string) => console.log(`[papergraph] ${msg}`);

async function main(): Promise<void> {
  const config = loadConfig();
  await ensureClientBuilt(root, clientDir, log);
  const connection = await connect(config, log, { resilient: true });
  const { graph } = connection;

  // When Neo4j answers now, the schema and (on an empty database) the sample are in place before the first request;
  // when it does not, the server listens anyway (health says 503) and finishes these steps once Neo4j is back.
  const startup = new AbortController();
  const start = new StartState(new SummaryService(graph, { log }));
  const prepare = async () => {
    if (config.LOAD_SAMPLE) await loadSampleIfEmpty(graph, root, log);
    // Health reports ready once the summary of this version is stored (built here on a new or changed database).
    await start.summaries.ensureBuilt();
  };
  let ready: Promise<void>;
  try {
    await applySchema(graph);
    ready = prepare();
    await ready;
  } catch (err) {
    log(`Neo4j not ready (${(err as Error).message}); serving anyway, retrying in the background`);
    ready = applySchemaWhenReachable(graph, log, 5_000, startup.signal).then(prepare);
  }

  const admin = adminTokens(config.PAPERGRAPH_ADMIN_TOKEN);
  const app = createApp({ graph, clientDir, log, corsOrigin: config.CORS_ORIGIN, start, admin });
  const retryAfter = () => connection.availability?.().retryAfterSeconds ?? 5;
  const server = http.createServer((req, res) => {
    retryAfterOn503(res, retryAfter);
    void app(req, res);
  });
  server.listen(config.PORT, config.HOST);
  server.on('error', async (err: NodeJS.ErrnoException) => {
    log(
      err.code === 'EADDRINUSE'
        ? `Port ${config.PORT} on ${config.HOST} is in use: stop the other process or set PORT`
        : `Cannot listen on ${config.HOST}:${config.PORT}: ${err.message}`,
    );
    await connection.close();
    process.exit(1);
  });
  server.on('listening', () => log(`PaperGraph on http://${config.HOST}:${config.PORT} (Neo4j: ${graph.target.uri})`));
  ready.catch((err) => log(`Start-up task failed: ${(err as Error).message}`));
  // Once listening and prepared: warm Neo4j's caches and the views' plans in the background (health reports it).
  server.on('listening', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const host = ['0.0.0.0', '::'].includes(config.HOST) ? '127.0.0.1' : config.HOST;
    // No PAPERGRAPH_ADMIN_TOKEN: the generated token is shown once, as a sign-in URL for the review view.
    if (admin.generated) log(`Curation sign-in (review queue): ${signInUrl(`http://${host.includes(':') ? `[${host}]` : host}:${port}`, admin.generated)}`);
    void ready.then(() => warmUp(`http://${host.includes(':') ? `[${host}]` : host}:${port}`, graph, start, log)).catch(() => undefined);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    startup.abort();
    server.close();
    server.closeAllConnections();
    await connection.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Every 503 (the database is down) tells the client when to try again, whichever handler produced it. */
function retryAfterOn503(res: http.ServerResponse, seconds: () => number): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (args[0] === 503 && !this.hasHeader('Retry-After')) this.setHeader('Retry-After', String(seconds()));
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `[papergraph] ${(err as Error).stack ?? err}`);
  process.exit(1);
});
