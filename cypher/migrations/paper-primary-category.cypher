// Migration: papers ingested before they carried primaryCategory get it from their IN_CATEGORY {primary: true} edge
// (ingest writes the property itself since). Runs once per database (db/schema.ts records it), in batches.
MATCH (p:Paper)-[:IN_CATEGORY {primary: true}]->(c:Category)
WHERE p.primaryCategory IS NULL
CALL (p, c) {
  SET p.primaryCategory = c.code
} IN TRANSACTIONS OF 10000 ROWS
