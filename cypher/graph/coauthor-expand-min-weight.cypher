// Like coauthor-expand, for a minimum pair weight: a candidate counts only through frontier authors it shares at
// least $minWeight with, so weights are summed per (frontier author, candidate) pair first. Pairs are formed per
// distinct paper from the frontier authors on it, so a large paper costs (frontier authors on it) × (its authors).
UNWIND $frontier AS fid
MATCH (a:Author {id: fid})-[:AUTHORED]->(p:Paper)
WHERE ($yearFrom IS NULL OR p.year >= $yearFrom)
  AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND ($category IS NULL OR EXISTS { (p)-[:IN_CATEGORY]->(:Category {code: $category}) })
WITH p, collect(DISTINCT a) AS inFrontier
MATCH (p)<-[:AUTHORED]-(b:Author)
WITH p, inFrontier, collect(DISTINCT b) AS authors
WHERE size(authors) > 1
WITH inFrontier, authors, CASE $weighting WHEN 'fractional' THEN 1.0 / (size(authors) - 1) ELSE 1.0 END AS w
UNWIND inFrontier AS a
UNWIND authors AS b
WITH a, b, w
WHERE a <> b
WITH a, b, sum(w) AS pairWeight
WHERE pairWeight >= $minWeight
WITH b, sum(pairWeight) AS score
WHERE NOT b.id IN $visited
WITH b, score
ORDER BY score DESC, b.id ASC
RETURN count(*) AS found, collect({id: b.id, score: score})[..$budget] AS kept
