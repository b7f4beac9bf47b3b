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
WITH a, id, COUNT { (a)-[:AUTHORED]->() } > $papersPerAuthor AS sampled
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p)
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom)
    AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND ($category IS NULL OR EXISTS { (p)-[:IN_CATEGORY]->(:Category {code: $category}) })
  // Which papers a sampled author reads must not depend on how the store happens to order its relationships (a bulk
  // import and transactional writes of the same graph order them differently): the smallest paper ids, a top-k sort.
  WITH p.id AS pid, p.year AS year, p.primaryCategory AS primary
  ORDER BY pid
  LIMIT $papersPerAuthor
  RETURN pid, year, primary
}
WITH pid, year, primary, id, sampled
ORDER BY pid, $rankOf[id]
WITH pid, year, primary, collect(id) AS readers, min(CASE WHEN sampled THEN 1 ELSE 0 END) = 0 AS look
CALL (pid, look) {
  UNWIND CASE WHEN look THEN [pid] ELSE [] END AS qid
  MATCH (:Paper {id: qid})<-[r:AUTHORED]-(b)
  // The paper's first authors by position (then id), not the store's relationship order.
  WITH r.position AS position, b.id AS bid
  ORDER BY position, bid
  LIMIT $authorsPerPaper
  WITH bid
  WHERE $rankOf[bid] IS NOT NULL
  RETURN collect(bid) AS seen
}
WITH pid, year, primary, readers, readers + seen AS members
WITH pid, year, primary, readers, members,
     CASE WHEN size(members) > 1 AND $weighting = 'fractional' THEN COUNT { (:Paper {id: pid})<-[:AUTHORED]-() } END AS n
// Papers by id, so that the list (stored in the summary) does not depend on the store's order either.
ORDER BY pid
// Every paper read, also those no pair comes from: each counts towards its readers' main category.
WITH collect({id: pid, year: year, primary: primary, readers: readers, members: members, n: n}) AS reads
// Sorts and collected lists hold ids and values, never nodes, and no list is brought into a subquery that sorts: both
// would count against the transaction's memory once per buffered row (with the square of the authors asked for).
CALL (reads) {
  UNWIND reads AS r
  WITH r.primary AS code, r.readers AS readers
  WHERE code IS NOT NULL
  UNWIND readers AS id
  WITH id, code, count(*) AS n
  WITH id, collect({code: code, n: n}) AS counts, max(n) AS most
  // The most frequent code, the smaller on a tie.
  RETURN collect({
    id: id,
    category: reduce(best = null, c IN counts | CASE WHEN c.n = most AND (best IS NULL OR c.code < best) THEN c.code ELSE best END)
  }) AS categories
}
CALL () {
  UNWIND $ids AS id
  MATCH (a:Author {id: id})
  WITH a, id, COUNT { (a)-[:AUTHORED]->() } AS degree
  RETURN collect({
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
}
RETURN nodes,
       [r IN reads WHERE size(r.members) > 1 | {id: r.id, year: r.year, n: r.n, members: r.members}] AS papers,
       categories
