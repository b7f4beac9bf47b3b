// Upserts the batch's topics and links papers to them with the topic's score and where it came from.
UNWIND $topics AS row
MERGE (t:Topic {id: row.id})
ON CREATE SET t.name = row.name
WITH count(*) AS merged
UNWIND $hasTopic AS link
MATCH (p:Paper {id: link.paper})
MATCH (t:Topic {id: link.topic})
CREATE (p)-[:HAS_TOPIC {score: link.score, source: link.source}]->(t)
