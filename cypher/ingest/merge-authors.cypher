// Upserts the batch's distinct authors by id (source id or exact name key); the first-seen display name is kept and
// ORCID/OpenAlex ids are filled in when a later record knows them. Returns the ids of the authors new to the graph
// (only those need merge suggestions checked).
UNWIND $authors AS row
OPTIONAL MATCH (existing:Author {id: row.id})
WITH row, existing IS NULL AS isNew
MERGE (a:Author {id: row.id})
ON CREATE SET a.name = row.name, a.key = row.key, a.looseKey = row.looseKey
SET a.orcid = coalesce(a.orcid, row.orcid), a.openalexId = coalesce(a.openalexId, row.openalexId)
WITH a, isNew
WHERE isNew
RETURN collect(a.id) AS newIds
