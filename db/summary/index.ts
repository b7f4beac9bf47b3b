// Graph version and stored whole-graph summaries: what ingest, bulk load and identity decisions call, and what the
// server reads.
export { bumpGraphVersion, graphVersionIn, readGraphVersion, sameVersion, versionOf, versionTag, type GraphVersion } from './version.js';
export { refreshSummaries, type RefreshOptions, type RefreshResult } from './refresh.js';
export { readStoredPart, type StoredPart } from './read.js';
export * from './parts.js';
