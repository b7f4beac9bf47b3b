// Bulk load post-pass: the importer stores no empty arrays (an empty list in the CSV becomes no property), while the
// transactional path stores an empty `topicTerms` / `topicAcronyms` for a paper whose contribution has none. Every
// paper the bulk load staged has both lists (ingest/bulk/stage.ts checks it), so an absent one on a non-stub paper is
// an empty one.
MATCH (p:Paper)
WHERE NOT p:Stub AND (p.topicTerms IS NULL OR p.topicAcronyms IS NULL)
CALL (p) {
  SET p.topicTerms = coalesce(p.topicTerms, []), p.topicAcronyms = coalesce(p.topicAcronyms, [])
} IN TRANSACTIONS OF 10000 ROWS
