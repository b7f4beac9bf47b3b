// After a bulk load: ingested papers (not stubs), authors and all nodes, for the load's report.
CALL () { MATCH (p:Paper) WHERE NOT p:Stub RETURN count(p) AS papers }
CALL () { MATCH (a:Author) RETURN count(a) AS authors }
CALL () { MATCH (n) RETURN count(n) AS nodes }
RETURN papers, authors, nodes
