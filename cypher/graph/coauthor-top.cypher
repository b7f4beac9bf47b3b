// The whole co-author network's most prolific authors (by papers), for the overview without an ego and without
// filters: a paper count is a degree lookup per author, no relationship is scanned. The ranking keeps only $limit rows
// (a top-k sort), so its memory does not grow with the number of authors.
CALL () {
  MATCH (a:Author)
  WHERE COUNT { (a)-[:AUTHORED]->() } > 0
  RETURN count(a) AS total
}
CALL () {
  MATCH (a:Author)
  WITH a, COUNT { (a)-[:AUTHORED]->() } AS papers
  WHERE papers > 0
  ORDER BY papers DESC, a.id ASC
  LIMIT $limit
  RETURN collect({id: a.id, name: a.name, papers: papers}) AS top
}
RETURN total, top
