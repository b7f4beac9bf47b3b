// One author's papers, co-authors, categories and topics for /api/authors/:id, from a single newest-first pass over
// the author's papers (undated last). Bounds keep a prolific author's page fast; what they cut is returned:
//  - co-authors are counted over the papers with at most $maxAuthorsPerPaper authors (one large collaboration would
//    make thousands of people co-authors), newest first while their author lists add up to at most $slotBudget entries;
//  - categories and topics are counted over the $subjectPapers newest papers (papers of large collaborations are dense
//    nodes, where every expansion costs more).
// Each co-author is one row counted from this author's side only, so no pair is counted twice. No row for an author
// without papers.
MATCH (a:Author {id: $id})-[:AUTHORED]->(p:Paper)
WITH DISTINCT a, p
ORDER BY p.published IS NULL, p.published DESC, p.year DESC, p.id
WITH a, collect(p) AS works
CALL (a, works) {
  // Position and spelling only for the papers shown.
  UNWIND works[..$paperLimit] AS p
  CALL (a, p) {
    MATCH (a)-[r:AUTHORED]->(p)
    RETURN min(r.position) AS position, head(collect(r.asWritten)) AS asWritten
  }
  RETURN collect({
    id: p.id,
    title: p.title,
    year: p.year,
    published: p.published,
    position: position,
    asWritten: asWritten,
    authorCount: p.authorCount
  }) AS papers
}
CALL (a, works) {
  UNWIND works AS p
  WITH a, p, COUNT { (p)<-[:AUTHORED]-() } AS slots
  WITH a,
       collect(CASE WHEN slots <= $maxAuthorsPerPaper THEN {paper: p, slots: slots} END) AS eligible,
       count(CASE WHEN slots > $maxAuthorsPerPaper THEN p END) AS collaborations
  WITH a, eligible, collaborations,
       reduce(s = {n: 0, used: 0, open: true}, x IN eligible |
         CASE WHEN s.open AND s.used + x.slots <= $slotBudget
           THEN {n: s.n + 1, used: s.used + x.slots, open: true}
           ELSE {n: s.n, used: s.used, open: false}
         END).n AS counted
  CALL (a, eligible, counted) {
    UNWIND eligible[..counted] AS x
    WITH x.paper AS p
    MATCH (p)<-[:AUTHORED]-(co:Author)
    WHERE co <> a
    WITH co, count(DISTINCT p) AS jointPapers
    ORDER BY jointPapers DESC, co.name, co.id
    RETURN collect({id: co.id, name: co.name, jointPapers: jointPapers}) AS coauthors
  }
  RETURN collaborations, counted AS coauthorPapers, size(eligible) - counted AS olderPapers,
         size(coauthors) AS coauthorTotal, coauthors[..$coauthorLimit] AS coauthors
}
CALL (works) {
  UNWIND works[..$subjectPapers] AS p
  MATCH (p)-[:IN_CATEGORY]->(c:Category)
  WITH c, count(p) AS papers
  ORDER BY papers DESC, c.code
  RETURN collect({code: c.code, name: c.name, papers: papers}) AS categories
}
CALL (works) {
  UNWIND works[..$subjectPapers] AS p
  MATCH (p)-[h:HAS_TOPIC]->(t:Topic)
  WITH t, count(p) AS papers, sum(h.score) AS weight
  ORDER BY papers DESC, weight DESC, t.name, t.id
  WITH collect({id: t.id, name: t.name, papers: papers}) AS topics
  RETURN size(topics) AS topicTotal, topics[..$topicLimit] AS topics
}
RETURN size(works) AS paperTotal, papers,
       collaborations, coauthorPapers, olderPapers, coauthorTotal, coauthors,
       size(works[..$subjectPapers]) AS subjectPapers, categories, topicTotal, topics
