// The chosen authors ($ids; $rankOf maps id → position) and the bounded reads the service weighs the co-author pairs
// among them from (server/api/graph/coauthor-weights.ts pairEdges):
//   nodes:  each chosen author's name, whether it is sampled (more papers than are read, $papersPerAuthor), and its
//           paper count in scope (null when $countPapers is false: the caller has them; without filters a degree
//           lookup, no scan of a hub's papers);
//   papers: each paper in scope where at least two chosen authors were found, with those authors (`members`, possibly
//           repeated), its id, year, and its true author count `n` for fractional weights (null when counting);
//   categories: per chosen author with a categorised paper among those it read, its main category: the primary
//           category code (Paper.primaryCategory) most frequent among those papers (ties: the smaller code). Counted from the same reads, so a
//           sampled author's category comes from its $papersPerAuthor papers read.
// Bounded so that hubs never blow up:
//   - each chosen author reads at most $papersPerAuthor of its papers in scope, those with the smallest ids (authors with
//     more are "sampled"); every order here is by content, never the store's, so equal graphs give equal reads;
//   - each paper is read once; when one of its readers is unsampled, the chosen authors on it are also looked for among
//     its first $authorsPerPaper authors, so a pair with at least one unsampled end is counted exactly; only pairs of
//     two sampled authors may be under-counted (the service marks those edges estimated).
UNWIND $ids AS id
MATCH (a:Author {id: id})
WITH a, id, COUNT { (a)-[:AUTHORED]->() } AS degree
WITH collect({a: a, id: id, sampled: degree > $papersPerAuthor}) AS chosen,
     collect({
       id: id,
       name: a.name,
       sampled: degree > $papersPerAuthor,
       papers: CASE
         WHEN NOT $countPapers THEN null
         WHEN $yearFrom IS NULL AND $yearTo IS NULL AND $category IS NULL THEN degree
         ELSE COUNT {
           (a)-[:AUTHORED]->(p:Paper)
           WHERE ($yearFrom IS NULL OR p.year >= $yearFrom)
             AND ($yearTo IS NULL OR p.year <= $yearTo)
             AND ($category IS NULL OR EXISTS { (p)-[:IN_CATEGORY]->(:Category {code: $category}) })
         }
       END
     }) AS nodes
CALL (chosen) {
  UNWIND chosen AS c
  WITH c.a AS a, c.id AS id, c.sampled AS sampled
  CALL (a) {
    MATCH (a)-[:AUTHORED]->(p)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom)
      AND ($yearTo IS NULL OR p.year <= $yearTo)
      AND ($category IS NULL OR EXISTS { (p)-[:IN_CATEGORY]->(:Category {code: $category}) })
    RETURN p
    // Which papers a sampled author reads must not depend on how the store happens to order its relationships (a bulk
    // import and transactional writes of the same graph order them differently): the smallest paper ids, a top-k sort.
    ORDER BY p.id
    LIMIT $papersPerAuthor
  }
  WITH p, id, sampled
  ORDER BY p.id, $rankOf[id]
  WITH p, collect(id) AS readers, min(CASE WHEN sampled THEN 1 ELSE 0 END) = 0 AS look
  // Every paper read, also those no pair comes from: each counts towards its readers' main category.
  RETURN collect({p: p, readers: readers, look: look, primary: p.primaryCategory}) AS reads
}
CALL (reads) {
  UNWIND reads AS r
  WITH r
  WHERE r.primary IS NOT NULL
  // Each entry of `reads` is one paper with distinct readers, so a count of rows counts papers.
  UNWIND r.readers AS id
  WITH id, r.primary AS code, count(*) AS n
  ORDER BY n DESC, code
  WITH id, collect(code)[0] AS category
  RETURN collect({id: id, category: category}) AS categories
}
CALL (reads) {
  UNWIND reads AS r
  WITH r.p AS p, r.readers AS readers, r.look AS look
  WHERE look OR size(readers) > 1
  CALL (p, look) {
    UNWIND CASE WHEN look THEN [p] ELSE [] END AS q
    MATCH (q)<-[r:AUTHORED]-(b)
    WITH b, r
    // The paper's first authors by position (then id), not the store's relationship order.
    ORDER BY r.position, b.id
    LIMIT $authorsPerPaper
    WITH b.id AS bid
    WHERE $rankOf[bid] IS NOT NULL
    RETURN collect(bid) AS seen
  }
  WITH p, readers + seen AS members
  WHERE size(members) > 1
  // Papers by id, so that the list (stored in the summary) does not depend on the store's order either.
  ORDER BY p.id
  RETURN collect({
    id: p.id,
    year: p.year,
    n: CASE $weighting WHEN 'fractional' THEN COUNT { (p)<-[:AUTHORED]-() } END,
    members: members
  }) AS papers
}
RETURN nodes, papers, categories
