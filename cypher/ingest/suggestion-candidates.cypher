// Merge-suggestion candidates for authors new to the graph: other authors with the same loose name key (family name +
// first initial), with the evidence that they might be one person: shared co-authors (through papers of at most
// $maxAuthorsPerPaper authors: a 3,000-author paper says nothing about who knows whom) and shared categories.
// A key shared by $maxGroup or more authors (e.g. "wang y") is too common for pairwise suggestions and is skipped.
UNWIND $newIds AS newId
MATCH (a:Author {id: newId})
MATCH (b:Author {looseKey: a.looseKey})
WHERE b <> a
WITH a, collect(b) AS others
WHERE size(others) < $maxGroup
// Evidence is gathered from the new author's side (few papers) and checked against at most 300 of the other's papers,
// so a prolific namesake costs a bounded amount.
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(co:Author)
  WHERE p.authorCount <= $maxAuthorsPerPaper AND co <> a
  RETURN collect(DISTINCT co) AS coA
}
CALL (a) {
  MATCH (a)-[:AUTHORED]->(:Paper)-[:IN_CATEGORY]->(c:Category)
  RETURN collect(DISTINCT c) AS catA
}
UNWIND others AS b
CALL (b, coA, catA) {
  MATCH (b)-[:AUTHORED]->(q:Paper)
  WITH q LIMIT 300
  CALL (q, coA) {
    MATCH (q)<-[:AUTHORED]-(co:Author)
    WHERE q.authorCount <= $maxAuthorsPerPaper AND co IN coA
    RETURN collect(co.name) AS names
  }
  CALL (q, catA) {
    MATCH (q)-[:IN_CATEGORY]->(c:Category)
    WHERE c IN catA
    RETURN collect(c.code) AS codes
  }
  UNWIND (CASE WHEN size(names) = 0 THEN [null] ELSE names END) AS name
  UNWIND (CASE WHEN size(codes) = 0 THEN [null] ELSE codes END) AS code
  RETURN collect(DISTINCT name)[..20] AS sharedCoauthors, collect(DISTINCT code)[..20] AS sharedCategories
}
RETURN a.id AS a, a.name AS aName, b.id AS b, b.name AS bName, sharedCoauthors, sharedCategories
