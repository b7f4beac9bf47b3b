// Validated paper records → authorship mentions: the input both write paths build for resolveIdentities.
import type { PaperRecord } from '../record.js';
import type { Mention } from './model.js';
import { coauthorKey } from './names.js';
import { LARGE_TEAM } from './profile.js';

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
 * Co-authors a mention of a large team's paper carries: the names with the alphabetically first co-author keys. The
 * members of one collaboration share that subset on each of its papers, which is all the weak collaboration signal
 * needs (profile.ts), and a mention stays bounded whatever the team's size (a 3,000-author paper would otherwise give
 * each of its mentions 2,999 names to key and compare).
 */
export const TEAM_SAMPLE = LARGE_TEAM;

/** A large paper's authors ordered by co-author key (then position), computed once per author list. */
const byKey = new WeakMap<readonly unknown[], { key: string; name: string; i: number }[]>();

function authorsByKey(authors: readonly { name: string }[]): { key: string; name: string; i: number }[] {
  let list = byKey.get(authors);
  if (list === undefined) {
    list = authors
      .map((a, i) => ({ key: coauthorKey(a.name), name: a.name, i }))
      .filter((x) => x.key !== '')
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.i - y.i));
    byKey.set(authors, list);
  }
  return list;
}

/**
 * The mention at `position` of a paper, built alone (the bulk replay builds one group's mentions at a time). On a
 * paper of more than LARGE_TEAM authors its co-authors are the TEAM_SAMPLE with the first keys (see TEAM_SAMPLE).
 */
export function mentionAt(r: Pick<PaperRecord, 'id' | 'authors' | 'categories' | 'year'>, topicIds: string[], position: number): Mention {
  const a = r.authors[position];
  if (a === undefined) throw new Error(`Internal error: paper ${r.id} has no author at position ${position}`);
  const coauthors: string[] = [];
  if (r.authors.length > LARGE_TEAM) {
    for (const o of authorsByKey(r.authors)) {
      if (coauthors.length >= TEAM_SAMPLE) break;
      if (o.i !== position) coauthors.push(o.name);
    }
  } else {
    r.authors.forEach((o, i) => {
      if (i !== position) coauthors.push(o.name);
    });
  }
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
