// A page of decisions, newest first, with how many there are.
CALL () {
  MATCH (d:IdentityDecision)
  RETURN count(d) AS total
}
CALL () {
  MATCH (d:IdentityDecision)
  WITH d
  ORDER BY d.seq DESC
  SKIP $offset
  LIMIT $limit
  RETURN collect(properties(d)) AS items
}
RETURN total, items
