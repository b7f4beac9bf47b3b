// Bipartite topic graph, papers: those with the seed topics, most seed topics first, then by summed topic score.
UNWIND $topics AS tid
MATCH (t:Topic {id: tid})<-[r:HAS_TOPIC]-(p:Paper)
WITH p, count(DISTINCT t) AS links, sum(r.score) AS score
ORDER BY links DESC, score DESC, p.id ASC
RETURN count(*) AS total, collect({id: p.id, title: p.title, year: p.year})[..$budget] AS top
