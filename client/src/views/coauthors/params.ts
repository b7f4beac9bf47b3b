// The co-authorship map's URL parameters: decode (tolerant of hand-edited links) and encode (defaults omitted).
import { encodeParams, enumParam, intParam, listParam } from '../../core/codec.js';

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
  return {
    author: p.author || undefined,
    depth: intParam(p, 'depth', 1, 3, 1) as 1 | 2 | 3,
    minWeight: intParam(p, 'minWeight', 1, 1000, 1),
    yearFrom: intParam(p, 'yearFrom', 1000, 3000),
    yearTo: intParam(p, 'yearTo', 1000, 3000),
    category: p.category || undefined,
    weighting: enumParam(p, 'weighting', ['count', 'fractional'] as const, 'count'),
    colour: enumParam(p, 'colour', ['community', 'category'] as const, 'community'),
    limit: intParam(p, 'limit', 1, 5000),
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
