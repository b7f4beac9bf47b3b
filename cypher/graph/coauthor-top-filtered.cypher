// The most prolific authors within a year range. Driven from the papers in scope: the range is an index range seek
// on Paper.year (the service sends 0 or 9999 for an open bound; papers without a year are then out of scope, as they
// are for any year filter), so only papers in scope and their authors are read.
MATCH (p:Paper)
WHERE p.year >= $yearMin AND p.year <= $yearMax
MATCH (p)<-[:AUTHORED]-(a)
WITH a, count(DISTINCT p) AS papers
ORDER BY papers DESC, a.id ASC
RETURN count(*) AS total, collect({id: a.id, name: a.name, papers: papers})[..$limit] AS top
