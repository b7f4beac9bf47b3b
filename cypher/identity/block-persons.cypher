// The stored persons a batch's mentions may belong to (ingest/authors/persons.ts personMatches): those whose home
// block is one of $blocks (indexed), those known under several family names with any block in $blocks (few: a label
// scan), and those whose first ORCID / OpenAlex id is one of the mentions' (indexed). Each with its identity summary.
CALL () {
  UNWIND $blocks AS b
  MATCH (a:Author {block: b})
  RETURN a
  UNION
  MATCH (a:Author:SpansBlocks)
  WHERE any(b IN a.blocks WHERE b IN $blocks)
  RETURN a
  UNION
  UNWIND $orcids AS o
  MATCH (a:Author {orcid: o})
  RETURN a
  UNION
  UNWIND $openalexIds AS o
  MATCH (a:Author {openalexId: o})
  RETURN a
}
WITH a
WHERE a.summary IS NOT NULL
RETURN a.id AS id, a.summary AS summary
ORDER BY id
