// A paper just written under a DOI or arXiv id may have been cited earlier through a stub keyed by its OpenAlex id:
// move those citations onto the paper and remove the stub.
UNWIND $papers AS row
MATCH (s:Stub {openalexId: row.openalexId})
WHERE s.id <> row.id
MATCH (p:Paper {id: row.id})
CALL (s, p) {
  MATCH (x)-[:CITES]->(s)
  MERGE (x)-[:CITES]->(p)
}
DETACH DELETE s
