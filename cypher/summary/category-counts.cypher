// Papers per category for the given codes (degree lookups), as stats/categories counts them: for moving the stored
// counts after an ingest batch without ranking every category again.
UNWIND $codes AS code
MATCH (c:Category {code: code})
RETURN c.code AS code, c.name AS name, c.archive AS archive, COUNT { (c)<-[:IN_CATEGORY]-() } AS papers
