// The chosen authors with their paper counts in scope (null when $countPapers is false: the caller has them) and their
// main category. Without filters the count is a degree lookup (no scan of a hub's papers); `sampled` marks authors with
// more papers than the expansions read ($papersPerAuthor). `category` is the primary category code most frequent among
// the first $papersPerAuthor papers in scope (ties: the smaller code; null when none has one): the same reads and rule
// as coauthor-edges.cypher, so an author has the same category in a path as in an unfiltered co-author map.
UNWIND $ids AS id
MATCH (a:Author {id: id})
WITH a, COUNT { (a)-[:AUTHORED]->() } AS degree
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p)
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom)
    AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND ($category IS NULL OR EXISTS { (p)-[:IN_CATEGORY]->(:Category {code: $category}) })
  WITH p
  LIMIT $papersPerAuthor
  WITH p.primaryCategory AS code
  WHERE code IS NOT NULL
  WITH code, count(*) AS n
  ORDER BY n DESC, code
  RETURN collect(code)[0] AS category
}
RETURN a.id AS id, a.name AS name, degree > $papersPerAuthor AS sampled, category,
       CASE
         WHEN NOT $countPapers THEN null
         WHEN $yearFrom IS NULL AND $yearTo IS NULL AND $category IS NULL THEN degree
         ELSE COUNT {
           (a)-[:AUTHORED]->(p:Paper)
           WHERE ($yearFrom IS NULL OR p.year >= $yearFrom)
             AND ($yearTo IS NULL OR p.year <= $yearTo)
             AND ($category IS NULL OR EXISTS { (p)-[:IN_CATEGORY]->(:Category {code: $category}) })
         }
       END AS papers
