// Related papers of one paper for /api/papers/:id/related, in two stages; the ranking itself is computed from the
// evidence returned here by server/api/papers/related.ts.
//  1. Candidates: the papers reached from this paper's seeds, i.e. its authors with at most $maxAuthorPapers papers (at
//     most $maxSeedAuthors of them, least prolific first), its topics on at most $maxTopicPapers papers, and at most
//     $maxCitationSeeds citation neighbours (newest first). Seeds left out are returned so the API reports what was
//     bounded. A quick pre-score with the mode's weights keeps the best $maxCandidates.
//  2. Evidence for each kept candidate, exact whatever the bounds: every shared author, every shared topic with both
//     scores and its paper count, every shared category, and the citation links in each direction. Each check starts
//     from the candidate or from this paper's small lists, never expands from this paper's neighbours into the
//     candidate: those neighbours can be authors with thousands of papers or categories with tens of thousands.
// $useAuthors / $useTopics / $useCitations switch seed kinds on per ranking mode. No row when the id is unknown.
MATCH (p:Paper {id: $id})
CALL () { MATCH (x:Paper) RETURN count(x) AS allPapers }
CALL () { MATCH (s:Stub) RETURN count(s) AS stubs }
WITH p, allPapers - stubs AS paperCount
// This paper's own authors (in author order), topics and categories, read once.
CALL (p) {
  MATCH (p)<-[r:AUTHORED]-(a:Author)
  WITH a, min(r.position) AS position
  ORDER BY position, a.id
  RETURN collect(a) AS pAuthors, collect(COUNT { (a)-[:AUTHORED]->() }) AS pAuthorPapers
}
CALL (p) {
  MATCH (p)-[h:HAS_TOPIC]->(t:Topic)
  WITH t, h.score AS score, COUNT { (t)<-[:HAS_TOPIC]-() } AS papers
  ORDER BY papers, t.id
  RETURN collect({topic: t, score: score, papers: papers}) AS pTopics
}
CALL (p) {
  MATCH (p)-[r:IN_CATEGORY]->(cat:Category)
  RETURN collect({category: cat, primary: coalesce(r.primary, false)}) AS pCategories
}
// Its citation neighbours as lists when there are at most 1000 (a list lookup per candidate is cheaper than a
// relationship check); null for a famous paper, whose candidates are then checked one by one.
CALL (p) {
  RETURN CASE WHEN COUNT { (p)-[:CITES]->() } <= 1000 THEN COLLECT { MATCH (p)-[:CITES]->(x) RETURN x } END AS pCites,
         CASE WHEN COUNT { (p)<-[:CITES]-() } <= 1000 THEN COLLECT { MATCH (p)<-[:CITES]-(x) RETURN x } END AS pCitedBy
}
// Stage 1: seeds.
CALL (pAuthors, pAuthorPapers) {
  UNWIND CASE WHEN $useAuthors THEN range(0, size(pAuthors) - 1) ELSE [] END AS i
  WITH pAuthors[i] AS a, pAuthorPapers[i] AS papers
  ORDER BY papers, a.id
  WITH collect({author: a, papers: papers}) AS authors
  WITH [x IN authors WHERE x.papers <= $maxAuthorPapers] AS eligible,
       [x IN authors WHERE x.papers > $maxAuthorPapers] AS prolific
  WITH eligible[..$maxSeedAuthors] AS seeds, prolific + eligible[$maxSeedAuthors..] AS skipped
  RETURN [x IN seeds | x.author] AS seedAuthors,
         size(skipped) AS skippedAuthorCount,
         [x IN skipped[..20] | {id: x.author.id, name: x.author.name, papers: x.papers}] AS skippedAuthors
}
// This paper's authors that were not seeds (prolific ones, or all of them when authors do not seed) still count as
// shared authors of any candidate; they are checked one by one in stage 2.
WITH p, paperCount, pAuthors, pTopics, pCategories, pCites, pCitedBy, seedAuthors, skippedAuthorCount, skippedAuthors,
     [i IN range(0, size(pAuthors) - 1) WHERE NOT pAuthors[i] IN seedAuthors | pAuthors[i]] AS uncheckedAuthors,
     [x IN pTopics WHERE $useTopics AND x.papers <= $maxTopicPapers] AS seedTopics,
     [x IN pTopics WHERE $useTopics AND x.papers > $maxTopicPapers | {id: x.topic.id, name: x.topic.name, papers: x.papers}]
       AS skippedTopics
CALL (p) {
  MATCH (p)-[:CITES]-(c:Paper)
  WHERE $useCitations AND NOT c:Stub AND c <> p
  WITH DISTINCT c
  ORDER BY c.published IS NULL, c.published DESC, c.id
  WITH collect(c) AS neighbours
  RETURN neighbours[..$maxCitationSeeds] AS seedCitations,
         size(neighbours) - size(neighbours[..$maxCitationSeeds]) AS skippedCitations
}
// Stage 1: candidates and their pre-score.
CALL (p, seedAuthors, seedTopics, seedCitations, paperCount) {
  CALL (p, seedAuthors, seedTopics, seedCitations, paperCount) {
    UNWIND seedAuthors AS a
    MATCH (a)-[:AUTHORED]->(c:Paper)
    WHERE c <> p
    RETURN c, $wAuthors AS pre, a AS via
    UNION ALL
    // Same topic contribution as the final score: min of the two scores times the topic's specificity.
    UNWIND seedTopics AS seed
    WITH seed.topic AS t, seed.score AS here, seed.papers AS df
    MATCH (t)<-[h:HAS_TOPIC]-(c:Paper)
    WHERE c <> p
    RETURN c,
           $wTopics * CASE WHEN h.score < here THEN h.score ELSE here END
             * log(1.0 + toFloat(paperCount) / df) / log(1.0 + paperCount) AS pre, null AS via
    UNION ALL
    UNWIND seedCitations AS c
    RETURN c, $wCitations AS pre, null AS via
  }
  // `via`: the seed authors that reached the candidate, i.e. exactly the seed authors it shares with this paper.
  WITH c, sum(pre) AS pre, collect(DISTINCT via) AS via
  WHERE pre > 0
  ORDER BY pre DESC, c.published IS NULL, c.published DESC, c.id
  WITH collect({paper: c, pre: pre, via: via}) AS found
  RETURN size(found) AS candidatesFound, found[..$maxCandidates] AS kept
}
// Stage 2: evidence per kept candidate.
CALL (p, kept, pAuthors, uncheckedAuthors, pTopics, pCategories, pCites, pCitedBy) {
  UNWIND kept AS k
  WITH p, k.paper AS c, k.via AS via, pAuthors, uncheckedAuthors, pTopics, pCategories, pCites, pCitedBy
  // Shared authors = the seeds that reached the candidate (`via`) + this paper's other authors that wrote it too. When
  // there are such others, the candidate's authors are scanned (one step each); only for a candidate with more than
  // 1000 authors is each of them checked against it instead (a check can cost ~150 steps on a prolific author).
  WITH p, c, via, pAuthors, uncheckedAuthors, pTopics, pCategories, pCites, pCitedBy,
       CASE WHEN size(uncheckedAuthors) = 0 THEN 'none' WHEN COUNT { (c)<-[:AUTHORED]-() } <= 1000 THEN 'scan' ELSE 'check' END
         AS method
  CALL (c, via, pAuthors, uncheckedAuthors, method) {
    WITH via
    WHERE method = 'none'
    RETURN via AS shared
    UNION ALL
    WITH c, pAuthors
    WHERE method = 'scan'
    RETURN COLLECT { MATCH (c)<-[:AUTHORED]-(a:Author) WHERE a IN pAuthors RETURN DISTINCT a } AS shared
    UNION ALL
    WITH c, via, uncheckedAuthors
    WHERE method = 'check'
    RETURN via + [a IN uncheckedAuthors WHERE EXISTS { (a)-[:AUTHORED]->(c) }] AS shared
  }
  WITH p, c, pTopics, pCategories, pCites, pCitedBy, [a IN pAuthors WHERE a IN shared | {id: a.id, name: a.name}] AS sharedAuthors
  WITH p, c, pCites, pCitedBy, sharedAuthors,
       COLLECT {
         MATCH (c)-[hc:HAS_TOPIC]->(t:Topic)
         WITH t, hc, [x IN pTopics WHERE x.topic = t] AS here
         WHERE size(here) > 0
         RETURN {id: t.id, name: t.name, scoreHere: here[0].score, scoreThere: hc.score, papers: here[0].papers}
       } AS sharedTopics,
       COLLECT {
         MATCH (c)-[rc:IN_CATEGORY]->(cat:Category)
         WITH cat, rc, [x IN pCategories WHERE x.category = cat] AS here
         WHERE size(here) > 0
         WITH cat, rc, here
         ORDER BY cat.code
         RETURN {code: cat.code, name: cat.name, primaryHere: here[0].primary, primaryThere: coalesce(rc.primary, false)}
       } AS sharedCategories
  RETURN collect({
    id: c.id,
    title: c.title,
    year: c.year,
    published: c.published,
    authors: sharedAuthors,
    topics: sharedTopics,
    categories: sharedCategories,
    cites: CASE WHEN pCites IS NULL THEN EXISTS { (p)-[:CITES]->(c) } ELSE c IN pCites END,
    citedBy: CASE WHEN pCitedBy IS NULL THEN EXISTS { (c)-[:CITES]->(p) } ELSE c IN pCitedBy END
  }) AS candidates
}
RETURN p.id AS id, p.title AS title, p.year AS year, p.published AS published, paperCount,
       skippedAuthors, skippedAuthorCount, skippedTopics, skippedCitations,
       candidatesFound, candidates
