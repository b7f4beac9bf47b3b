// Topics the batch's papers linked to before their re-ingest that no paper links to any more are removed.
UNWIND $ids AS id
MATCH (t:Topic {id: id})
WHERE NOT EXISTS { (t)<-[:HAS_TOPIC]-() }
DELETE t
