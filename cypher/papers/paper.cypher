// One paper for /api/papers/:id: properties, authors in order, categories (primary first), topics (strongest first),
// and citations both ways. Each list is cut to its limit and returned with its total; cited works known only as
// stubs are listed by id. No row when the id is unknown.
MATCH (p:Paper {id: $id})
CALL (p) {
  MATCH (p)<-[r:AUTHORED]-(a:Author)
  WITH a, r
  ORDER BY r.position, a.id
  WITH collect({id: a.id, name: a.name, asWritten: r.asWritten, position: r.position}) AS authors
  RETURN size(authors) AS authorTotal, authors[..$authorLimit] AS authors
}
CALL (p) {
  MATCH (p)-[r:IN_CATEGORY]->(c:Category)
  WITH c, r
  ORDER BY coalesce(r.primary, false) DESC, c.code
  RETURN collect({code: c.code, name: c.name, archive: c.archive, primary: coalesce(r.primary, false)}) AS categories
}
CALL (p) {
  MATCH (p)-[h:HAS_TOPIC]->(t:Topic)
  WITH t, h
  ORDER BY h.score DESC, t.name, t.id
  RETURN collect({id: t.id, name: t.name, score: h.score, source: h.source}) AS topics
}
CALL (p) {
  // Newest first needs every cited paper sorted, but only $citationLimit are kept (a top-k sort).
  MATCH (p)-[:CITES]->(c:Paper)
  WHERE NOT c:Stub
  WITH c
  ORDER BY c.published IS NULL, c.published DESC, c.id
  LIMIT $citationLimit
  RETURN collect({id: c.id, title: c.title, year: c.year, published: c.published}) AS cites
}
CALL (p) {
  MATCH (p)-[:CITES]->(s:Stub)
  WITH s
  ORDER BY s.id
  LIMIT $citationLimit
  RETURN collect(s.id) AS stubs
}
CALL (p) {
  MATCH (p)<-[:CITES]-(c:Paper)
  WITH c
  ORDER BY c.published IS NULL, c.published DESC, c.id
  LIMIT $citationLimit
  RETURN collect({id: c.id, title: c.title, year: c.year, published: c.published}) AS citedBy
}
RETURN p {
         .id, .title, .abstract, .published, .year, .datePrecision, .hasCode, .url, .doi, .arxivId, .openalexId,
         .source, .authorsTruncated, .authorCount, stub: p:Stub
       } AS paper,
       authorTotal, authors, categories, topics,
       cites, COUNT { (p)-[:CITES]->(c:Paper) WHERE NOT c:Stub } AS citesTotal,
       stubs, COUNT { (p)-[:CITES]->(:Stub) } AS stubTotal,
       citedBy, COUNT { (p)<-[:CITES]-() } AS citedByTotal
