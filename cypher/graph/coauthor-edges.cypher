// Co-author pairs among the chosen authors: each pair once (a.id < b.id, never both directions), weighted by their
// joint papers in scope (count, or 1/(n-1) per paper with n = all of the paper's authors), with the most recent
// paper ids. Only the chosen authors' papers are read; a large paper adds its chosen authors' pairs, not its own.
UNWIND $ids AS id
MATCH (a:Author {id: id})-[:AUTHORED]->(p:Paper)
WHERE ($yearFrom IS NULL OR p.year >= $yearFrom)
  AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND ($category IS NULL OR EXISTS { (p)-[:IN_CATEGORY]->(:Category {code: $category}) })
WITH p, collect(DISTINCT a) AS members
WHERE size(members) > 1
CALL (p) {
  MATCH (p)<-[:AUTHORED]-(x:Author)
  RETURN count(DISTINCT x) AS n
}
WITH p, members, CASE $weighting WHEN 'fractional' THEN 1.0 / (n - 1) ELSE 1.0 END AS w
UNWIND members AS a
UNWIND members AS b
WITH a, b, p, w
WHERE a.id < b.id
// Most recent papers first in each pair's list.
WITH a, b, p, w
ORDER BY p.year DESC, p.id ASC
WITH a, b, sum(w) AS weight, count(p) AS joint, collect(p.id) AS papers
WHERE weight >= $minWeight
RETURN a.id AS source, b.id AS target, weight, joint, papers[..$maxPaperIds] AS papers
ORDER BY weight DESC, source ASC, target ASC
