// One AUTHORED edge per author slot, keeping the position and the name exactly as the source wrote it.
UNWIND $authored AS row
MATCH (p:Paper {id: row.paper})
MATCH (a:Author {id: row.author})
CREATE (a)-[:AUTHORED {position: row.position, asWritten: row.asWritten}]->(p)
