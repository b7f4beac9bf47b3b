// Moves the stored topic document frequencies by a batch's deltas (old contributions of its papers out, new ones in),
// in the batch's transaction. A count reaching 0 removes its node.
CALL () {
  UNWIND $terms AS row
  MERGE (t:TopicTerm {key: row.key})
  ON CREATE SET t.papers = 0
  SET t.papers = t.papers + row.delta
  WITH t
  WHERE t.papers <= 0
  DELETE t
}
CALL () {
  UNWIND $acronyms AS row
  MERGE (a:TopicAcronym {key: row.key})
  ON CREATE SET a.acronym = row.acronym, a.expansion = row.expansion, a.papers = 0
  SET a.papers = a.papers + row.delta
  WITH a
  WHERE a.papers <= 0
  DELETE a
}
MERGE (c:TopicCorpus {id: 'papers'})
ON CREATE SET c.papers = 0
SET c.papers = c.papers + $paperDelta
