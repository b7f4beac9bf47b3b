// Where each graph view comes from: the whole-graph co-author network and topic maps from the stored summary of the
// graph version (no scan per request), every other view from bounded index-backed reads. Shared by /api/graph/* and
// the exports, so a download is the graph the view shows.
import type { Graph } from '../../../db/graph.js';
import type { CoauthorGraphQuery, GraphResponse, TopicGraphQuery } from '../../../schema/graph.js';
import { sharedResult } from '../../http/shared-result.js';
import type { ServedSummary, SummaryService } from '../../summary/summary.service.js';
import { coauthorGraph, wholeNetworkGraph } from './coauthors.service.js';
import { isWholeTopicMap, topicGraph, wholeTopicMap } from './topics.service.js';

/** A graph view's response, and the stored summary it was built from (none for views read live). */
export interface GraphView {
  graph: GraphResponse;
  served?: ServedSummary<unknown>;
}

/** True when `q` is the whole co-author network (no ego, no filter). */
export function isWholeNetwork(q: CoauthorGraphQuery): boolean {
  return !q.author && q.category === undefined && q.yearFrom === undefined && q.yearTo === undefined;
}

/** Most whole-network responses kept per summary version (by query): weighing the stored pairs is skipped for repeats. */
const WHOLE_NETWORK_MEMO = 32;

export class GraphViews {
  private memo: { version: number; builtAt: string | null; graphs: Map<string, GraphResponse> } = { version: -1, builtAt: null, graphs: new Map() };
  // A centred topic map aggregates over the centre's papers: identical requests arriving while one runs share its
  // result (nothing is kept after it, so a new ingest shows at once).
  private readonly liveTopics = sharedResult((q: TopicGraphQuery) => topicGraph(this.graph, q), { ttlMs: 0 });

  constructor(
    private readonly graph: Graph,
    private readonly summaries: SummaryService,
  ) {}

  async coauthors(q: CoauthorGraphQuery): Promise<GraphView> {
    if (!isWholeNetwork(q)) return { graph: await coauthorGraph(this.graph, q) };
    const served = await this.summaries.get('coauthors');
    if (served.version !== this.memo.version || served.builtAt !== this.memo.builtAt) {
      this.memo = { version: served.version, builtAt: served.builtAt, graphs: new Map() };
    }
    const key = JSON.stringify([q.limit, q.weighting, q.minWeight]);
    let g = this.memo.graphs.get(key);
    if (!g) {
      g = wholeNetworkGraph(served.data, q);
      if (this.memo.graphs.size >= WHOLE_NETWORK_MEMO) this.memo.graphs.clear();
      this.memo.graphs.set(key, g);
    }
    return { graph: g, served };
  }

  async topics(q: TopicGraphQuery): Promise<GraphView> {
    if (!isWholeTopicMap(q)) return { graph: await this.liveTopics(q) };
    const served = await this.summaries.get('topics');
    return { graph: await wholeTopicMap(this.graph, served.data, q), served };
  }
}
