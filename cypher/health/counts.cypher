// Node counts per label for /api/health; label counts come from the count store (no scan). Stubs are cited works not ingested.
CALL () { MATCH (p:Paper) RETURN count(p) AS allPapers }
CALL () { MATCH (s:Stub) RETURN count(s) AS stubs }
CALL () { MATCH (a:Author) RETURN count(a) AS authors }
CALL () { MATCH (t:Topic) RETURN count(t) AS topics }
CALL () { MATCH (c:Category) RETURN count(c) AS categories }
RETURN allPapers - stubs AS papers, authors, topics, categories
