// What a reviewer compares about each person of $ids: spellings as written, paper count, years, newest papers, main
// categories and co-authors. Co-authors are counted over the newest $maxPapers papers of at most $maxAuthorsPerPaper
// authors, so a prolific person or a large collaboration costs a bounded amount. No row for an id that is not a person.
UNWIND $ids AS id
MATCH (a:Author {id: id})
CALL (a) {
  MATCH (a)-[r:AUTHORED]->(p:Paper)
  WITH r.asWritten AS asWritten, count(DISTINCT p) AS papers
  ORDER BY papers DESC, asWritten
  RETURN collect({asWritten: asWritten, papers: papers})[..10] AS spellings
}
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)
  WITH DISTINCT p
  ORDER BY p.year DESC, p.id
  RETURN count(p) AS paperCount, min(p.year) AS firstYear, max(p.year) AS lastYear,
         collect({id: p.id, title: p.title, year: p.year})[..10] AS papers
}
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)-[:IN_CATEGORY]->(c:Category)
  WITH c.code AS code, count(DISTINCT p) AS papers
  ORDER BY papers DESC, code
  RETURN collect({code: code, papers: papers})[..10] AS categories
}
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)
  WHERE coalesce(p.authorCount, 0) <= $maxAuthorsPerPaper
  WITH DISTINCT p
  ORDER BY p.year DESC
  LIMIT $maxPapers
  MATCH (p)<-[:AUTHORED]-(co:Author)
  WHERE co <> a
  WITH co, count(DISTINCT p) AS papers
  ORDER BY papers DESC, co.name, co.id
  RETURN collect({id: co.id, name: co.name, papers: papers})[..15] AS coauthors
}
RETURN a.id AS id, a.name AS name, paperCount, firstYear, lastYear, spellings, papers, categories, coauthors
