// Stores which mentions (paper id and position, as JSON) a merge has moved so far, so that an undo moves them back.
MATCH (d:IdentityDecision {id: $id})
SET d.moved = $moved
RETURN d.id AS id
