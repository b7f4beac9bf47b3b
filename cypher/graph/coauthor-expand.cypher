// One level of a co-author ego network, with the work bounded per frontier author so that hubs stay cheap:
//   - at most $papersPerAuthor of the author's papers in scope are read (an author with more is sampled: the first
//     ones in storage order, i.e. the most recently linked); `sampled` lists those authors;
//   - at most $authorsPerPaper authors are read per paper (a 3,000-author paper is not read in full; `crowded` lists
//     such papers); the fractional weight still uses the paper's true author count (a degree lookup);
//   - pair weights are summed per (frontier author, co-author); pairs lighter than $minWeight are dropped;
//   - each frontier author keeps its $fanout heaviest new co-authors (per-node top-K).
// AUTHORED always joins an Author to a Paper, so the far ends are not label-checked (half the reads on a hub).
// The kept co-authors are ranked by their summed weight to the frontier and cut to $budget; `found` counts every new
// co-author seen before the per-node and budget cuts.
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
UNWIND papers AS p
WITH a, sampled, p, COUNT { (p)<-[:AUTHORED]-() } AS n
WHERE n > 1
// Papers with more authors than are read ("crowded") are reported, per frontier author.
WITH a, sampled, collect({p: p, n: n}) AS reads
WITH a, sampled, [r IN reads WHERE r.n > $authorsPerPaper | r.p.id] AS crowded, reads
UNWIND reads AS r
WITH a, sampled, crowded, r.p AS p, CASE $weighting WHEN 'fractional' THEN 1.0 / (r.n - 1) ELSE 1.0 END AS pw
CALL (p) {
  MATCH (p)<-[:AUTHORED]-(b)
  RETURN b
  LIMIT $authorsPerPaper
}
WITH a, sampled, crowded, b, pw
WHERE b <> a
WITH a, sampled, crowded, b, sum(pw) AS w
// Visited authors (the frontier among them) are not candidates; filtered once per pair, after aggregation.
WHERE w >= $minWeight AND NOT b.id IN $visited
WITH a, sampled, crowded, b.id AS id, w
ORDER BY w DESC, id ASC
WITH a, sampled, crowded, collect({id: id, w: w}) AS ranked
WITH collect(CASE WHEN sampled THEN a.id END) AS sampled,
     reduce(acc = [], c IN collect(crowded) | acc + c) AS crowded,
     reduce(acc = [], r IN collect(ranked[..$fanout]) | acc + r) AS kept,
     reduce(acc = [], r IN collect([x IN ranked | x.id]) | acc + r) AS seen
CALL (seen) {
  UNWIND seen AS s
  RETURN count(DISTINCT s) AS found
}
CALL (kept) {
  UNWIND kept AS k
  WITH k.id AS id, sum(k.w) AS score
  ORDER BY score DESC, id ASC
  RETURN collect({id: id, score: score}) AS ranked
}
RETURN found, ranked[..$budget] AS kept, sampled, crowded
