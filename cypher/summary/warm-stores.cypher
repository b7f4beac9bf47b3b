// Start-up warm-up: reads the properties and relationships the views read, so their store pages are in Neo4j's page
// cache before the first request (Community has no page-cache warm-up of its own). One pass over each store.
CALL () { MATCH (p:Paper) RETURN count(p.year) + count(p.title) AS papers }
CALL () { MATCH (a:Author) RETURN count(a.name) AS authors }
CALL () { MATCH ()-[r:AUTHORED]->() RETURN count(r.position) AS authored }
CALL () { MATCH ()-[r:HAS_TOPIC]->() RETURN count(r.score) AS hasTopic }
CALL () { MATCH ()-[r:IN_CATEGORY]->() RETURN count(r.primary) AS inCategory }
RETURN papers, authors, authored, hasTopic, inCategory
