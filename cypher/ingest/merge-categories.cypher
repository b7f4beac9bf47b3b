// Upserts the batch's categories (arXiv taxonomy name and archive where known); papers link to them in write-papers.
UNWIND $categories AS row
MERGE (c:Category {code: row.code})
ON CREATE SET c.name = row.name, c.archive = row.archive
