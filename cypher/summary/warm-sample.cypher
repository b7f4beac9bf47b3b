// Start-up warm-up: one ingested paper with several authors (a typical target of the paper, related and ego views).
MATCH (p:Paper)
WHERE NOT p:Stub AND p.authorCount >= 2
RETURN p.id AS paper, [(a:Author)-[:AUTHORED]->(p) | a.id][..2] AS authors, split(coalesce(p.title, ''), ' ')[0] AS word
LIMIT 1
