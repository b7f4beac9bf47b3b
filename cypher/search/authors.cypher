// Full-text search over author names for /api/search ($lucene escaped, see search/papers.cypher); each hit carries its
// paper count (AUTHORED degree) for the sublabel.
CALL db.index.fulltext.queryNodes('author_name', $lucene, {limit: $cap}) YIELD node, score
WITH node, score
ORDER BY score DESC, node.id
WITH collect({author: node, score: score}) AS hits
CALL (hits) {
  UNWIND hits[..$limit] AS hit
  WITH hit.author AS a, hit.score AS score
  RETURN collect({id: a.id, name: a.name, score: score, papers: COUNT { (a)-[:AUTHORED]->() }}) AS top
}
RETURN size(hits) AS total, top
