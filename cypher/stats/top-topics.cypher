// The $limit topics on the most papers, for /api/stats (HAS_TOPIC degree; ingest links a paper to a topic once).
MATCH (t:Topic)
WITH t, COUNT { (t)<-[:HAS_TOPIC]-() } AS papers
ORDER BY papers DESC, t.id
LIMIT $limit
RETURN t.id AS id, t.name AS name, papers
