// One author's papers for /api/authors/:id, newest first (undated last), with the author's position and spelling on
// each; the first $limit and the total.
MATCH (:Author {id: $id})-[r:AUTHORED]->(p:Paper)
WITH p, min(r.position) AS position, head(collect(r.asWritten)) AS asWritten
ORDER BY p.published IS NULL, p.published DESC, p.year DESC, p.id
WITH collect({
  id: p.id,
  title: p.title,
  year: p.year,
  published: p.published,
  position: position,
  asWritten: asWritten,
  authorCount: p.authorCount
}) AS papers
RETURN size(papers) AS total, papers[..$limit] AS papers
