// Related papers of one paper for /api/papers/:id/related, in two stages; the ranking itself is computed from the
// evidence returned here by server/api/papers/related.ts.
//  1. Candidates: the papers reached from this paper's seeds, i.e. its authors with at most $maxAuthorPapers papers (at
//     most $maxSeedAuthors of them, least prolific first), its topics on at most $maxTopicPapers papers, and at most
//     $maxCitationSeeds citation neighbours (newest first). Seeds left out are returned so the API reports what was
//     bounded. A quick pre-score with the mode's weights keeps the best $maxCandidates.
//  2. Evidence for each kept candidate, exact whatever the bounds: every shared author, every shared topic with both
//     scores and its paper count, every shared category, and the citation links in each direction.
// $useAuthors / $useTopics / $useCitations switch seed kinds on per ranking mode. No row when the id is unknown.
MATCH (p:Paper {id: $id})
CALL () { MATCH (x:Paper) RETURN count(x) AS allPapers }
CALL () { MATCH (s:Stub) RETURN count(s) AS stubs }
WITH p, allPapers - stubs AS paperCount
CALL (p) {
  MATCH (p)<-[:AUTHORED]-(a:Author)
  WHERE $useAuthors
  WITH DISTINCT a
  WITH a, COUNT { (a)-[:AUTHORED]->() } AS papers
  ORDER BY papers, a.id
  WITH collect({author: a, papers: papers}) AS authors
  WITH [x IN authors WHERE x.papers <= $maxAuthorPapers] AS eligible,
       [x IN authors WHERE x.papers > $maxAuthorPapers] AS prolific
  WITH eligible[..$maxSeedAuthors] AS seeds, prolific + eligible[$maxSeedAuthors..] AS skipped
  RETURN [x IN seeds | x.author] AS seedAuthors,
         size(skipped) AS skippedAuthorCount,
         [x IN skipped[..20] | {id: x.author.id, name: x.author.name, papers: x.papers}] AS skippedAuthors
}
CALL (p) {
  MATCH (p)-[h:HAS_TOPIC]->(t:Topic)
  WHERE $useTopics
  WITH t, h.score AS score, COUNT { (t)<-[:HAS_TOPIC]-() } AS papers
  ORDER BY papers, t.id
  WITH collect({topic: t, score: score, papers: papers}) AS topics
  RETURN [x IN topics WHERE x.papers <= $maxTopicPapers] AS seedTopics,
         [x IN topics WHERE x.papers > $maxTopicPapers | {id: x.topic.id, name: x.topic.name, papers: x.papers}]
           AS skippedTopics
}
CALL (p) {
  MATCH (p)-[:CITES]-(c:Paper)
  WHERE $useCitations AND NOT c:Stub AND c <> p
  WITH DISTINCT c
  ORDER BY c.published IS NULL, c.published DESC, c.id
  WITH collect(c) AS neighbours
  RETURN neighbours[..$maxCitationSeeds] AS seedCitations,
         size(neighbours) - size(neighbours[..$maxCitationSeeds]) AS skippedCitations
}
CALL (p, seedAuthors, seedTopics, seedCitations, paperCount) {
  CALL (p, seedAuthors, seedTopics, seedCitations, paperCount) {
    UNWIND seedAuthors AS a
    MATCH (a)-[:AUTHORED]->(c:Paper)
    WHERE c <> p
    RETURN c, $wAuthors AS pre
    UNION ALL
    // Same topic contribution as the final score: min of the two scores times the topic's specificity.
    UNWIND seedTopics AS seed
    WITH seed.topic AS t, seed.score AS here, seed.papers AS df
    MATCH (t)<-[h:HAS_TOPIC]-(c:Paper)
    WHERE c <> p
    RETURN c,
           $wTopics * CASE WHEN h.score < here THEN h.score ELSE here END
             * log(1.0 + toFloat(paperCount) / df) / log(1.0 + paperCount) AS pre
    UNION ALL
    UNWIND seedCitations AS c
    RETURN c, $wCitations AS pre
  }
  WITH c, sum(pre) AS pre
  WHERE pre > 0
  ORDER BY pre DESC, c.published IS NULL, c.published DESC, c.id
  WITH collect({paper: c, pre: pre}) AS found
  RETURN size(found) AS candidatesFound, found[..$maxCandidates] AS kept
}
CALL (p, kept) {
  UNWIND kept AS k
  WITH k.paper AS c
  CALL (p, c) {
    MATCH (c)<-[:AUTHORED]-(a:Author)-[r:AUTHORED]->(p)
    WITH a, min(r.position) AS position
    ORDER BY position, a.id
    RETURN collect({id: a.id, name: a.name}) AS sharedAuthors
  }
  CALL (p, c) {
    MATCH (c)-[hc:HAS_TOPIC]->(t:Topic)<-[hp:HAS_TOPIC]-(p)
    RETURN collect({
      id: t.id,
      name: t.name,
      scoreHere: hp.score,
      scoreThere: hc.score,
      papers: COUNT { (t)<-[:HAS_TOPIC]-() }
    }) AS sharedTopics
  }
  CALL (p, c) {
    MATCH (c)-[rc:IN_CATEGORY]->(cat:Category)<-[rp:IN_CATEGORY]-(p)
    WITH cat, rc, rp
    ORDER BY cat.code
    RETURN collect({
      code: cat.code,
      name: cat.name,
      primaryHere: coalesce(rp.primary, false),
      primaryThere: coalesce(rc.primary, false)
    }) AS sharedCategories
  }
  RETURN collect({
    id: c.id,
    title: c.title,
    year: c.year,
    published: c.published,
    authors: sharedAuthors,
    topics: sharedTopics,
    categories: sharedCategories,
    cites: EXISTS { (p)-[:CITES]->(c) },
    citedBy: EXISTS { (c)-[:CITES]->(p) }
  }) AS candidates
}
RETURN p.id AS id, p.title AS title, p.year AS year, p.published AS published, paperCount,
       skippedAuthors, skippedAuthorCount, skippedTopics, skippedCitations,
       candidatesFound, candidates
