// The most prolific authors in a category (and optionally a year range; null bounds are open). Driven from the
// category: only its papers and their authors are read.
MATCH (:Category {code: $category})<-[:IN_CATEGORY]-(p:Paper)
WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
MATCH (p)<-[:AUTHORED]-(a)
WITH a, count(DISTINCT p) AS papers
ORDER BY papers DESC, a.id ASC
RETURN count(*) AS total, collect({id: a.id, name: a.name, papers: papers})[..$limit] AS top
