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
  return r.authors.map((_, position) => mentionAt(r, topics, position));
}

/**
 * The mention at `position` of a paper, built alone: each mention carries the whole co-author list, so all of a
 * 3,000-author paper's mentions hold 9 million names, and the bulk replay builds one group's mentions at a time.
 */
export function mentionAt(r: Pick<PaperRecord, 'id' | 'authors' | 'categories' | 'year'>, topicIds: string[], position: number): Mention {
  const a = r.authors[position];
  if (a === undefined) throw new Error(`Internal error: paper ${r.id} has no author at position ${position}`);
  const coauthors: string[] = [];
  r.authors.forEach((o, i) => {
    if (i !== position) coauthors.push(o.name);
  });
  const m: Mention = {
    paperId: r.id,
    position,
    name: a.name,
    asWritten: a.asWritten,
    categories: r.categories,
    topics: topicIds,
    year: r.year,
    coauthors,
    authorCount: r.authors.length,
  };
  if (a.given !== undefined) m.given = a.given;
  if (a.family !== undefined) m.family = a.family;
  if (a.orcid) m.orcid = a.orcid;
  if (a.openalexId) m.openalexId = a.openalexId;
  return m;
}
