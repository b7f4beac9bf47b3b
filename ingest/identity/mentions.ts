// Validated paper records → authorship mentions: the input both write paths build for resolveIdentities.
import type { PaperRecord } from '../record.js';
import type { Mention } from './model.js';

/**
 * The mentions of one paper: every author with the paper's categories, topics, year and co-authors. `topicIds` are the
 * topics the paper is linked to (source or extracted); by default its source topics. Names arrive "Given Family" or
 * with explicit parts from every current source, so no order rule is set here.
 */
export function mentionsOfRecord(r: PaperRecord, topicIds?: string[]): Mention[] {
  const topics = topicIds ?? r.sourceTopics.map((t) => t.sourceId ?? t.name);
  const names = r.authors.map((a) => a.name);
  return r.authors.map((a, position) => {
    const m: Mention = {
      paperId: r.id,
      position,
      name: a.name,
      asWritten: a.asWritten,
      categories: r.categories,
      topics,
      year: r.year,
      coauthors: names.filter((_, i) => i !== position),
      authorCount: r.authors.length,
    };
    if (a.given !== undefined) m.given = a.given;
    if (a.family !== undefined) m.family = a.family;
    if (a.orcid) m.orcid = a.orcid;
    if (a.openalexId) m.openalexId = a.openalexId;
    return m;
  });
}
