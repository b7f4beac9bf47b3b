// Shortest co-authorship paths: Author–Paper–Author chains over AUTHORED, as the distinct author sequences.
// The length bound `*..12` (6 co-authorships, the most allowed) is the one part Cypher cannot take as a parameter:
// path.service.ts swaps it for 2 × maxHops from a fixed table keyed by the validated maxHops (1..6), so no request
// text ever reaches the query. Raw paths are capped at $maxRawPaths before DISTINCT: authors with many joint papers
// have many shortest paths through the same people.
MATCH (a:Author {id: $from})
MATCH (b:Author {id: $to})
MATCH p = allShortestPaths((a)-[:AUTHORED*..12]-(b))
WITH p
LIMIT $maxRawPaths
WITH DISTINCT [n IN nodes(p) WHERE n:Author | n.id] AS authors
RETURN authors
LIMIT $maxPaths
