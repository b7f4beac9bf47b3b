// Stored bipartite topic map: the $max papers having most of the seed topics ($seeds, most papers first; $seedAt maps
// id → position), then the highest summed topic score (ties by id), with the seed positions and scores of their links;
// and, per seed position, how many papers have it as their first (best-ranked) seed, so the number of papers having
// any of the first s seeds is a prefix sum. Both stream paper by paper (a count per seed, a top-k sort), so memory
// does not grow with the corpus. Links are listed by seed position, so the stored part does not depend on the order in
// which the store keeps a paper's relationships (a bulk import and transactional writes keep them differently); for
// the same reason scores are summed smallest first (a floating-point sum depends on its order, and ties go by id).
CALL () {
  UNWIND range(0, size($seeds) - 1) AS i
  MATCH (t:Topic {id: $seeds[i]})
  RETURN collect([i, COUNT {
    (t)<-[:HAS_TOPIC]-(p:Paper)
    WHERE NOT EXISTS { (p)-[:HAS_TOPIC]->(u:Topic) WHERE $seedAt[u.id] < i }
  }]) AS firstSeed
}
CALL () {
  MATCH (p:Paper)
  CALL (p) {
    MATCH (p)-[r:HAS_TOPIC]->(t:Topic)
    WHERE $seedAt[t.id] IS NOT NULL
    WITH coalesce(r.score, 0.0) AS s
    ORDER BY s
    RETURN count(*) AS links, reduce(acc = 0.0, x IN collect(s) | acc + x) AS score
  }
  WITH p, links, score
  WHERE links > 0
  ORDER BY links DESC, score DESC, p.id ASC
  LIMIT $max
  RETURN collect(p) AS chosen
}
UNWIND chosen AS p
CALL (p) {
  MATCH (p)-[r:HAS_TOPIC]->(t:Topic)
  WHERE $seedAt[t.id] IS NOT NULL
  WITH $seedAt[t.id] AS at, coalesce(r.score, 0.0) AS score
  ORDER BY at
  RETURN collect([at, score]) AS links
}
RETURN firstSeed, collect({id: p.id, title: p.title, year: p.year, links: links}) AS papers
