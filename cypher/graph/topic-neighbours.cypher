// Topics co-occurring with the centre topic on at least $minCooccurrence papers, most shared papers first.
MATCH (c:Topic {id: $topic})<-[:HAS_TOPIC]-(p:Paper)-[:HAS_TOPIC]->(t:Topic)
WHERE t <> c
WITH t, count(DISTINCT p) AS shared
WHERE shared >= $minCooccurrence
ORDER BY shared DESC, t.id ASC
RETURN count(*) AS total,
       collect({id: t.id, name: t.name, shared: shared, papers: COUNT { (t)<-[:HAS_TOPIC]-() }})[..$budget] AS top
