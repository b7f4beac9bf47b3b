// The whole co-author network's most prolific authors (by papers), for the overview without an ego and without
// filters: a paper count is a degree lookup per author, no relationship is scanned.
MATCH (a:Author)
WITH a, COUNT { (a)-[:AUTHORED]->() } AS papers
WHERE papers > 0
WITH a, papers
ORDER BY papers DESC, a.id ASC
RETURN count(*) AS total, collect({id: a.id, name: a.name, papers: papers})[..$limit] AS top
