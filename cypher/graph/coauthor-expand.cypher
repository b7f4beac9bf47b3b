// One level of a co-author ego network: every author who shares a paper in scope with the frontier and is not yet
// visited, scored by the weight of those papers (count: 1 per paper and frontier co-author; fractional: 1/(n-1) with
// n the paper's authors). Only the $budget heaviest are returned; `found` counts them all.
// Cost is one pass over the author list of each distinct frontier paper: a 3,000-author paper is read once, however
// many frontier authors are on it, and never expands pair by pair.
UNWIND $frontier AS fid
MATCH (a:Author {id: fid})-[:AUTHORED]->(p:Paper)
WHERE ($yearFrom IS NULL OR p.year >= $yearFrom)
  AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND ($category IS NULL OR EXISTS { (p)-[:IN_CATEGORY]->(:Category {code: $category}) })
WITH p, count(DISTINCT a) AS onPaper
MATCH (p)<-[:AUTHORED]-(b:Author)
WITH p, onPaper, collect(DISTINCT b) AS authors
WHERE size(authors) > 1
WITH onPaper, authors, CASE $weighting WHEN 'fractional' THEN 1.0 / (size(authors) - 1) ELSE 1.0 END AS w
UNWIND authors AS b
WITH b, sum(onPaper * w) AS score
// Visited authors (the frontier among them) are not candidates; filtered after aggregation, once per author.
WHERE NOT b.id IN $visited
WITH b, score
ORDER BY score DESC, b.id ASC
RETURN count(*) AS found, collect({id: b.id, score: score})[..$budget] AS kept
