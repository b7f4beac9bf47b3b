// Upserts the batch's distinct authors by id (source id or exact name key); the first-seen display name is kept and
// ORCID/OpenAlex ids are filled in when a later record knows them.
UNWIND $authors AS row
MERGE (a:Author {id: row.id})
ON CREATE SET a.name = row.name, a.key = row.key, a.looseKey = row.looseKey
SET a.orcid = coalesce(a.orcid, row.orcid), a.openalexId = coalesce(a.openalexId, row.openalexId)
