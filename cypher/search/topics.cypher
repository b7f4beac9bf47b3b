// Full-text search over topic names for /api/search ($lucene escaped, see search/papers.cypher); each hit carries the
// number of papers with the topic (HAS_TOPIC degree) for the sublabel.
CALL db.index.fulltext.queryNodes('topic_name', $lucene, {limit: $cap}) YIELD node, score
WITH node, score
ORDER BY score DESC, node.id
WITH collect({topic: node, score: score}) AS hits
CALL (hits) {
  UNWIND hits[..$limit] AS hit
  WITH hit.topic AS t, hit.score AS score
  RETURN collect({id: t.id, name: t.name, score: score, papers: COUNT { (t)<-[:HAS_TOPIC]-() }}) AS top
}
RETURN size(hits) AS total, top
