// Ingested papers per publication year for /api/stats; one row has year null (papers with no known date).
MATCH (p:Paper)
WHERE NOT p:Stub
RETURN p.year AS year, count(*) AS papers
ORDER BY year
