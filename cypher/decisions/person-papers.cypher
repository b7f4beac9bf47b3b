// A person's papers for the split tool, newest first (at most $limit): the name as written there, the position, the
// other authors (first 8 by position) and the categories. No row when $id is not a person.
MATCH (a:Author {id: $id})
CALL (a) {
  OPTIONAL MATCH (a)-[r:AUTHORED]->(p:Paper)
  WITH r, p
  ORDER BY p.year DESC, p.id
  LIMIT $limit
  CALL (p, r) {
    OPTIONAL MATCH (p)<-[o:AUTHORED]-(co:Author)
    WHERE o <> r
    WITH co, o
    ORDER BY o.position
    LIMIT 8
    RETURN collect(co.name) AS coauthors
  }
  CALL (p) {
    OPTIONAL MATCH (p)-[:IN_CATEGORY]->(c:Category)
    RETURN collect(c.code) AS categories
  }
  WITH p, r, coauthors, categories
  WHERE p IS NOT NULL
  RETURN collect({id: p.id, title: p.title, year: p.year, position: r.position, asWritten: r.asWritten,
                  coauthors: coauthors, categories: categories}) AS papers
}
RETURN a.id AS id, a.name AS name, papers
