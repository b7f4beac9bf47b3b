// The ingested (non-stub) papers among $ids with their year and category codes: read at the start of an ingest batch
// (what the batch replaces) and at its end (what it wrote), so the stored counts can be moved by the difference.
UNWIND $ids AS id
MATCH (p:Paper {id: id})
WHERE NOT p:Stub
RETURN p.year AS year, [(p)-[:IN_CATEGORY]->(c:Category) | c.code] AS codes
