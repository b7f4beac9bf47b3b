// Splits a person: the authorship edges of $person on the papers $papers move (with all their properties) to the person
// $newId, created with $newName and the original's name keys. Re-applied after a re-ingest put the edges back on
// $person. No row when nothing was left to move.
MATCH (o:Author {id: $person})
CALL (o) {
  MATCH (o)-[e:AUTHORED]->(p:Paper)
  WHERE p.id IN $papers
  RETURN collect(e) AS edges
}
WITH o, edges
WHERE size(edges) > 0
MERGE (n:Author {id: $newId})
  ON CREATE SET n.name = $newName, n.key = o.key, n.looseKey = o.looseKey, n.splitFrom = o.id, n.decision = $decision
WITH n, edges
UNWIND edges AS e
WITH n, e, endNode(e) AS p
CREATE (n)-[moved:AUTHORED]->(p)
SET moved = properties(e)
DELETE e
RETURN count(*) AS moved
