// Bulk load for a Neo4j this process does not run (NEO4J_URI set): stage the import CSVs and write the exact
// `neo4j-admin database import full` command, as a script for the docker compose setup, plus what the finish step
// needs; then stop. The importer must run where the database's files are, with the database stopped.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { importerArgs } from '../../db/bulk-import.js';
import type { IngestInput } from '../pipeline.js';
import { stageImport, type StagedImport, type StageOptions } from './stage.js';

/** Where the files are mounted inside the Neo4j container by the script. */
export const CONTAINER_DIR = '/papergraph-bulk';

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The script's text (pure, for tests). */
export function importScript(staged: Pick<StagedImport, 'groups'>, dir: string): string {
  const inContainer = (f: string) => `${CONTAINER_DIR}/${path.basename(f)}`;
  const args = importerArgs(staged.groups, {
    reportFile: `${CONTAINER_DIR}/import.report`,
    offHeap: '2g',
    pathOf: inContainer,
  });
  // The report is written next to the CSVs, so the mount is read-write.
  const command = ['neo4j-admin', 'database', 'import', 'full', '--overwrite-destination=true', ...args].map(shellQuote);
  return `#!/bin/sh
# PaperGraph bulk load: imports the CSVs in this folder into the database "neo4j" of the docker compose Neo4j
# (neo4j:5.26-community, volume neo4j-data). It REPLACES that database. Run it from the repository root:
#   sh ${shellQuote(path.join(dir, 'import.sh'))}
# The exact importer command (for any other Neo4j 5.26 installation: run it with the DBMS stopped, with the CSVs
# at ${CONTAINER_DIR}/ or with the paths changed):
#   ${command.join(' ')}
set -eu
DIR=${shellQuote(path.resolve(dir))}
# 1. Stop the explorer and Neo4j: the importer writes the store files directly.
docker compose stop app neo4j
# 2. Import, in a one-off container with the same data volume and this folder mounted at ${CONTAINER_DIR}.
docker compose run --rm --no-deps -v "$DIR:${CONTAINER_DIR}" neo4j \\
  ${command.join(' \\\n  ')}
# 3. Start Neo4j again (it picks up the imported store) and the explorer.
docker compose up -d neo4j
# 4. Apply the schema, the migrations and the post-passes (needs NEO4J_URI/NEO4J_PASSWORD as for ingest).
npm run ingest -- --bulk-finish "$DIR"
docker compose up -d app
`;
}

/** Stages the CSVs into `dir` and writes import.sh and the post-pass input; returns what was staged. */
export async function exportBulk(inputs: IngestInput[], dir: string, opts: StageOptions): Promise<StagedImport> {
  const staged = await stageImport(inputs, dir, opts);
  writeFileSync(path.join(dir, 'import.sh'), importScript(staged, dir), { mode: 0o755 });
  return staged;
}
