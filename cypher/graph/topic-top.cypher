// The topics on the most papers (degree lookups, no relationship scan), for the graph without a centre. The ranking
// keeps only $limit rows (a top-k sort), so its memory does not grow with the number of topics.
CALL () {
  MATCH (t:Topic)
  WHERE COUNT { (t)<-[:HAS_TOPIC]-() } > 0
  RETURN count(t) AS total
}
CALL () {
  MATCH (t:Topic)
  WITH t, COUNT { (t)<-[:HAS_TOPIC]-() } AS papers
  WHERE papers > 0
  ORDER BY papers DESC, t.id ASC
  LIMIT $limit
  RETURN collect({id: t.id, name: t.name, papers: papers}) AS top
}
RETURN total, top
