// One author's topics for /api/authors/:id: the number of the author's papers carrying each topic (summed topic score
// breaks ties); the first $limit and the total.
MATCH (:Author {id: $id})-[:AUTHORED]->(p:Paper)
WITH DISTINCT p
MATCH (p)-[h:HAS_TOPIC]->(t:Topic)
WITH t, count(p) AS papers, sum(h.score) AS weight
ORDER BY papers DESC, weight DESC, t.name, t.id
WITH collect({id: t.id, name: t.name, papers: papers}) AS topics
RETURN size(topics) AS total, topics[..$limit] AS topics
