// Shortest co-authorship paths between two authors (allShortestPaths over AUTHORED), with the papers behind each hop.
import { cypher } from '../../../cypher/index.js';
import { rows, type Graph } from '../../../db/graph.js';
import type { GraphEdgeData, GraphNodeData, PathQuery, PathResponse } from '../../../schema/graph.js';
import { NotFoundError } from '../../errors.js';
import { PAPERS_PER_AUTHOR } from './coauthors.service.js';
import { graphResponse, orderedPair, pairId } from './elements.js';
import { int, readTx } from './queries.js';

/** Distinct author sequences listed; more are reported in `message`. */
export const MAX_PATHS = 10;
/** Raw shortest paths read before de-duplicating by author sequence (joint papers multiply raw paths). */
export const MAX_RAW_PATHS = 1_000;
/** Papers listed per hop. */
export const HOP_PAPERS = 10;

/**
 * Relationship-length bound per maxHops (one hop = Author–Paper–Author = two AUTHORED). Path-length bounds cannot be
 * Cypher parameters; these fixed strings, looked up by the zod-validated maxHops (1..6), are the only text ever
 * substituted into the query.
 */
export const PATH_LENGTH_BOUND: Readonly<Record<number, string>> = { 1: '2', 2: '4', 3: '6', 4: '8', 5: '10', 6: '12' };
/** The bound as written in cypher/graph/path-shortest.cypher (the largest, so the file runs as it is). */
const FILE_BOUND = '[:AUTHORED*..12]';

/** The shortest-path query with the bound for `maxHops`; throws for any maxHops outside the table. */
export function pathQueryText(maxHops: number): string {
  const bound = PATH_LENGTH_BOUND[maxHops];
  if (bound === undefined) throw new Error(`maxHops ${maxHops} is not in PATH_LENGTH_BOUND`);
  const text = cypher('graph/path-shortest');
  if (text.split(FILE_BOUND).length !== 2) throw new Error(`graph/path-shortest.cypher must contain ${FILE_BOUND} exactly once`);
  return text.replace(FILE_BOUND, `[:AUTHORED*..${bound}]`);
}

/**
 * The shortest co-authorship paths from `q.from` to `q.to` of at most `q.maxHops` hops. Unknown author → NotFoundError;
 * no path → empty `paths` with a message (not an error).
 */
export function shortestPaths(graph: Graph, q: PathQuery): Promise<PathResponse> {
  return readTx(graph, async (tx) => {
    const ends = [];
    for (const id of [q.from, q.to]) {
      const [row] = await rows(tx, 'graph/author', { id });
      if (!row) throw new NotFoundError('Author', id);
      ends.push({ id: row.id, name: row.name ?? row.id });
    }
    const [from, to] = ends as [{ id: string; name: string }, { id: string; name: string }];

    const found = await rows(
      tx,
      'graph/path-shortest',
      { from: from.id, to: to.id, maxRawPaths: int(MAX_RAW_PATHS), maxPaths: int(MAX_PATHS + 1) },
      pathQueryText(q.maxHops),
    );
    const sequences = found.map((r) => r.authors).slice(0, MAX_PATHS);

    const ids = [...new Set(sequences.flat())];
    if (sequences.length === 0) ids.push(from.id, to.id);
    const authorRows = await rows(tx, 'graph/coauthor-nodes', {
      ids,
      yearFrom: null,
      yearTo: null,
      category: null,
      countPapers: true,
      papersPerAuthor: int(PAPERS_PER_AUTHOR),
    });
    const authors = new Map(
      authorRows.map((r) => [r.id, { name: r.name ?? r.id, papers: Number(r.papers), category: r.category }]),
    );
    const ref = (id: string) => ({ id, name: authors.get(id)?.name ?? id });

    const pairs = new Map<string, [string, string]>();
    // Consecutive authors of a sequence, one pair per hop.
    const steps = (seq: readonly string[]) => {
      const out: [string, string][] = [];
      let prev: string | undefined;
      for (const id of seq) {
        if (prev !== undefined) out.push([prev, id]);
        prev = id;
      }
      return out;
    };
    for (const seq of sequences) for (const [a, b] of steps(seq)) pairs.set(`${a}\u0000${b}`, [a, b]);
    const hopRows = pairs.size > 0 ? await rows(tx, 'graph/path-hops', { pairs: [...pairs.values()], maxPapers: int(HOP_PAPERS) }) : [];
    const hops = new Map(hopRows.map((h) => [`${h.a}\u0000${h.b}`, h]));

    const paths = sequences.map((seq) => ({
      hops: steps(seq).map(([a, b]) => ({
        from: ref(a),
        to: ref(b),
        papers: hops.get(`${a}\u0000${b}`)?.papers ?? [],
      })),
    }));

    // Along shortest paths an author's distance from `from` is the same on every path, so depth is well defined.
    const depth = new Map<string, number>();
    for (const seq of sequences) seq.forEach((id, i) => depth.set(id, i));
    const depthOf = (id: string) => {
      const d = depth.get(id);
      return d === undefined ? {} : { depth: d };
    };
    const nodes: GraphNodeData[] = ids.map((id) => ({
      id,
      label: ref(id).name,
      kind: 'author',
      ref: id,
      papers: authors.get(id)?.papers ?? 0,
      category: authors.get(id)?.category ?? null,
      ...depthOf(id),
    }));
    const edgeMap = new Map<string, GraphEdgeData>();
    for (const h of hopRows) {
      const id = pairId(h.a, h.b);
      if (edgeMap.has(id)) continue;
      edgeMap.set(id, {
        id,
        ...orderedPair(h.a, h.b),
        kind: 'coauthor',
        weight: h.joint,
        paperCount: h.joint,
        papers: h.papers.map((p) => p.id),
      });
    }
    const edges = [...edgeMap.values()];

    const shortest = sequences[0];
    const length = shortest ? shortest.length - 1 : null;
    let message: string | undefined;
    if (sequences.length === 0) {
      message = `No co-authorship path of at most ${q.maxHops} hop${q.maxHops === 1 ? '' : 's'} between ${from.name} and ${to.name}`;
    } else if (found.length > MAX_PATHS) {
      message = `More than ${MAX_PATHS} shortest paths of ${length} hops; showing ${MAX_PATHS}`;
    }
    return {
      from,
      to,
      maxHops: q.maxHops,
      length,
      paths,
      ...(message ? { message } : {}),
      graph: graphResponse({ items: nodes, total: nodes.length }, { items: edges, total: edges.length }, { nodeRule: '', edgeRule: '' }),
    };
  });
}
