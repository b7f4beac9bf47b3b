// One topic by id (404s) with its paper count.
MATCH (t:Topic {id: $id})
RETURN t.id AS id, t.name AS name, COUNT { (t)<-[:HAS_TOPIC]-() } AS papers
