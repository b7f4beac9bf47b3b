// Stores papers' topic document-frequency contributions (their topics are left as they are).
UNWIND $papers AS row
MATCH (p:Paper {id: row.id})
SET p.topicTerms = row.topicTerms, p.topicAcronyms = row.topicAcronyms
