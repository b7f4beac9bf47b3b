// The chosen authors with their paper counts in scope (null when $countPapers is false: the caller has them). Without
// filters the count is a degree lookup (no scan of a hub's papers); `sampled` marks authors with more papers than the
// expansions read ($papersPerAuthor).
UNWIND $ids AS id
MATCH (a:Author {id: id})
WITH a, COUNT { (a)-[:AUTHORED]->() } AS degree
RETURN a.id AS id, a.name AS name, degree > $papersPerAuthor AS sampled,
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
