// Nodes per label and relationships per type for /api/stats, all read from the count store (no scans).
// Cited-only works carry :Paper:Stub, so ingested papers are Paper minus Stub.
CALL () { MATCH (p:Paper) RETURN count(p) AS allPapers }
CALL () { MATCH (s:Stub) RETURN count(s) AS stubs }
CALL () { MATCH (a:Author) RETURN count(a) AS authors }
CALL () { MATCH (c:Category) RETURN count(c) AS categories }
CALL () { MATCH (t:Topic) RETURN count(t) AS topics }
CALL () { MATCH ()-[r:AUTHORED]->() RETURN count(r) AS authored }
CALL () { MATCH ()-[r:IN_CATEGORY]->() RETURN count(r) AS inCategory }
CALL () { MATCH ()-[r:HAS_TOPIC]->() RETURN count(r) AS hasTopic }
CALL () { MATCH ()-[r:CITES]->() RETURN count(r) AS cites }
CALL () { MATCH ()-[r:MAYBE_SAME_AS]->() RETURN count(r) AS maybeSameAs }
RETURN allPapers - stubs AS papers, stubs, authors, categories, topics,
       authored, inCategory, hasTopic, cites, maybeSameAs
