// The papers behind each hop of a co-authorship path (pairs of author ids), most recent first, with their count.
UNWIND $pairs AS pair
MATCH (x:Author {id: pair[0]})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y:Author {id: pair[1]})
WITH pair, p
ORDER BY p.year DESC, p.id ASC
WITH pair, count(DISTINCT p) AS joint, collect(DISTINCT p {.id, .title}) AS papers
RETURN pair[0] AS a, pair[1] AS b, joint, papers[..$maxPapers] AS papers
