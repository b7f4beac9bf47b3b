// Serves the stored whole-graph summaries: fresh when they describe the current graph version; otherwise the previous
// one marked stale while a refresh runs in the background (stale-while-revalidate). A request never waits for a
// whole-graph scan, except for the very first summary of a new database.
import type { Graph } from '../../db/graph.js';
import { readStoredPart } from '../../db/summary/read.js';
import { refreshSummaries, type RefreshResult } from '../../db/summary/refresh.js';
import type { PartKey, Parts } from '../../db/summary/parts.js';
import { sameVersion, type GraphVersion } from '../../db/summary/version.js';

export interface ServedSummary<T> {
  data: T;
  /** The graph version the data describes. */
  version: number;
  /** The graph has changed since: a newer summary is being built. */
  stale: boolean;
  builtAt: string | null;
}

export interface SummaryStatus {
  state: 'none' | 'building' | 'ready';
  /** Version of the last summary this server stored or served (null before the first). */
  version: number | null;
  refreshing: boolean;
  lastRefreshMs: number | null;
  lastError: string | null;
}

export interface SummaryServiceOptions {
  /** Least time between background refreshes started by this server (ms); a refresh after an ingest is not limited. */
  minIntervalMs?: number;
  log?: (msg: string) => void;
}

export class SummaryService {
  private readonly cache = new Map<PartKey, { version: GraphVersion; builtAt: string | null; data: unknown }>();
  private refreshing: Promise<RefreshResult> | null = null;
  private lastRefreshEnd = 0;
  private lastRefreshMs: number | null = null;
  private lastError: string | null = null;
  private lastVersion: number | null = null;
  private built = false;

  constructor(
    private readonly graph: Graph,
    private readonly opts: SummaryServiceOptions = {},
  ) {}

  /** Part `key` of the summary. Builds the first summary when the database has none; otherwise never scans. */
  async get<K extends PartKey>(key: K): Promise<ServedSummary<Parts[K]>> {
    for (let attempt = 0; ; attempt++) {
      const have = this.cache.get(key);
      const stored = await readStoredPart(this.graph, key, have?.version);
      if (stored.version === null) {
        if (attempt > 0) throw new Error(`no summary stored after building one (part ${key})`);
        await this.refresh({ lock: true });
        continue;
      }
      this.built = true;
      let entry = have;
      if (!entry || stored.data !== null || !sameVersion(entry.version, stored.version)) {
        if (stored.data === null) continue; // the held version was replaced between two reads: read it again
        entry = { version: stored.version, builtAt: stored.builtAt, data: stored.data };
        this.cache.set(key, entry);
      }
      const stale = !sameVersion(stored.version, stored.graph);
      if (stale) this.refreshInBackground();
      this.lastVersion = stored.version.version;
      return { data: entry.data as Parts[K], version: stored.version.version, stale, builtAt: entry.builtAt };
    }
  }

  /** Builds and stores the summary now (shared with a refresh already running). */
  refresh(opts: { lock?: boolean } = {}): Promise<RefreshResult> {
    if (this.refreshing) return this.refreshing;
    const started = performance.now();
    const run = refreshSummaries(this.graph, opts).then(
      (r) => {
        this.lastError = null;
        this.lastRefreshMs = Math.round(performance.now() - started);
        if (r.stored) {
          this.built = true;
          this.lastVersion = r.version.version;
        }
        return r;
      },
      (err: unknown) => {
        this.lastError = (err as Error).message;
        throw err;
      },
    );
    this.refreshing = run;
    void run
      .finally(() => {
        this.refreshing = null;
        this.lastRefreshEnd = Date.now();
      })
      .catch(() => undefined);
    return run;
  }

  /** Starts a refresh unless one runs or one ended less than minIntervalMs ago; failures are logged, not thrown. */
  refreshInBackground(): void {
    if (this.refreshing || Date.now() - this.lastRefreshEnd < (this.opts.minIntervalMs ?? 2_000)) return;
    // Without the lock: while writes keep coming the previous summary stays (stale); the refresh after they end stores one.
    this.refresh({ lock: false }).catch((err: unknown) => this.opts.log?.(`Summary refresh failed: ${(err as Error).message}`));
  }

  /** Builds the first summary when none is stored or the stored one is behind; resolves once one is stored. */
  async ensureBuilt(): Promise<void> {
    // At start the database may still be cold (first query planned, pages not cached): wait longer than a request.
    const stored = await readStoredPart(this.graph, 'coauthors', this.cache.get('coauthors')?.version, 180_000);
    if (stored.version !== null && sameVersion(stored.version, stored.graph)) {
      this.built = true;
      this.lastVersion = stored.version.version;
      return;
    }
    await this.refresh({ lock: true });
  }

  status(): SummaryStatus {
    return {
      state: this.built ? 'ready' : this.refreshing ? 'building' : 'none',
      version: this.lastVersion,
      refreshing: this.refreshing !== null,
      lastRefreshMs: this.lastRefreshMs,
      lastError: this.lastError,
    };
  }
}
