// Stored topic map beyond the first topics: for each of the top topics ($ids, most papers first), its $perTopic
// strongest co-occurrences with other topics of $ids (shared papers, ties by id), each with its $maxPaperIds most
// recent paper ids. One topic's papers are read at a time, so memory stays bounded by the largest topic.
UNWIND $ids AS id
MATCH (t:Topic {id: id})
CALL (t) {
  MATCH (t)<-[:HAS_TOPIC]-(p:Paper)-[:HAS_TOPIC]->(u:Topic)
  WHERE u <> t AND $inTop[u.id] IS NOT NULL
  WITH u, p
  ORDER BY p.year DESC, p.id ASC
  WITH u, count(p) AS shared, collect(p.id)[..$maxPaperIds] AS papers
  ORDER BY shared DESC, u.id ASC
  LIMIT $perTopic
  RETURN collect({target: u.id, shared: shared, papers: papers}) AS near
}
RETURN t.id AS source, near
