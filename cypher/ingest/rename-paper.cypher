// Gives a paper a new id; when a paper already has that id (the same paper ingested on another day), the old one's
// links that the other lacks are moved onto it and the old one is removed. Returns whether it merged.
MATCH (old:Paper {id: $from})
OPTIONAL MATCH (target:Paper {id: $to})
CALL (old, target) {
  WITH old, target
  WHERE target IS NULL
  SET old.id = $to
}
CALL (old, target) {
  WITH old, target
  WHERE target IS NOT NULL
  CALL (old, target) {
    MATCH (a:Author)-[r:AUTHORED]->(old)
    WHERE NOT EXISTS { (a)-[:AUTHORED]->(target) }
    CREATE (a)-[:AUTHORED {position: r.position, asWritten: r.asWritten}]->(target)
  }
  CALL (old, target) {
    MATCH (old)-[r:IN_CATEGORY]->(c:Category)
    WHERE NOT EXISTS { (target)-[:IN_CATEGORY]->(c) }
    CREATE (target)-[:IN_CATEGORY {primary: r.primary}]->(c)
  }
  CALL (old, target) {
    MATCH (old)-[r:HAS_TOPIC]->(t:Topic)
    WHERE NOT EXISTS { (target)-[:HAS_TOPIC]->(t) }
    CREATE (target)-[:HAS_TOPIC {score: r.score, source: r.source}]->(t)
  }
  CALL (old, target) {
    MATCH (x:Paper)-[:CITES]->(old)
    WHERE x <> target
    MERGE (x)-[:CITES]->(target)
  }
  CALL (old, target) {
    MATCH (old)-[:CITES]->(y:Paper)
    WHERE y <> target
    MERGE (target)-[:CITES]->(y)
  }
  DETACH DELETE old
}
RETURN target IS NOT NULL AS merged
