// PaperGraph schema: applied statement by statement on every start; each statement is idempotent.
//
// Graph model
//   (:Paper {id, title, abstract, published, year, datePrecision, hasCode, url, doi, arxivId, openalexId, source,
//            authorsTruncated, authorCount, primaryCategory})   primaryCategory = the code of its IN_CATEGORY {primary}
//   (:Author {id, name, key, orcid?, openalexId?})-[:AUTHORED {position, asWritten}]->(:Paper)
//   (:Paper)-[:IN_CATEGORY {primary}]->(:Category {code, name, archive})
//   (:Paper)-[:HAS_TOPIC {score, source}]->(:Topic {id, name})
//   (:Paper)-[:CITES]->(:Paper)            a cited work not ingested itself is a stub (:Paper:Stub {id, openalexId})
//   (:Author)-[:MAYBE_SAME_AS {reason, evidence...}]->(:Author)   merge suggestions, never merged automatically
// Co-authorship is derived from AUTHORED at query time; no edge per co-author pair is stored.

CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (p:Paper) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT author_id IF NOT EXISTS FOR (a:Author) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT category_code IF NOT EXISTS FOR (c:Category) REQUIRE c.code IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.id IS UNIQUE;

// Lookups when ingesting: OpenAlex work ids of cited stubs, author ORCID/OpenAlex ids, loose name keys (suggestions).
CREATE INDEX paper_openalex IF NOT EXISTS FOR (p:Paper) ON (p.openalexId);
CREATE INDEX paper_year IF NOT EXISTS FOR (p:Paper) ON (p.year);
CREATE INDEX author_loose_key IF NOT EXISTS FOR (a:Author) ON (a.looseKey);
CREATE INDEX author_orcid IF NOT EXISTS FOR (a:Author) ON (a.orcid);
CREATE INDEX author_openalex IF NOT EXISTS FOR (a:Author) ON (a.openalexId);

// Full-text search (queried with db.index.fulltext.queryNodes; user input is escaped before it reaches Lucene).
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (p:Paper) ON EACH [p.title, p.abstract];
CREATE FULLTEXT INDEX author_name IF NOT EXISTS FOR (a:Author) ON EACH [a.name];
CREATE FULLTEXT INDEX topic_name IF NOT EXISTS FOR (t:Topic) ON EACH [t.name];

// Topic document frequencies over the graph's papers (ingest/topic-frequencies.ts): bookkeeping of the ingest.
CREATE CONSTRAINT topic_term_key IF NOT EXISTS FOR (t:TopicTerm) REQUIRE t.key IS UNIQUE;
CREATE CONSTRAINT topic_acronym_key IF NOT EXISTS FOR (a:TopicAcronym) REQUIRE a.key IS UNIQUE;
CREATE CONSTRAINT topic_corpus_id IF NOT EXISTS FOR (c:TopicCorpus) REQUIRE c.id IS UNIQUE;
CREATE INDEX topic_acronym_acronym IF NOT EXISTS FOR (a:TopicAcronym) ON (a.acronym);

// Graph version and stored whole-graph summaries (db/summary/): one node each, found by key.
CREATE CONSTRAINT paper_graph_state_key IF NOT EXISTS FOR (s:PaperGraphState) REQUIRE s.key IS UNIQUE;
CREATE CONSTRAINT paper_graph_summary_key IF NOT EXISTS FOR (m:PaperGraphSummary) REQUIRE m.key IS UNIQUE;

// Identity decisions of the review queue (ingest/identity/decisions*.ts) and the retired person ids they leave, each
// an (:AuthorRedirect {id, redirectTo}) node.
CREATE CONSTRAINT identity_decision_id IF NOT EXISTS FOR (d:IdentityDecision) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT author_redirect_id IF NOT EXISTS FOR (r:AuthorRedirect) REQUIRE r.id IS UNIQUE;
CREATE INDEX author_redirect_to IF NOT EXISTS FOR (r:AuthorRedirect) ON (r.redirectTo);
