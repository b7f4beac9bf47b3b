// The $limit authors with the most papers, for /api/stats. Counted as AUTHORED degree so ranking a million authors
// needs no expansion; a name listed twice on one paper (two people sharing an id-less name) counts twice.
MATCH (a:Author)
WITH a, COUNT { (a)-[:AUTHORED]->() } AS papers
ORDER BY papers DESC, a.id
LIMIT $limit
RETURN a.id AS id, a.name AS name, papers
