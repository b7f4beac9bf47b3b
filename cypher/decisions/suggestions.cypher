// The review queue: suggestions with status $status ('all' for every status), most evidence first, a page of them and
// how many there are. Two kinds: variants (MAYBE_SAME_AS, once per pair: two current persons that may be one) and
// split proposals ((:SplitProposal): one current person whose `part` mentions may be someone else).
// The one query that knows how suggestions are stored; the evidence of each side is read by person-evidence.cypher
// (variants) and split-evidence.cypher (split proposals).
CALL () {
  CALL () {
    MATCH (:Author)-[s:MAYBE_SAME_AS]->(:Author)
    WHERE $status = 'all' OR coalesce(s.status, 'open') = $status
    RETURN count(s) AS n
    UNION ALL
    MATCH (s:SplitProposal)
    WHERE ($status = 'all' OR coalesce(s.status, 'open') = $status) AND EXISTS { MATCH (:Author {id: s.person}) }
    RETURN count(s) AS n
  }
  RETURN sum(n) AS total
}
CALL () {
  CALL () {
    MATCH (a:Author)-[s:MAYBE_SAME_AS]->(b:Author)
    WHERE $status = 'all' OR coalesce(s.status, 'open') = $status
    // The identity model's own score when it stored one, else shared co-authors (x3) and categories.
    RETURN 'variant' AS kind, a.id AS a, b.id AS b, null AS proposal, [] AS part,
           coalesce(s.score, 3 * size(coalesce(s.sharedCoauthors, [])) + size(coalesce(s.sharedCategories, []))) AS score,
           properties(s) AS s
    UNION ALL
    MATCH (s:SplitProposal)
    WHERE $status = 'all' OR coalesce(s.status, 'open') = $status
    MATCH (a:Author {id: s.person})
    RETURN 'split' AS kind, a.id AS a, a.id AS b, s.id AS proposal, coalesce(s.part, []) AS part,
           coalesce(s.score, 0.0) AS score, properties(s) AS s
  }
  WITH kind, a, b, proposal, part, score, s
  ORDER BY score DESC, a, b, proposal
  SKIP $offset
  LIMIT $limit
  RETURN collect({
    kind: kind,
    a: a,
    b: b,
    proposal: proposal,
    part: part,
    score: score,
    reason: coalesce(s.reason, ''),
    status: coalesce(s.status, 'open'),
    sharedCoauthors: coalesce(s.sharedCoauthors, []),
    sharedCategories: coalesce(s.sharedCategories, []),
    sharedTopics: coalesce(s.sharedTopics, []),
    nameMatch: s.nameMatch
  }) AS items
}
RETURN total, items
