// Retires persons the model merged into another: their AUTHORED edges move to the live person (same properties),
// their split proposals and merge suggestions go (they described a person that no longer exists), and the id becomes
// an AuthorRedirect to the live id; older redirects to the retired id are pointed at the live one, so no chain forms.
UNWIND $retired AS row
MATCH (old:Author {id: row.id})
MATCH (live:Author {id: row.redirectTo})
CALL (old, live) {
  MATCH (old)-[r:AUTHORED]->(p:Paper)
  CREATE (live)-[:AUTHORED {position: r.position, asWritten: r.asWritten}]->(p)
  DELETE r
}
CALL (old) {
  MATCH (s:SplitProposal {person: old.id})
  DELETE s
}
WITH row, old, old.block AS block
DETACH DELETE old
MERGE (r:AuthorRedirect {id: row.id})
SET r.redirectTo = row.redirectTo, r.reason = row.reason, r.block = block
WITH row
CALL (row) {
  MATCH (chain:AuthorRedirect {redirectTo: row.id})
  SET chain.redirectTo = row.redirectTo
}
