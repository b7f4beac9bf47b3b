// Ids a new person may not take: the retired ids of the batch's blocks (they redirect; never handed out again), and
// whichever of the ids new persons would take first ($ids) already names an author or a redirect anywhere.
CALL () {
  UNWIND $blocks AS b
  MATCH (r:AuthorRedirect {block: b})
  RETURN r.id AS id
  UNION
  UNWIND $ids AS i
  MATCH (a:Author {id: i})
  RETURN a.id AS id
  UNION
  UNWIND $ids AS i
  MATCH (r:AuthorRedirect {id: i})
  RETURN r.id AS id
}
RETURN collect(id) AS ids
