// Pairs of distinct authors sharing a loose name key (family name + first initial), with the evidence that they might be
// one person: shared co-authors and shared categories. Each pair once (a.id < b.id). A key shared by more than
// $maxGroup authors (e.g. "wang y") is too common for pairwise suggestions and is skipped; the caller reports it.
UNWIND $looseKeys AS k
MATCH (x:Author {looseKey: k})
WITH k, collect(x) AS group
WHERE 1 < size(group) <= $maxGroup
UNWIND group AS a
UNWIND group AS b
WITH a, b
WHERE a.id < b.id
CALL (a, b) {
  OPTIONAL MATCH (a)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(co:Author)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(b)
  WHERE co <> a AND co <> b
  RETURN collect(DISTINCT co.name)[..20] AS sharedCoauthors
}
CALL (a, b) {
  OPTIONAL MATCH (a)-[:AUTHORED]->(:Paper)-[:IN_CATEGORY]->(cat:Category)<-[:IN_CATEGORY]-(:Paper)<-[:AUTHORED]-(b)
  RETURN collect(DISTINCT cat.code)[..20] AS sharedCategories
}
RETURN a.id AS a, a.name AS aName, b.id AS b, b.name AS bName, sharedCoauthors, sharedCategories
