// Bipartite topic graph, more topics: the other topics of the chosen papers, on most of those papers first.
UNWIND $papers AS pid
MATCH (p:Paper {id: pid})-[:HAS_TOPIC]->(t:Topic)
WHERE NOT t.id IN $exclude
WITH t, count(DISTINCT p) AS links
ORDER BY links DESC, t.id ASC
RETURN count(*) AS total, collect({id: t.id, name: t.name, papers: COUNT { (t)<-[:HAS_TOPIC]-() }})[..$budget] AS top
