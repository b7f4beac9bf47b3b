// PaperGraph schema: applied statement by statement on every start; each statement is idempotent.
//
// Graph model
//   (:Paper {id, title, abstract, published, year, datePrecision, hasCode, url, doi, arxivId, openalexId, source,
//            authorsTruncated, authorCount, primaryCategory})   primaryCategory = the code of its IN_CATEGORY {primary}
//   (:Author {id, name, key, looseKey, orcid?, openalexId?, block, blocks, mentions, summary})-[:AUTHORED {position,
//            asWritten}]->(:Paper)      a person (ingest/identity); summary = the model's evidence as JSON; a person
//            known under several family names also has the label SpansBlocks
//   (:AuthorRedirect {id, redirectTo, reason, block})   a retired person id and the live id it now names
//   (:Paper)-[:IN_CATEGORY {primary}]->(:Category {code, name, archive})
//   (:Paper)-[:HAS_TOPIC {score, source}]->(:Topic {id, name})
//   (:Paper)-[:CITES]->(:Paper)            a cited work not ingested itself is a stub (:Paper:Stub {id, openalexId})
//   (:Author)-[:MAYBE_SAME_AS {reason, score, evidence..., status}]->(:Author)   variant suggestions, never merged
//   (:SplitProposal {id, person, part, reason, score, evidence..., status})   one person that may be two
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
// Author identity (cypher/identity/): persons by name block, redirects of retired ids, split proposals by person.
CREATE INDEX author_block IF NOT EXISTS FOR (a:Author) ON (a.block);
CREATE INDEX author_key IF NOT EXISTS FOR (a:Author) ON (a.key);
CREATE CONSTRAINT author_redirect_id IF NOT EXISTS FOR (r:AuthorRedirect) REQUIRE r.id IS UNIQUE;
CREATE INDEX author_redirect_block IF NOT EXISTS FOR (r:AuthorRedirect) ON (r.block);
CREATE INDEX author_redirect_to IF NOT EXISTS FOR (r:AuthorRedirect) ON (r.redirectTo);
CREATE CONSTRAINT split_proposal_id IF NOT EXISTS FOR (s:SplitProposal) REQUIRE s.id IS UNIQUE;
CREATE INDEX split_proposal_person IF NOT EXISTS FOR (s:SplitProposal) ON (s.person);

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

// Identity decisions of the review queue (ingest/identity/decisions*.ts); the person ids a merge retires are the
// (:AuthorRedirect) nodes above.
CREATE CONSTRAINT identity_decision_id IF NOT EXISTS FOR (d:IdentityDecision) REQUIRE d.id IS UNIQUE;
