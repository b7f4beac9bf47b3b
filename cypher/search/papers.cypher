// Full-text search over paper titles and abstracts for /api/search. $lucene is user input escaped by
// server/api/search/lucene.ts, never raw. Lucene returns at most $cap best hits, so `total` is exact below the cap and
// a lower bound at it; the best $limit come back with their first three authors for the sublabel.
CALL db.index.fulltext.queryNodes('paper_text', $lucene, {limit: $cap}) YIELD node, score
WHERE NOT node:Stub
WITH node, score
ORDER BY score DESC, node.id
WITH collect({paper: node, score: score}) AS hits
CALL (hits) {
  UNWIND hits[..$limit] AS hit
  WITH hit.paper AS p, hit.score AS score
  RETURN collect({
    id: p.id,
    title: p.title,
    year: p.year,
    score: score,
    authorCount: p.authorCount,
    authorsTruncated: p.authorsTruncated,
    authors: COLLECT { MATCH (p)<-[r:AUTHORED]-(a:Author) RETURN a.name ORDER BY r.position LIMIT 3 }
  }) AS top
}
RETURN size(hits) AS total, top
