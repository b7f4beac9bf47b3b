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
UNWIND others AS b
CALL (a, b) {
  MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(co:Author)
  WHERE p.authorCount <= $maxAuthorsPerPaper AND co <> b
    AND EXISTS { (co)-[:AUTHORED]->(q:Paper)<-[:AUTHORED]-(b) WHERE q.authorCount <= $maxAuthorsPerPaper }
  RETURN collect(DISTINCT co.name)[..20] AS sharedCoauthors
}
CALL (a, b) {
  MATCH (a)-[:AUTHORED]->(:Paper)-[:IN_CATEGORY]->(c:Category)
  WHERE EXISTS { (b)-[:AUTHORED]->(:Paper)-[:IN_CATEGORY]->(c) }
  RETURN collect(DISTINCT c.code)[..20] AS sharedCategories
}
RETURN a.id AS a, a.name AS aName, b.id AS b, b.name AS bName, sharedCoauthors, sharedCategories
