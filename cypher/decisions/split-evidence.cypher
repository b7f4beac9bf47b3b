// What a reviewer compares about a split proposal: the person's mentions in the proposed part (side 'part', which would
// become a new person) and outside it (side 'rest'), each as person-evidence.cypher describes a person. $proposals:
// {id, person, part} with part as `paperId#position` mention keys (positions 0-based; AUTHORED.position is 1-based).
// One row per proposal and side; none when the person is not a person now. A side may have no papers left (a decision
// moved them since): paperCount is then 0.
UNWIND $proposals AS prop
MATCH (a:Author {id: prop.person})
UNWIND ['part', 'rest'] AS side
CALL (a, prop, side) {
  MATCH (a)-[r:AUTHORED]->(p:Paper)
  WHERE (p.id + '#' + toString(r.position - 1) IN prop.part) = (side = 'part')
  WITH r.asWritten AS asWritten, count(DISTINCT p) AS papers
  ORDER BY papers DESC, asWritten
  RETURN collect({asWritten: asWritten, papers: papers})[..10] AS spellings
}
CALL (a, prop, side) {
  MATCH (a)-[r:AUTHORED]->(p:Paper)
  WHERE (p.id + '#' + toString(r.position - 1) IN prop.part) = (side = 'part')
  WITH DISTINCT p
  ORDER BY p.year DESC, p.id
  RETURN count(p) AS paperCount, min(p.year) AS firstYear, max(p.year) AS lastYear,
         collect({id: p.id, title: p.title, year: p.year})[..10] AS papers
}
CALL (a, prop, side) {
  MATCH (a)-[r:AUTHORED]->(p:Paper)-[:IN_CATEGORY]->(c:Category)
  WHERE (p.id + '#' + toString(r.position - 1) IN prop.part) = (side = 'part')
  WITH c.code AS code, count(DISTINCT p) AS papers
  ORDER BY papers DESC, code
  RETURN collect({code: code, papers: papers})[..10] AS categories
}
CALL (a, prop, side) {
  MATCH (a)-[r:AUTHORED]->(p:Paper)
  WHERE (p.id + '#' + toString(r.position - 1) IN prop.part) = (side = 'part')
    AND coalesce(p.authorCount, 0) <= $maxAuthorsPerPaper
  WITH DISTINCT p
  ORDER BY p.year DESC
  LIMIT $maxPapers
  MATCH (p)<-[:AUTHORED]-(co:Author)
  WHERE co <> a
  WITH co, count(DISTINCT p) AS papers
  ORDER BY papers DESC, co.name, co.id
  RETURN collect({id: co.id, name: co.name, papers: papers})[..15] AS coauthors
}
RETURN prop.id AS proposal, side, a.id AS id, a.name AS name, paperCount, firstYear, lastYear, spellings, papers,
       categories, coauthors
