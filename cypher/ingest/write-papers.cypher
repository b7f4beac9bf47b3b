// Upserts one batch of papers by id together with all of their links, after the batch's authors, categories and topics
// were merged (same transaction). Each paper is looked up once and its AUTHORED (position and the name exactly as the
// source wrote it), IN_CATEGORY and HAS_TOPIC edges are created next to it. A paper seen again gets its properties
// replaced and its old links replaced by the new ones, so re-ingesting changes no counts; a former citation stub
// becomes a full paper.
UNWIND $papers AS row
MERGE (p:Paper {id: row.id})
SET p += row.props
REMOVE p:Stub
WITH p, row
CALL (p) {
  OPTIONAL MATCH (p)-[old:AUTHORED|IN_CATEGORY|HAS_TOPIC]-()
  DELETE old
}
CALL (p, row) {
  UNWIND row.authored AS link
  MATCH (a:Author {id: link.author})
  CREATE (a)-[:AUTHORED {position: link.position, asWritten: link.asWritten}]->(p)
}
CALL (p, row) {
  UNWIND row.inCategory AS link
  MATCH (c:Category {code: link.code})
  CREATE (p)-[:IN_CATEGORY {primary: link.primary}]->(c)
}
CALL (p, row) {
  UNWIND row.hasTopic AS link
  MATCH (t:Topic {id: link.topic})
  CREATE (p)-[:HAS_TOPIC {score: link.score, source: link.source}]->(t)
}
