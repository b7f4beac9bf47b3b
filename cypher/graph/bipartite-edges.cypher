// Bipartite topic graph, edges: the HAS_TOPIC links between the chosen papers and the chosen topics, with their score.
UNWIND $papers AS pid
MATCH (p:Paper {id: pid})-[r:HAS_TOPIC]->(t:Topic)
WHERE t.id IN $topics
RETURN p.id AS paper, t.id AS topic, r.score AS score
ORDER BY score DESC, paper ASC, topic ASC
