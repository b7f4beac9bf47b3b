// Bulk load post-pass: the merge-suggestion candidates of ingest/suggestion-candidates for the authors new in batch
// $asOf, computed on the graph as that batch of the transactional path saw it: only authors and papers with a batch
// mark `_b` <= $asOf (the importer wrote every batch at once; `_b` is removed after this pass). Same evidence rules.
UNWIND $newIds AS newId
MATCH (a:Author {id: newId})
MATCH (b:Author {looseKey: a.looseKey})
WHERE b <> a AND b._b <= $asOf
WITH a, collect(b) AS others
WHERE size(others) < $maxGroup
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(co:Author)
  WHERE p._b <= $asOf AND p.authorCount <= $maxAuthorsPerPaper AND co <> a
  RETURN collect(DISTINCT co) AS coA
}
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)-[:IN_CATEGORY]->(c:Category)
  WHERE p._b <= $asOf
  RETURN collect(DISTINCT c) AS catA
}
UNWIND others AS b
CALL (b, coA, catA) {
  MATCH (b)-[:AUTHORED]->(q:Paper)
  WHERE q._b <= $asOf
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
