// One level of a co-author ego network: the bounded reads the service ranks the level's new co-authors from
// (server/api/graph/coauthor-weights.ts rankLevel: weights, per-node top-K, budget).
//   - at most $papersPerAuthor of each frontier author's papers in scope are read (an author with more is sampled: the
//     first ones in storage order, i.e. the most recently linked); `sampled` lists those authors;
//   - each paper is read once however many frontier authors share it (`readers`): its true author count `n` (a degree
//     lookup, for the fractional weight) and at most $authorsPerPaper of its authors (a 3,000-author paper is not read
//     in full; the service reports such papers as crowded), minus the visited authors ($visited: id → true), which are
//     never candidates; single-author papers are left out.
// AUTHORED always joins an Author to a Paper, so the far ends are not label-checked (half the reads on a hub).
UNWIND $frontier AS fid
MATCH (a:Author {id: fid})
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p)
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom)
    AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND ($category IS NULL OR EXISTS { (p)-[:IN_CATEGORY]->(:Category {code: $category}) })
  WITH p
  LIMIT $papersPerAuthor + 1
  WITH collect(p) AS papers
  RETURN size(papers) > $papersPerAuthor AS sampled, papers[..$papersPerAuthor] AS papers
}
WITH collect(CASE WHEN sampled THEN fid END) AS sampled, collect({fid: fid, papers: papers}) AS reads
CALL (reads) {
  UNWIND reads AS r
  UNWIND r.papers AS p
  WITH p, collect(r.fid) AS readers
  WITH p, readers, COUNT { (p)<-[:AUTHORED]-() } AS n
  WHERE n > 1
  CALL (p) {
    MATCH (p)<-[:AUTHORED]-(b)
    WITH b
    LIMIT $authorsPerPaper
    WITH b.id AS id
    WHERE $visited[id] IS NULL
    RETURN collect(id) AS authors
  }
  RETURN collect({id: p.id, readers: readers, n: n, authors: authors}) AS papers
}
RETURN sampled, papers
