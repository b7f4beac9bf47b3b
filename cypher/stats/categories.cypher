// The $limit categories with the most papers, for /api/stats. Paper counts are relationship degrees (no expansion);
// ingest links a paper to a category at most once, so the degree is the paper count.
MATCH (c:Category)
WITH c, COUNT { (c)<-[:IN_CATEGORY]-() } AS papers
ORDER BY papers DESC, c.code
LIMIT $limit
RETURN c.code AS code, c.name AS name, c.archive AS archive, papers
