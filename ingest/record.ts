// The validated paper record: what every source parser produces and the graph writer consumes.
import { z } from 'zod';

/** Sources we ingest; stored on Paper.source. */
export const SourceFormat = z.enum(['listing', 'arxiv-jsonl', 'arxiv-atom', 'openalex', 'bibtex']);
export type SourceFormat = z.infer<typeof SourceFormat>;

/** Limits that keep one pathological record from hurting the rest (a 5 MB abstract is rejected, not truncated). */
export const LIMITS = {
  titleChars: 2_000,
  abstractChars: 100_000,
  authorsPerPaper: 20_000,
  authorNameChars: 300,
  categoriesPerPaper: 50,
  citesPerPaper: 10_000,
} as const;

export const AuthorRecord = z.object({
  /** The name exactly as the source wrote it (kept on the AUTHORED edge). */
  asWritten: z.string().min(1).max(LIMITS.authorNameChars),
  /** Display name: TeX decoded, whitespace normalized, "Given Family" order. */
  name: z.string().min(1).max(LIMITS.authorNameChars),
  given: z.string().optional(),
  family: z.string().optional(),
  suffix: z.string().optional(),
  /** Bare ORCID, e.g. 0000-0002-1825-0097. */
  orcid: z.string().regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/).optional(),
  /** Bare OpenAlex author id, e.g. A5023888391. */
  openalexId: z.string().regex(/^A\d+$/).optional(),
});
export type AuthorRecord = z.infer<typeof AuthorRecord>;

export const SourceTopic = z.object({
  /** Source-specific id (e.g. OpenAlex T10036) when the source has one. */
  sourceId: z.string().optional(),
  name: z.string().min(1),
  score: z.number().min(0).max(1),
});
export type SourceTopic = z.infer<typeof SourceTopic>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date');

export const PaperRecord = z.object({
  /**
   * Stable key: the arXiv id (`0704.0001`, `hep-th/9901001`), else `doi:<lower-cased DOI>`, else `openalex:W…`,
   * else `title:<hash of normalized title + year>` (see paperIdFromTitle).
   */
  id: z.string().min(1),
  /** Required, except an OpenAlex work whose title OpenAlex lacks (kept untitled, with a warning, for its citations). */
  title: z.string().max(LIMITS.titleChars),
  abstract: z.string().max(LIMITS.abstractChars),
  /** ISO date (YYYY-MM-DD); for year-only sources the 1st of January with datePrecision 'year'. */
  published: isoDate.nullable(),
  year: z.number().int().min(1000).max(3000).nullable(),
  datePrecision: z.enum(['day', 'month', 'year', 'inferred-year']).nullable(),
  hasCode: z.boolean(),
  url: z.string().optional(),
  doi: z.string().optional(),
  arxivId: z.string().optional(),
  openalexId: z.string().regex(/^W\d+$/).optional(),
  source: SourceFormat,
  authors: z.array(AuthorRecord).max(LIMITS.authorsPerPaper),
  /** True when the source printed "et al." or otherwise said the list is incomplete. Authors are never invented. */
  authorsTruncated: z.boolean(),
  /** Category codes (arXiv taxonomy where known); the first is the primary one. */
  categories: z.array(z.string().min(1)).max(LIMITS.categoriesPerPaper),
  /** Topics the source itself assigns (OpenAlex); extracted topics are added later by ingest/topics. */
  sourceTopics: z.array(SourceTopic),
  /** Ids (same scheme as `id`) of works this paper cites. */
  cites: z.array(z.string()).max(LIMITS.citesPerPaper),
}).superRefine((r, ctx) => {
  if (r.title.trim() === '' && r.source !== 'openalex') {
    ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: ['title'], message: 'missing or empty' });
  }
});
export type PaperRecord = z.infer<typeof PaperRecord>;

/** Where a record (or a rejection) came from; line is 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
}

/** What a source parser yields: a valid record, a rejected one, or a warning about a record that was still kept. */
export type ParseEvent =
  | { kind: 'record'; record: PaperRecord; at: SourceLocation }
  | { kind: 'reject'; reason: string; at: SourceLocation }
  | { kind: 'warning'; message: string; at: SourceLocation };
