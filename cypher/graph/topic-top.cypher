// The topics on the most papers (degree lookups, no relationship scan), for the graph without a centre.
MATCH (t:Topic)
WITH t, COUNT { (t)<-[:HAS_TOPIC]-() } AS papers
WHERE papers > 0
ORDER BY papers DESC, t.id ASC
RETURN count(*) AS total, collect({id: t.id, name: t.name, papers: papers})[..$limit] AS top
