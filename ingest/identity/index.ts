// The author-identity model: which authorship mentions are one person. Pure code, no database.
//
// How a write path uses it (per batch of papers):
//   1. mentions = records.flatMap((r) => mentionsOfRecord(r, topicIdsOf(r)))
//   2. read the persons of the affected blocks: every Author whose stored `blocks` include blockOfMention(m) for some
//      mention, plus every Author carrying one of the mentions' ORCID / OpenAlex ids, as PersonSummary values
//   3. result = resolveIdentities({ mentions, persons, retiredIds, mode: 'incremental' })   (bulk load: mode 'bulk',
//      all mentions of the blocks, persons with mentionRefs so their ids carry over)
//   4. write: AUTHORED edges from result.assignments (personId, asWritten kept on the edge); create result.created;
//      store result.persons as the persons' summaries; record result.retired as redirects; store result.suggestions.
export { resolveIdentities, SPLIT_MARGIN, type ResolveOptions } from './assign.js';
export { summaryProfile, type Profile } from './profile.js';
export { newPersonId, preferredId } from './ids.js';
export { mentionAt, mentionsOfRecord } from './mentions.js';
export * from './model.js';
export { blockOfMention, coauthorKey, givenIndexKeys, matchGiven, mentionName, parseName } from './names.js';
export { compare, WEIGHTS } from './score.js';
