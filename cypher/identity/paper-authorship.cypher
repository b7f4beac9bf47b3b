// The AUTHORED edges the graph holds for a batch's papers (position 1-based, as stored): a re-ingested mention with
// the same name as written at the same position keeps its person.
UNWIND $ids AS id
MATCH (p:Paper {id: id})<-[r:AUTHORED]-(a:Author)
RETURN p.id AS paper, r.position AS position, r.asWritten AS asWritten, a.id AS author
