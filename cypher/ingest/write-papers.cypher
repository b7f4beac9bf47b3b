// Upserts one batch of papers by id. A paper seen again gets its properties replaced and loses its old links (they are
// rewritten by the link queries in the same transaction), so re-ingesting changes no counts. A former citation stub
// becomes a full paper.
UNWIND $papers AS row
MERGE (p:Paper {id: row.id})
SET p += row.props
REMOVE p:Stub
WITH p
OPTIONAL MATCH (p)-[old:AUTHORED|IN_CATEGORY|HAS_TOPIC]-()
DELETE old
