// The first active decision after sequence number $seq that involves one of $persons: a decision can only be undone
// when nothing decided later rests on it. No row when there is none.
MATCH (d:IdentityDecision)
WHERE d.status = 'active' AND d.seq > $seq
  AND any(p IN [v IN [d.keep, d.retire, d.a, d.b, d.person, d.newId] WHERE v IS NOT NULL] WHERE p IN $persons)
WITH d
ORDER BY d.seq
LIMIT 1
RETURN d.id AS id, d.kind AS kind
