// Graph endpoints' request and response schemas (co-authors, topics, paths, export): one compact GraphResponse, decoded
// into Cytoscape elements (GraphElements) by shared/graph-payload.ts.
import { z } from 'zod';

/** Query strings arrive as text; an empty value (`?year=`) means "not given", not 0 or "". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An optional trimmed text parameter. */
function text(max: number) {
  return z.preprocess(blankToUndefined, z.string().trim().min(1).max(max).optional());
}

/** An integer parameter in [min, max]; optional here, defaults are applied by each endpoint's schema. */
function int(min: number, max: number) {
  return z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).optional());
}

function num(min: number, max: number) {
  return z.preprocess(blankToUndefined, z.coerce.number().min(min).max(max).optional());
}

function withDefault<T extends z.ZodType>(schema: T, value: NonNullable<z.input<T>>) {
  return z.preprocess((v) => blankToUndefined(v) ?? value, schema);
}

// ---------------------------------------------------------------------------------------------------------------------
// The graph shapes: GraphElements (Cytoscape elements) and GraphResponse, the compact form the endpoints send.

/** What a node stands for; `node` is any other Neo4j node (Cypher console). */
export const GraphNodeKind = z.enum(['author', 'paper', 'topic', 'category', 'node']);
/** What an edge stands for. */
export const GraphEdgeKind = z.enum(['coauthor', 'cooccurrence', 'has_topic', 'relationship']);

export const GraphNodeData = z.object({
  /** Cytoscape id: the domain id (author/topic id), `paper:<id>`/`topic:<id>` in bipartite graphs, elementId in the console. */
  id: z.string(),
  label: z.string(),
  kind: GraphNodeKind,
  /** The domain id (Author.id, Paper.id, Topic.id) when the node is one; same as `id` except in bipartite graphs. */
  ref: z.string().optional(),
  /** Papers behind the node (authors: papers in the filtered scope; topics: papers with the topic). */
  papers: z.number().int().optional(),
  /** Co-author ego networks: the centre author. */
  ego: z.boolean().optional(),
  /** Co-author ego networks: hops from the ego (0 for the ego). Paths: position along the path (0 = from). */
  depth: z.number().int().optional(),
  year: z.number().int().nullable().optional(),
  /**
   * Co-author graphs and paths: the author's main category, the primary category code (arXiv taxonomy, e.g. `eess.IV`)
   * most frequent among the author's papers in scope that the graph reads (at most 30 per author: PAPERS_PER_AUTHOR in
   * server/api/graph/coauthors.service.ts); ties go to the smaller code; null when none of them has a category.
   */
  category: z.string().nullable().optional(),
  /** Console: the Neo4j labels and properties of the node. */
  labels: z.array(z.string()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  /** Console: an endpoint of a returned relationship whose node itself was not returned (drawn without data). */
  placeholder: z.boolean().optional(),
});
export type GraphNodeData = z.infer<typeof GraphNodeData>;

export const GraphEdgeData = z.object({
  /** Stable id: `${a}|${b}` with a < b for undirected pairs, elementId in the console. */
  id: z.string(),
  source: z.string(),
  target: z.string(),
  kind: GraphEdgeKind,
  /** Co-authorship: joint papers (count) or fractional credit; co-occurrence: shared papers; HAS_TOPIC: the score. */
  weight: z.number().optional(),
  /** Number of papers behind the edge (joint papers / shared papers), whatever the weighting. */
  paperCount: z.number().int().optional(),
  /** Ids of papers behind the edge, most recent first, at most a few (see paperCount for all of them). */
  papers: z.array(z.string()).optional(),
  /** Co-authorship: both ends have more papers than are read per author, so weight and paperCount may be under-counted. */
  estimated: z.boolean().optional(),
  /** Console: relationship type (also the label). */
  label: z.string().optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
export type GraphEdgeData = z.infer<typeof GraphEdgeData>;

export const Cut = z.object({
  /** How many there were before the cut. */
  total: z.number().int(),
  /** How many are in the response. */
  shown: z.number().int(),
});

export const Truncation = z.object({
  nodes: Cut,
  edges: Cut,
  /** What was cut and by which rule, in words (empty when nothing was cut). */
  reasons: z.array(z.string()),
});
export type Truncation = z.infer<typeof Truncation>;

export const GraphNode = z.object({ data: GraphNodeData });
export const GraphEdge = z.object({ data: GraphEdgeData });

/**
 * A graph as Cytoscape elements (`cy.add([...nodes, ...edges])`) and what limits cut: what the graph endpoints' compact
 * GraphResponse decodes to (shared/graph-payload.ts), and the JSON download of /api/export/graph.
 */
export const GraphElements = z
  .object({
    nodes: z.array(GraphNode),
    edges: z.array(GraphEdge),
    truncated: Truncation,
  })
  .meta({ id: 'GraphElements', description: 'A graph as Cytoscape elements: cy.add([...nodes, ...edges])' });
export type GraphElements = z.infer<typeof GraphElements>;

/** The GraphEdgeData fields an edge tuple may carry after its two node indexes (source and target are the indexes). */
export const EdgeField = z.enum(['id', 'kind', 'weight', 'paperCount', 'papers', 'estimated', 'label', 'properties']);
export type EdgeField = z.infer<typeof EdgeField>;

/** Fields every edge of a graph may share, sent once in `edgeCommon` (scalars only). */
export const EdgeCommon = GraphEdgeData.pick({ kind: true, weight: true, paperCount: true, estimated: true, label: true }).partial();

/** One edge: `[sourceIndex, targetIndex, ...values]`, the values in `edgeFields` order, null where the edge has none. */
export const CompactEdge = z.array(z.unknown()).min(2);

/** The value an edge tuple holds for each field: as in GraphEdgeData, except `papers`, which are indexes into `paperIds`. */
const EDGE_VALUE: Record<EdgeField, z.ZodType> = {
  ...GraphEdgeData.shape,
  papers: z.array(z.number().int().min(0)),
};

function isIndex(v: unknown, length: number): boolean {
  return Number.isInteger(v) && (v as number) >= 0 && (v as number) < length;
}

/**
 * What every graph endpoint sends: each node once, and edges as tuples referring to nodes by their index in `nodes`,
 * so no node id is repeated per edge. Edge ids are not sent when they are `${source}|${target}` (the pair id of
 * undirected edges, source < target, and `paper:…|topic:…` of HAS_TOPIC edges); console relationships carry their
 * elementId in the `id` field. Decoded into GraphElements by decodeGraph (shared/graph-payload.ts).
 */
export const GraphResponse = z
  .object({
    /** The nodes' data, each node once; an edge refers to a node by its position here. */
    nodes: z.array(GraphNodeData).describe('Each node once; edges refer to a node by its index in this array'),
    /** Values every edge has (e.g. `kind`), sent once instead of in every edge. */
    edgeCommon: EdgeCommon.describe('Values every edge has (e.g. kind), sent once instead of in every edge'),
    /** Names of the values that follow the two node indexes in each edge tuple. */
    edgeFields: z.array(EdgeField).describe('Names of the values that follow the two node indexes in each edge tuple'),
    /** Paper ids the edges' `papers` values point into (each id once). */
    paperIds: z.array(z.string()).describe('Paper ids that the `papers` values of edges point into by index'),
    /** `[sourceIndex, targetIndex, ...values in edgeFields order]`; null (or a shorter tuple) where an edge has no value. */
    edges: z
      .array(CompactEdge)
      .describe(
        '[sourceIndex, targetIndex, ...values in edgeFields order]; null or a shorter tuple where an edge has no value. ' +
          'An edge without an `id` value has the id `<source id>|<target id>`.',
      ),
    truncated: Truncation,
  })
  .superRefine((g, ctx) => {
    if (new Set(g.edgeFields).size !== g.edgeFields.length) {
      ctx.addIssue({ code: 'custom', path: ['edgeFields'], message: 'names a field twice' });
    }
    const n = g.nodes.length;
    for (let i = 0; i < g.edges.length; i++) {
      const e = g.edges[i] as unknown[];
      const problem = (index: number, message: string) => ctx.addIssue({ code: 'custom', path: ['edges', i, index], message });
      if (e.length > 2 + g.edgeFields.length) problem(e.length - 1, `holds ${e.length - 2} values for ${g.edgeFields.length} edgeFields`);
      for (const end of [0, 1]) if (!isIndex(e[end], n)) problem(end, `is not the index of one of the ${n} nodes`);
      g.edgeFields.forEach((field, f) => {
        const v = e[2 + f];
        if (v === null || v === undefined) return;
        if (!EDGE_VALUE[field].safeParse(v).success) problem(2 + f, `is not a valid ${field}`);
        else if (field === 'papers' && (v as unknown[]).some((p) => !isIndex(p, g.paperIds.length))) {
          problem(2 + f, `points past the ${g.paperIds.length} paperIds`);
        }
      });
    }
  })
  .meta({
    id: 'GraphResponse',
    description: 'A graph with each node once and edges by node index; decoded into GraphElements by shared/graph-payload.ts',
  });
export type GraphResponse = z.infer<typeof GraphResponse>;

// ---------------------------------------------------------------------------------------------------------------------
// Requests. Field builders are shared with the export endpoint, defaults live in GRAPH_DEFAULTS (used by both).

export const Weighting = z.enum(['count', 'fractional']);
export const TopicMode = z.enum(['cooccurrence', 'bipartite']);
export const GraphKind = z.enum(['coauthors', 'topics', 'path']);
export const ExportFormat = z.enum(['json', 'graphml', 'csv']);
export const CsvPart = z.enum(['nodes', 'edges']);

/** Defaults of every graph parameter; the export endpoint applies the same ones. */
export const GRAPH_DEFAULTS = {
  coauthors: { depth: 1, minWeight: 0, limit: 150, weighting: 'count' as const },
  topics: { minCooccurrence: 1, limit: 100, mode: 'cooccurrence' as const },
  path: { maxHops: 4 },
};
export const MAX_GRAPH_NODES = 1000;

const fields = {
  author: text(300),
  depth: int(1, 3),
  minWeight: num(0, 1_000_000),
  yearFrom: int(1000, 3000),
  yearTo: int(1000, 3000),
  category: text(64),
  limit: int(1, MAX_GRAPH_NODES),
  weighting: z.preprocess(blankToUndefined, Weighting.optional()),
  topic: text(300),
  minCooccurrence: int(1, 1_000_000),
  mode: z.preprocess(blankToUndefined, TopicMode.optional()),
  from: text(300),
  to: text(300),
  maxHops: int(1, 6),
};

type YearRange = { yearFrom?: number | undefined; yearTo?: number | undefined };
function yearOrder(q: YearRange, ctx: z.RefinementCtx): void {
  if (q.yearFrom !== undefined && q.yearTo !== undefined && q.yearFrom > q.yearTo) {
    ctx.addIssue({ code: 'custom', path: ['yearTo'], message: `must be >= yearFrom (${q.yearFrom})` });
  }
}
type Ends = { from?: string | undefined; to?: string | undefined };
function distinctEnds(q: Ends, ctx: z.RefinementCtx): void {
  if (q.from !== undefined && q.from === q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must differ from `from`' });
}

const d = GRAPH_DEFAULTS;

/** GET /api/graph/coauthors */
export const CoauthorGraphQuery = z
  .object({
    author: fields.author.describe('Author id (e.g. `name:daniel truhn`); without it: the top authors of the whole network'),
    depth: withDefault(z.coerce.number().int().min(1).max(3), d.coauthors.depth).describe('Hops from the author, 1..3'),
    minWeight: withDefault(z.coerce.number().min(0).max(1_000_000), d.coauthors.minWeight).describe('Drop pairs lighter than this'),
    yearFrom: fields.yearFrom,
    yearTo: fields.yearTo,
    category: fields.category.describe('Only papers in this category (e.g. cs.CV)'),
    limit: withDefault(z.coerce.number().int().min(1).max(MAX_GRAPH_NODES), d.coauthors.limit).describe('Most nodes shown'),
    weighting: withDefault(Weighting, d.coauthors.weighting).describe('count: joint papers; fractional: 1/(n-1) per paper'),
  })
  .superRefine(yearOrder);
export type CoauthorGraphQuery = z.infer<typeof CoauthorGraphQuery>;

/** GET /api/graph/topics */
export const TopicGraphQuery = z.object({
  topic: fields.topic.describe('Topic id to centre on (e.g. `computed-tomography`)'),
  minCooccurrence: withDefault(z.coerce.number().int().min(1).max(1_000_000), d.topics.minCooccurrence),
  limit: withDefault(z.coerce.number().int().min(1).max(MAX_GRAPH_NODES), d.topics.limit),
  mode: withDefault(TopicMode, d.topics.mode),
});
export type TopicGraphQuery = z.infer<typeof TopicGraphQuery>;

/** GET /api/graph/path */
export const PathQuery = z
  .object({
    from: z.preprocess(blankToUndefined, z.string().trim().min(1).max(300)).describe('Author id'),
    to: z.preprocess(blankToUndefined, z.string().trim().min(1).max(300)).describe('Author id'),
    maxHops: withDefault(z.coerce.number().int().min(1).max(6), d.path.maxHops).describe('Longest path searched, 1..6 co-authorships'),
  })
  .superRefine(distinctEnds);
export type PathQuery = z.infer<typeof PathQuery>;

/**
 * GET /api/export/graph: `kind` plus the parameters of that graph (the same names and defaults), `format`, and for CSV
 * `part` (nodes or edges: one table per download, no zip).
 */
export const ExportGraphQuery = z
  .object({
    kind: z.preprocess(blankToUndefined, GraphKind),
    format: withDefault(ExportFormat, 'json'),
    part: withDefault(CsvPart, 'nodes').describe('CSV only: which table'),
    ...fields,
  })
  .superRefine((q, ctx) => {
    yearOrder(q, ctx);
    distinctEnds(q, ctx);
    if (q.kind === 'path') {
      for (const key of ['from', 'to'] as const) {
        if (q[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'required when kind=path' });
      }
    }
  });
export type ExportGraphQuery = z.infer<typeof ExportGraphQuery>;

// ---------------------------------------------------------------------------------------------------------------------
// Path response.

export const AuthorRef = z.object({ id: z.string(), name: z.string() });
export const PaperRef = z.object({ id: z.string(), title: z.string().nullable() });

export const PathHop = z.object({
  from: AuthorRef,
  to: AuthorRef,
  /** Every paper the two wrote together (up to a few, most recent first). */
  papers: z.array(PaperRef),
});

export const CoauthorPath = z.object({ hops: z.array(PathHop) });

export const PathResponse = z.object({
  from: AuthorRef,
  to: AuthorRef,
  maxHops: z.number().int(),
  /** Length of the shortest path in co-authorships, null when there is none within maxHops. */
  length: z.number().int().nullable(),
  /** Every distinct shortest author sequence (bounded); empty when there is no path. */
  paths: z.array(CoauthorPath),
  /** Set when there is no path, or when more shortest paths exist than are listed. */
  message: z.string().optional(),
  graph: GraphResponse,
});
export type PathResponse = z.infer<typeof PathResponse>;
