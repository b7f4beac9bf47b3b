// Upserts the batch's categories (arXiv taxonomy name and archive where known) and links papers to them.
UNWIND $categories AS row
MERGE (c:Category {code: row.code})
ON CREATE SET c.name = row.name, c.archive = row.archive
WITH count(*) AS merged
UNWIND $inCategory AS link
MATCH (p:Paper {id: link.paper})
MATCH (c:Category {code: link.code})
CREATE (p)-[:IN_CATEGORY {primary: link.primary}]->(c)
