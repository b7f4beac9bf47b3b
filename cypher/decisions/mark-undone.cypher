// Marks a decision undone (who, when, why); it stays recorded and is no longer re-applied.
MATCH (d:IdentityDecision {id: $id})
SET d.status = 'undone', d.undoneAt = $at, d.undoneBy = $by, d.undoneWhy = $why
RETURN d.id AS id
