// Co-occurrence among the chosen topics: each pair once (a.id < b.id), weighted by the papers having both, with the
// most recent paper ids. Papers are grouped first, so each paper is read once per chosen topic it has.
UNWIND $ids AS id
MATCH (t:Topic {id: id})<-[:HAS_TOPIC]-(p:Paper)
WITH p, collect(DISTINCT t) AS topics
WHERE size(topics) > 1
UNWIND topics AS a
UNWIND topics AS b
WITH a, b, p
WHERE a.id < b.id
// Most recent papers first in each pair's list.
WITH a, b, p
ORDER BY p.year DESC, p.id ASC
WITH a, b, count(p) AS shared, collect(p.id) AS papers
WHERE shared >= $minCooccurrence
RETURN a.id AS source, b.id AS target, shared, papers[..$maxPaperIds] AS papers
ORDER BY shared DESC, source ASC, target ASC
