// CITES edges. A cited OpenAlex work is found by its OpenAlex id (it may be stored under a DOI or arXiv id); one not in
// the graph becomes a stub (:Paper:Stub) with only its id, completed if it is ingested later.
UNWIND $cites AS row
MATCH (p:Paper {id: row.from})
OPTIONAL MATCH (known:Paper {openalexId: row.openalexId})
WITH p, row, head(collect(known)) AS known
MERGE (c:Paper {id: coalesce(known.id, row.to)})
ON CREATE SET c:Stub, c.openalexId = row.openalexId
MERGE (p)-[:CITES]->(c)
