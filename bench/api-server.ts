// The API server for npm run bench:api, in its own process so the load generator does not share its event loop:
// createApp against the Neo4j named by NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (required), no sample data, no client
// build, no schema changes. Prints `PAPERGRAPH_BENCH_LISTENING <port>` on stdout once it listens (PORT=0: a free port).
import { connect } from '../db/connect.js';
import { createApp } from '../server/app.js';
import { loadConfig } from '../core/config.js';

const LISTENING_PREFIX = 'PAPERGRAPH_BENCH_LISTENING '; // bench/api.ts waits for this line

const config = loadConfig();
if (!config.NEO4J_URI) {
  console.error('bench/api-server.ts needs NEO4J_URI (it never starts or fills a database itself)');
  process.exit(2);
}
const connection = await connect(config, (line) => console.error(`[api-server] ${line}`));
const app = createApp({ graph: connection.graph, log: (line) => console.error(`[api-server] ${line}`) });
const server = app.listen(config.PORT, config.HOST);
server.on('listening', () => {
  const address = server.address();
  console.log(`${LISTENING_PREFIX}${typeof address === 'object' && address ? address.port : config.PORT}`);
});
const stop = async () => {
  server.close();
  server.closeAllConnections();
  await connection.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// The bench parent owns this process: when it goes away (stdin closes), so do we.
process.stdin.on('end', () => void stop());
process.stdin.resume();
