// Upserts the batch's topics by id; papers link to them in write-papers.
UNWIND $topics AS row
MERGE (t:Topic {id: row.id})
ON CREATE SET t.name = row.name
