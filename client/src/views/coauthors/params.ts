// The co-authorship map's URL parameters: decode (tolerant of hand-edited links) and encode (defaults omitted).
// Bounds come from the server's query schema, so a value the URL keeps is one the API accepts.
import { CoauthorGraphQuery, Weighting } from '../../../../schema/graph.js';
import type { CoauthorQuery } from '../../api/api.js';
import { encodeParams, enumParam, intParam, listParam, numberBounds, textParam } from '../../core/codec.js';

const Q = CoauthorGraphQuery.shape;
const BOUNDS = {
  depth: numberBounds(Q.depth),
  minWeight: numberBounds(Q.minWeight),
  year: numberBounds(Q.yearFrom),
  limit: numberBounds(Q.limit),
};

export interface CoauthorParams {
  /** The author at the centre (id). */
  author?: string;
  depth: 1 | 2 | 3;
  /** Minimum joint papers for an edge (and a co-author) to be shown. */
  minWeight: number;
  yearFrom?: number;
  yearTo?: number;
  category?: string;
  weighting: 'count' | 'fractional';
  colour: 'community' | 'category';
  /** Most co-authors requested (raised by "load more"); undefined = the API default. */
  limit?: number;
  /** Authors expanded in place. */
  expand: string[];
  /** The selected author, shown in the side panel. */
  sel?: string;
  /** Highlight the shortest path from the centre author to this one. */
  pathTo?: string;
}

export const COAUTHOR_DEFAULTS = { depth: 1, minWeight: 1, weighting: 'count', colour: 'community' } as const;

/** URL params → typed parameters. */
export function decodeCoauthorParams(p: Record<string, string>): CoauthorParams {
  const yearFrom = intParam(p, 'yearFrom', BOUNDS.year.min, BOUNDS.year.max);
  const yearTo = intParam(p, 'yearTo', BOUNDS.year.min, BOUNDS.year.max);
  return {
    author: textParam(p, 'author', Q.author),
    depth: intParam(p, 'depth', BOUNDS.depth.min, BOUNDS.depth.max, 1) as 1 | 2 | 3,
    // Whole joint papers from 1 (no filter) in the URL; the API also takes fractional weights.
    minWeight: intParam(p, 'minWeight', Math.max(1, BOUNDS.minWeight.min), BOUNDS.minWeight.max, 1),
    yearFrom,
    // The API refuses a range that ends before it starts: such an end is dropped.
    yearTo: yearFrom !== undefined && yearTo !== undefined && yearTo < yearFrom ? undefined : yearTo,
    category: textParam(p, 'category', Q.category),
    weighting: enumParam(p, 'weighting', Weighting.options, 'count'),
    colour: enumParam(p, 'colour', ['community', 'category'] as const, 'community'),
    limit: intParam(p, 'limit', BOUNDS.limit.min, BOUNDS.limit.max),
    expand: listParam(p, 'expand'),
    sel: p.sel || undefined,
    pathTo: p.pathTo || undefined,
  };
}

/** Typed parameters → URL params (defaults left out). */
export function encodeCoauthorParams(c: CoauthorParams): Record<string, string> {
  return encodeParams(
    {
      author: c.author,
      depth: c.depth,
      minWeight: c.minWeight,
      yearFrom: c.yearFrom,
      yearTo: c.yearTo,
      category: c.category,
      weighting: c.weighting,
      colour: c.colour,
      limit: c.limit,
      expand: c.expand,
      sel: c.sel,
      pathTo: c.pathTo,
    },
    COAUTHOR_DEFAULTS,
  );
}

/**
 * The API query for the map of `c` (or of another centre, depth and limit: expanded authors are fetched at depth 1);
 * values equal to the API's defaults are left out.
 */
export function coauthorGraphQuery(
  c: CoauthorParams,
  over: { author?: string | undefined; depth?: number; limit?: number | undefined } = {},
): CoauthorQuery {
  return {
    author: 'author' in over ? over.author : c.author,
    depth: over.depth ?? c.depth,
    minWeight: c.minWeight > 1 ? c.minWeight : undefined,
    yearFrom: c.yearFrom,
    yearTo: c.yearTo,
    category: c.category,
    limit: 'limit' in over ? over.limit : c.limit,
    weighting: c.weighting === 'fractional' ? 'fractional' : undefined,
  };
}

/** The parameters that change which graph the API returns (a change refetches; others only restyle or select). */
export function graphQueryKey(c: CoauthorParams): string {
  return JSON.stringify([c.author, c.depth, c.minWeight, c.yearFrom, c.yearTo, c.category, c.weighting, c.limit, c.expand]);
}

/** Human description of the active filters, for empty states ("with ≥ 3 joint papers in 2021–2022"). */
export function describeFilters(c: CoauthorParams): string {
  const parts: string[] = [];
  if (c.minWeight > 1) parts.push(`with ≥ ${c.minWeight} joint papers`);
  if (c.yearFrom !== undefined && c.yearTo !== undefined) parts.push(c.yearFrom === c.yearTo ? `in ${c.yearFrom}` : `in ${c.yearFrom}–${c.yearTo}`);
  else if (c.yearFrom !== undefined) parts.push(`since ${c.yearFrom}`);
  else if (c.yearTo !== undefined) parts.push(`until ${c.yearTo}`);
  if (c.category) parts.push(`in category ${c.category}`);
  return parts.join(' ');
}
