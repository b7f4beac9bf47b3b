// The author-identity model: which authorship mentions are one person. Pure code; the graph writer calls resolveIdentities.
export { resolveIdentities, SPLIT_MARGIN } from './assign.js';
export { newPersonId, preferredId } from './ids.js';
export * from './model.js';
export { blockOfMention, coauthorKey, matchGiven, mentionName, parseName } from './names.js';
export { compare, WEIGHTS } from './score.js';
export { mentionsOfRecord } from './mentions.js';
