// Stores merge suggestions (never merges): one MAYBE_SAME_AS per pair, with the reason and evidence; a reviewer's
// decision in `status` survives re-ingest.
UNWIND $pairs AS row
MATCH (a:Author {id: row.a})
MATCH (b:Author {id: row.b})
MERGE (a)-[s:MAYBE_SAME_AS]->(b)
SET s.reason = row.reason, s.sharedCoauthors = row.sharedCoauthors, s.sharedCategories = row.sharedCategories,
    s.status = coalesce(s.status, 'open')
