// The sequence number of the next decision. Run after the graph-version bump, whose lock orders decision writers, so
// two decisions never get the same number.
OPTIONAL MATCH (d:IdentityDecision)
RETURN coalesce(max(d.seq), 0) + 1 AS seq
