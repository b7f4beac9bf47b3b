// One author for /api/authors/:id: identity, spellings as written, paper count, year span and merge suggestions. Every
// part expands only this author's own authorship edges. No row when the id is unknown.
MATCH (a:Author {id: $id})
CALL (a) {
  MATCH (a)-[r:AUTHORED]->(p:Paper)
  WITH r.asWritten AS asWritten, count(DISTINCT p) AS papers
  ORDER BY papers DESC, asWritten
  RETURN collect({asWritten: asWritten, papers: papers}) AS spellings
}
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)
  RETURN count(DISTINCT p) AS paperCount, min(p.year) AS firstYear, max(p.year) AS lastYear
}
CALL (a) {
  // Suggestions are stored once per pair (lower id → higher id), so both directions are read.
  MATCH (a)-[s:MAYBE_SAME_AS]-(o:Author)
  WITH o, s
  ORDER BY o.name, o.id
  RETURN collect({
    id: o.id,
    name: o.name,
    reason: s.reason,
    status: s.status,
    sharedCoauthors: s.sharedCoauthors,
    sharedCategories: s.sharedCategories
  }) AS suggestions
}
RETURN a.id AS id, a.name AS name, a.orcid AS orcid, a.openalexId AS openalexId,
       spellings, paperCount, firstYear, lastYear, suggestions
