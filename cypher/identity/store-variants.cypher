// Stores variant suggestions (two persons that may be one; never merged): one MAYBE_SAME_AS per pair, lower id →
// higher id, with the reason and the evidence. A reviewer's decision in `status` survives re-ingest.
UNWIND $pairs AS row
MATCH (a:Author {id: row.a})
MATCH (b:Author {id: row.b})
MERGE (a)-[s:MAYBE_SAME_AS]->(b)
SET s.reason = row.reason, s.score = row.score, s.nameMatch = row.nameMatch, s.sharedCoauthors = row.sharedCoauthors,
    s.sharedCategories = row.sharedCategories, s.sharedTopics = row.sharedTopics, s.status = coalesce(s.status, 'open')
