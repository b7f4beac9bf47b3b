// Builders for identity tests: mentions of one small paper at a time.
import type { Mention } from '../../../ingest/identity/index.js';

export interface PaperSpec {
  id: string;
  authors: (string | Partial<Mention> & { name: string })[];
  categories?: string[];
  topics?: string[];
  year?: number;
}

/** The mentions of one paper, every author listing the others as co-authors. */
export function paper(p: PaperSpec): Mention[] {
  const authors = p.authors.map((a) => (typeof a === 'string' ? { name: a } : a));
  return authors.map((a, position) => ({
    categories: p.categories ?? ['cs.CV'],
    topics: p.topics ?? [],
    year: p.year ?? 2020,
    ...a,
    paperId: p.id,
    position,
    coauthors: authors.filter((_, i) => i !== position).map((x) => x.name),
    authorCount: authors.length,
  }));
}

/** Person id per (paperId, position). */
export function ids(r: { assignments: { paperId: string; position: number; personId: string }[] }): Map<string, string> {
  return new Map(r.assignments.map((a) => [`${a.paperId}#${a.position}`, a.personId]));
}
