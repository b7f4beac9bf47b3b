// What the graph holds for papers about to be (re)written: their counted document-frequency contribution and the
// topics they link to now. Stubs have neither.
UNWIND $ids AS id
MATCH (p:Paper {id: id})
WHERE NOT p:Stub
RETURN p.id AS id, p.topicTerms AS terms, p.topicAcronyms AS acronyms, [(p)-[:HAS_TOPIC]->(t:Topic) | t.id] AS topics
