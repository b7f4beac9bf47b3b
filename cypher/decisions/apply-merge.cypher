// Merges person $retire into $keep: $retire's authorship edges move to $keep with all their properties, suggestions
// between the two become 'accepted', and $retire's node becomes an (:AuthorRedirect {id, redirectTo}) so its id keeps
// leading somewhere; its other suggestions stay on that node, out of the queue, and return if the merge is undone.
// When the redirect exists already (the decision is re-applied after a re-ingest recreated the author), the recreated
// node is deleted instead. No row when either id is not a person now.
MATCH (k:Author {id: $keep})
MATCH (r:Author {id: $retire})
WHERE k <> r
CALL (k, r) {
  MATCH (r)-[e:AUTHORED]->(p:Paper)
  CREATE (k)-[moved:AUTHORED]->(p)
  SET moved = properties(e)
  WITH e, p.id AS paperId, e.position AS position
  DELETE e
  RETURN collect({paperId: paperId, position: position}) AS moved
}
CALL (k, r) {
  OPTIONAL MATCH (k)-[s:MAYBE_SAME_AS]-(r)
  SET s.status = 'accepted', s.decision = $decision
}
OPTIONAL MATCH (old:AuthorRedirect {id: $retire})
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  REMOVE r:Author
  SET r:AuthorRedirect, r.redirectTo = k.id, r.decision = $decision
)
FOREACH (_ IN CASE WHEN old IS NULL THEN [] ELSE [1] END |
  SET old.redirectTo = k.id, old.decision = $decision
  DETACH DELETE r
)
RETURN moved
