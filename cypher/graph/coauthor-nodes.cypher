// The chosen authors with their paper counts in scope (year range, category; all papers when the filters are null).
UNWIND $ids AS id
MATCH (a:Author {id: id})
CALL (a) {
  OPTIONAL MATCH (a)-[:AUTHORED]->(p:Paper)
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom)
    AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND ($category IS NULL OR EXISTS { (p)-[:IN_CATEGORY]->(:Category {code: $category}) })
  RETURN count(DISTINCT p) AS papers
}
RETURN a.id AS id, a.name AS name, papers
