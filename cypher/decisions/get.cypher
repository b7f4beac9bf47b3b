// One decision by id (no row when there is none).
MATCH (d:IdentityDecision {id: $id})
RETURN properties(d) AS d
