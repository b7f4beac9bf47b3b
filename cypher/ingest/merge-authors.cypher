// Upserts the batch's distinct authors by id (source id or exact name key); the first-seen display name is kept and
// ORCID/OpenAlex ids are filled in when a later record knows them (an author already in the graph is only written to
// when the row brings such an id). Returns the ids of the authors new to the graph (only those need merge
// suggestions checked).
UNWIND $authors AS row
OPTIONAL MATCH (existing:Author {id: row.id})
WITH row, existing IS NULL AS isNew
MERGE (a:Author {id: row.id})
ON CREATE SET a.name = row.name, a.key = row.key, a.looseKey = row.looseKey, a.orcid = row.orcid,
              a.openalexId = row.openalexId
FOREACH (_ IN CASE WHEN NOT isNew AND (row.orcid IS NOT NULL OR row.openalexId IS NOT NULL) THEN [1] ELSE [] END |
  SET a.orcid = coalesce(a.orcid, row.orcid), a.openalexId = coalesce(a.openalexId, row.openalexId)
)
WITH a, isNew
WHERE isNew
RETURN collect(a.id) AS newIds
