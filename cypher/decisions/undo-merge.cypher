// Undoes a merge: the redirect node of $retire is a person again, and the mentions the merge moved ($moved: paper id
// and position) move back from $keep; suggestions between the two are open again. No row when $retire is not a
// redirect or $keep is not a person.
MATCH (x:AuthorRedirect {id: $retire})
MATCH (k:Author {id: $keep})
REMOVE x:AuthorRedirect, x.redirectTo, x.decision
SET x:Author
WITH k, x
CALL (k, x) {
  UNWIND $moved AS m
  MATCH (k)-[e:AUTHORED]->(p:Paper {id: m.paperId})
  WHERE e.position = m.position
  CREATE (x)-[back:AUTHORED]->(p)
  SET back = properties(e)
  DELETE e
  RETURN count(*) AS movedBack
}
CALL (k, x) {
  OPTIONAL MATCH (k)-[s:MAYBE_SAME_AS]-(x)
  SET s.status = 'open', s.decision = null
}
RETURN movedBack
