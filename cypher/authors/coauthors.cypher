// Co-authors of one author for /api/authors/:id with their number of distinct joint papers. Each co-author is one row
// counted from this author's side only, so no pair is counted twice. Papers with more than $maxAuthorsPerPaper
// authors (large collaborations) are left out and counted in `skippedPapers`: one of them would otherwise make
// thousands of people co-authors and cost a huge expansion.
MATCH (a:Author {id: $id})-[:AUTHORED]->(p:Paper)
WITH DISTINCT a, p
WITH a, p, COUNT { (p)<-[:AUTHORED]-() } AS slots
WITH a,
     collect(CASE WHEN slots <= $maxAuthorsPerPaper THEN p END) AS papers,
     count(CASE WHEN slots > $maxAuthorsPerPaper THEN p END) AS skippedPapers
CALL (a, papers) {
  UNWIND papers AS p
  MATCH (p)<-[:AUTHORED]-(co:Author)
  WHERE co <> a
  WITH co, count(DISTINCT p) AS jointPapers
  ORDER BY jointPapers DESC, co.name, co.id
  RETURN collect({id: co.id, name: co.name, jointPapers: jointPapers}) AS coauthors
}
RETURN skippedPapers, size(coauthors) AS total, coauthors[..$limit] AS coauthors
