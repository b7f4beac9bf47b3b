// Stored bipartite topic map: the $max papers having most of the seed topics ($seeds, most papers first), then the
// highest summed topic score (ties by id), with the seed positions and scores of their links; and, per seed position,
// how many papers have it as their first (best-ranked) seed, so the number of papers having any of the first s seeds
// is a prefix sum. Degrees and scores are aggregated per paper without collecting lists for the whole corpus.
CALL () {
  UNWIND range(0, size($seeds) - 1) AS i
  MATCH (:Topic {id: $seeds[i]})<-[:HAS_TOPIC]-(p:Paper)
  WITH p, min(i) AS first
  WITH first, count(*) AS papers
  ORDER BY first
  RETURN collect([first, papers]) AS firstSeed
}
CALL () {
  UNWIND $seeds AS sid
  MATCH (:Topic {id: sid})<-[r:HAS_TOPIC]-(p:Paper)
  WITH p, count(*) AS links, sum(coalesce(r.score, 0.0)) AS score
  ORDER BY links DESC, score DESC, p.id ASC
  LIMIT $max
  RETURN collect(p) AS chosen
}
UNWIND chosen AS p
CALL (p) {
  MATCH (p)-[r:HAS_TOPIC]->(t:Topic)
  WHERE $seedAt[t.id] IS NOT NULL
  RETURN collect([$seedAt[t.id], coalesce(r.score, 0.0)]) AS links
}
RETURN firstSeed, collect({id: p.id, title: p.title, year: p.year, links: links}) AS papers
