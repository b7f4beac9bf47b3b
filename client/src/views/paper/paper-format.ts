// Pure text and number helpers of the paper page: dates with their precision, related-by choice, score bar lengths.
import type { RelatedBy, RelatedPaper } from '../../../../schema/papers.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface PaperDate {
  text: string;
  /** The source printed no year; ingest inferred it from the listing date, so the reader should be told. */
  inferred: boolean;
}

/**
 * A paper's date as precise as the source gave it: "30 Jul 2021", "Jul 2021", "2021"; null when nothing is known.
 * Parsed by hand, not with Date, so a time zone can never move the day.
 */
export function formatPaperDate(published: string | null, year: number | null, precision: string | null): PaperDate | null {
  const m = published ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(published) : null;
  const inferred = precision === 'inferred-year';
  if (!m) return year ? { text: String(year), inferred } : null;
  const [, y = '', mo = '', d = ''] = m;
  const month = MONTHS[Number(mo) - 1] ?? mo;
  if (precision === 'year') return { text: y, inferred };
  if (precision === 'month') return { text: `${month} ${y}`, inferred };
  return { text: `${Number(d)} ${month} ${y}`, inferred };
}

export const RELATED_BY: readonly RelatedBy[] = ['all', 'authors', 'topics'];

/** The `by` URL parameter, tolerant of hand-edited links (anything unknown is the API's default, `all`). */
export function relatedBy(params: Record<string, string>): RelatedBy {
  return (RELATED_BY as readonly string[]).includes(params.by ?? '') ? (params.by as RelatedBy) : 'all';
}

export type ScorePart = 'authors' | 'topics' | 'categories' | 'citations';
export const SCORE_PARTS: readonly ScorePart[] = ['authors', 'topics', 'categories', 'citations'];

/**
 * Bar lengths (0..1) for each result's score parts. The parts have different units (counts, IDF sums), so each part is
 * scaled to its own largest value in the list: the bars compare results with each other, the numbers carry the units.
 */
export function scoreFractions(results: readonly Pick<RelatedPaper, 'score'>[]): Record<ScorePart, number>[] {
  const max = Object.fromEntries(SCORE_PARTS.map((p) => [p, Math.max(0, ...results.map((r) => r.score[p]))])) as Record<ScorePart, number>;
  return results.map(
    (r) => Object.fromEntries(SCORE_PARTS.map((p) => [p, max[p] > 0 ? Math.max(0, r.score[p]) / max[p] : 0])) as Record<ScorePart, number>,
  );
}

/** A score part as text: counts as integers, topic sums with two decimals. */
export function formatScore(part: ScorePart | 'total', value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(part === 'topics' || part === 'total' ? 2 : 1);
}
