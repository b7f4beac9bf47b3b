// The whole co-author network's most prolific authors in scope (by papers), for the overview without an ego.
MATCH (a:Author)-[:AUTHORED]->(p:Paper)
WHERE ($yearFrom IS NULL OR p.year >= $yearFrom)
  AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND ($category IS NULL OR EXISTS { (p)-[:IN_CATEGORY]->(:Category {code: $category}) })
WITH a, count(DISTINCT p) AS papers
ORDER BY papers DESC, a.id ASC
RETURN count(*) AS total, collect({id: a.id, name: a.name, papers: papers})[..$limit] AS top
