// Co-author pairs among the chosen authors ($ids, in priority order; $rankOf maps id → position), each pair once,
// weighted by their joint papers in scope (count, or 1/(n-1) per paper with n = all of the paper's authors).
//
// Bounded so that hubs never blow up:
//   - each chosen author reads at most $papersPerAuthor of its papers (authors with more are "sampled");
//   - the chosen authors on a paper are found from every reader, and for an unsampled reader also from the paper's
//     own author list (up to $authorsPerPaper), so a pair with at least one unsampled end is counted exactly; only
//     pairs of two sampled authors may be under-counted (the service marks those edges estimated);
//   - a paper with more than $membersPerPaper chosen authors pairs only the highest-ranked ones (`crowded` counts
//     such papers), so a 3,000-author paper adds at most $membersPerPaper² / 2 pairs instead of millions;
//   - only the $maxEdges heaviest pairs are returned; `total` counts them all.
// Paper properties are read once per paper and pairs are ordered by elementId (no property reads per pair).
UNWIND $ids AS id
MATCH (a:Author {id: id})
WITH a, $rankOf[id] AS rank, COUNT { (a)-[:AUTHORED]->() } > $papersPerAuthor AS sampled
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p)
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom)
    AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND ($category IS NULL OR EXISTS { (p)-[:IN_CATEGORY]->(:Category {code: $category}) })
  RETURN p
  LIMIT $papersPerAuthor
}
CALL (p, sampled) {
  UNWIND CASE WHEN sampled THEN [] ELSE [p] END AS q
  MATCH (q)<-[:AUTHORED]-(b)
  WITH b
  LIMIT $authorsPerPaper
  RETURN collect(b) AS seen
}
WITH p, collect({m: a, rank: rank}) AS readers, reduce(acc = [], l IN collect(seen) | acc + l) AS seen
WITH p, readers + [b IN seen WHERE $rankOf[b.id] IS NOT NULL | {m: b, rank: $rankOf[b.id]}] AS found
UNWIND found AS f
WITH p, f.m AS m, min(f.rank) AS rank
ORDER BY rank ASC
WITH p, collect(m) AS members
WHERE size(members) > 1
WITH p.id AS pid, p.year AS year, members[..$membersPerPaper] AS members, size(members) > $membersPerPaper AS crowded,
     CASE $weighting WHEN 'fractional' THEN 1.0 / (COUNT { (p)<-[:AUTHORED]-() } - 1) ELSE 1.0 END AS w
// Most recent papers first, so each pair's list of paper ids is newest first.
ORDER BY year DESC, pid ASC
WITH collect({pid: pid, members: members, w: w}) AS papers, sum(CASE WHEN crowded THEN 1 ELSE 0 END) AS crowded
UNWIND papers AS paper
UNWIND paper.members AS a
UNWIND paper.members AS b
WITH crowded, a, b, paper
WHERE elementId(a) < elementId(b)
WITH crowded, a, b, sum(paper.w) AS weight, count(*) AS joint, collect(paper.pid) AS ids
WHERE weight >= $minWeight
WITH crowded, a, b, weight, joint, ids
ORDER BY weight DESC, elementId(a) ASC, elementId(b) ASC
WITH crowded, collect({a: a, b: b, weight: weight, joint: joint, papers: ids[..$maxPaperIds]}) AS pairs
RETURN crowded, size(pairs) AS total,
       [e IN pairs[..$maxEdges] | {source: e.a.id, target: e.b.id, weight: e.weight, joint: e.joint, papers: e.papers}] AS edges
