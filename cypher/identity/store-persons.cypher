// Creates or updates persons with the properties derived from their identity summaries (ingest/authors/persons.ts
// authorProps); a person known under several family names gets the SpansBlocks label (found by any of its blocks).
UNWIND $persons AS row
MERGE (a:Author {id: row.id})
SET a += row.props
FOREACH (_ IN CASE WHEN row.spans THEN [1] ELSE [] END | SET a:SpansBlocks)
