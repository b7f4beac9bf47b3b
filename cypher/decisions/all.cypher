// Every decision, oldest first: the order they are re-applied and exported in.
MATCH (d:IdentityDecision)
WITH d
ORDER BY d.seq
RETURN properties(d) AS d
