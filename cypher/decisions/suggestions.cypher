// The review queue: merge suggestions between two current persons with status $status ('all' for every status), most
// evidence first, a page of them and how many there are.
// The one query that knows how suggestions are stored (MAYBE_SAME_AS, once per pair); the evidence of each side is
// read by person-evidence.cypher.
CALL () {
  MATCH (:Author)-[s:MAYBE_SAME_AS]->(:Author)
  WHERE $status = 'all' OR coalesce(s.status, 'open') = $status
  RETURN count(s) AS total
}
CALL () {
  MATCH (a:Author)-[s:MAYBE_SAME_AS]->(b:Author)
  WHERE $status = 'all' OR coalesce(s.status, 'open') = $status
  // The identity model's own score when it stored one, else shared co-authors (x3) and categories.
  WITH a, b, s, coalesce(s.score, 3 * size(coalesce(s.sharedCoauthors, [])) + size(coalesce(s.sharedCategories, []))) AS score
  ORDER BY score DESC, a.id, b.id
  SKIP $offset
  LIMIT $limit
  RETURN collect({
    a: a.id,
    b: b.id,
    score: score,
    reason: coalesce(s.reason, ''),
    status: coalesce(s.status, 'open'),
    sharedCoauthors: coalesce(s.sharedCoauthors, []),
    sharedCategories: coalesce(s.sharedCategories, []),
    sharedTopics: coalesce(s.sharedTopics, []),
    nameMatch: s.nameMatch
  }) AS items
}
RETURN total, items
