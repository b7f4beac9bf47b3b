// The row each query file returns, as a zod schema keyed by the file's name (`area/name`): db/graph.ts parses every row
// with it, so a query whose columns change fails with a message naming the file and the column. `QueryName` is the
// union of the keys, so a misspelt query name does not compile. A query that returns nothing maps to NO_ROWS.
// Every schema is a z.object, so its keys are the query's columns: an integration test compares them with the columns
// Neo4j reports for the query (EXPLAIN), and a unit test refuses any other kind of schema.
import { z } from 'zod';
import { Counts } from '../schema/api.js';
import { AuthorHomonyms, AuthorPaper, AuthorResponse, Coauthor } from '../schema/authors.js';
import { PaperAuthor, PaperCategory, PaperDetail, PaperRef, PaperTopic } from '../schema/papers.js';

/** The row schema of a query without RETURN (a write): no columns, and a row with any column fails. */
const NO_ROWS = z.object({}).strict();

const int = z.number().int();
const count = z.number().int().nonnegative();
const name = z.string().nullable();

/** `{total, top}`: a ranked list cut to $limit, with how many there were before the cut. */
const ranked = <T extends z.ZodType>(item: T) => z.object({ total: count, top: z.array(item) });

const authorRows = {
  'authors/redirect': z.object({ redirectTo: z.string(), reason: z.string().nullable() }),
  'authors/homonyms': AuthorHomonyms,
  'authors/profile': z.object({
    id: z.string(),
    name: z.string(),
    orcid: z.string().nullable(),
    openalexId: z.string().nullable(),
    spellings: AuthorResponse.shape.spellings,
    paperCount: count,
    firstYear: int.nullable(),
    lastYear: int.nullable(),
    suggestions: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        reason: z.string().nullable(),
        status: z.string().nullable(),
        sharedCoauthors: z.array(z.string()).nullable(),
        sharedCategories: z.array(z.string()).nullable(),
      }),
    ),
  }),
  'authors/works': z.object({
    paperTotal: count,
    papers: z.array(AuthorPaper),
    collaborations: count,
    coauthorPapers: count,
    olderPapers: count,
    coauthorTotal: count,
    coauthors: z.array(Coauthor),
    subjectPapers: count,
    categories: AuthorResponse.shape.categories,
    topicTotal: count,
    topics: AuthorResponse.shape.topics,
  }),
};

const citedPaper = PaperRef;

const paperRows = {
  'papers/paper': z.object({
    paper: PaperDetail,
    authorTotal: count,
    authors: z.array(PaperAuthor),
    categories: z.array(PaperCategory),
    topics: z.array(PaperTopic),
    cites: z.array(citedPaper),
    citesTotal: count,
    stubs: z.array(z.string()),
    stubTotal: count,
    citedBy: z.array(citedPaper),
    citedByTotal: count,
  }),
  'papers/related': z.object({
    id: z.string(),
    title: z.string().nullable(),
    year: int.nullable(),
    published: z.string().nullable(),
    paperCount: count,
    skippedAuthors: z.array(z.object({ id: z.string(), name: z.string(), papers: count })),
    skippedAuthorCount: count,
    skippedTopics: z.array(z.object({ id: z.string(), name: z.string(), papers: count })),
    skippedCitations: count,
    candidatesFound: count,
    candidates: z.array(
      z.object({
        id: z.string(),
        title: z.string().nullable(),
        year: int.nullable(),
        published: z.string().nullable(),
        authors: z.array(z.object({ id: z.string(), name: z.string() })),
        topics: z.array(
          z.object({ id: z.string(), name: z.string(), scoreHere: z.number(), scoreThere: z.number(), papers: count }),
        ),
        categories: z.array(
          z.object({ code: z.string(), name: z.string().nullable(), primaryHere: z.boolean(), primaryThere: z.boolean() }),
        ),
        cites: z.boolean(),
        citedBy: z.boolean(),
      }),
    ),
  }),
};

const namedHit = z.object({ id: z.string(), name, score: z.number(), papers: count });

const searchRows = {
  'search/papers': ranked(
    z.object({
      id: z.string(),
      title: z.string().nullable(),
      year: int.nullable(),
      score: z.number(),
      authorCount: int.nullable(),
      authorsTruncated: z.boolean().nullable(),
      authors: z.array(z.string()),
    }),
  ),
  'search/authors': ranked(namedHit),
  'search/topics': ranked(namedHit),
};

/** A topic and the papers it is on. */
const topic = z.object({ id: z.string(), name: z.string(), papers: count });

const topAuthors = ranked(z.object({ id: z.string(), name, papers: count }));

const graphRows = {
  'graph/author': z.object({ id: z.string(), name }),
  'graph/coauthor-expand': z.object({
    sampled: z.array(z.string()),
    papers: z.array(z.object({ id: z.string(), readers: z.array(z.string()), n: count, authors: z.array(z.string()) })),
  }),
  'graph/coauthor-top': topAuthors,
  'graph/coauthor-top-category': topAuthors,
  'graph/coauthor-top-filtered': topAuthors,
  'graph/coauthor-edges': z.object({
    nodes: z.array(z.object({ id: z.string(), name, sampled: z.boolean(), papers: count.nullable() })),
    papers: z.array(z.object({ id: z.string(), year: int.nullable(), n: count.nullable(), members: z.array(z.string()) })),
    categories: z.array(z.object({ id: z.string(), category: z.string().nullable() })),
  }),
  'graph/coauthor-nodes': z.object({
    id: z.string(),
    name,
    sampled: z.boolean(),
    category: z.string().nullable(),
    papers: count.nullable(),
  }),
  'graph/path-shortest': z.object({ authors: z.array(z.string()) }),
  'graph/path-hops': z.object({
    a: z.string(),
    b: z.string(),
    joint: count,
    papers: z.array(z.object({ id: z.string(), title: z.string().nullable() })),
  }),
  'graph/topic': topic,
  'graph/topic-top': ranked(topic),
  'graph/topic-neighbours': ranked(topic.extend({ shared: count })),
  'graph/topic-edges': z.object({ source: z.string(), target: z.string(), shared: count, papers: z.array(z.string()) }),
  'graph/bipartite-edges': z.object({ paper: z.string(), topic: z.string(), score: z.number() }),
  'graph/bipartite-papers': ranked(z.object({ id: z.string(), title: z.string().nullable(), year: int.nullable() })),
  'graph/bipartite-topics': ranked(topic),
};

const healthRows = {
  'health/components': z.object({ version: z.string(), edition: z.string() }),
  'health/counts': Counts,
};

const statsRows = {
  'stats/categories': z.object({ code: z.string(), name: z.string().nullable(), archive: z.string().nullable(), papers: count }),
  'stats/counts': z.object({
    papers: count,
    stubs: count,
    authors: count,
    categories: count,
    topics: count,
    authored: count,
    inCategory: count,
    hasTopic: count,
    cites: count,
    maybeSameAs: count,
  }),
  'stats/papers-per-year': z.object({ year: int.nullable(), papers: count }),
  'stats/top-authors': z.object({ id: z.string(), name: z.string(), papers: count }),
  'stats/top-topics': topic,
};

const ingestRows = {
  'ingest/absorb-stubs': NO_ROWS,
  'ingest/link-citations': NO_ROWS,
  'ingest/merge-categories': NO_ROWS,
  'ingest/merge-topics': NO_ROWS,
  'ingest/write-papers': NO_ROWS,
  'ingest/inferred-year-papers': z.object({ id: z.string(), title: z.string().nullable() }),
  'ingest/paper-topic-state': z.object({
    id: z.string(),
    // Null on a paper whose topic document frequencies were never counted.
    terms: z.array(z.string()).nullable(),
    acronyms: z.array(z.string()).nullable(),
    topics: z.array(z.string()),
  }),
  'ingest/remove-orphan-topics': NO_ROWS,
  'ingest/rename-paper': z.object({ merged: z.boolean() }),
  'ingest/set-topic-contributions': NO_ROWS,
  'ingest/topic-acronyms': z.object({ acronym: z.string(), expansion: z.string(), papers: count }),
  'ingest/topic-corpus': z.object({ papers: count }),
  'ingest/topic-terms': z.object({ key: z.string(), papers: count }),
  'ingest/uncounted-papers': z.object({ id: z.string(), title: z.string().nullable(), abstract: z.string() }),
  'ingest/update-topic-frequencies': NO_ROWS,
};

const graphVersion = z.object({ version: count, epoch: z.string() });

const summaryRows = {
  'summary/bump-version': graphVersion,
  'summary/lock-version': graphVersion,
  'summary/read': z.object({
    graphVersion: count,
    graphEpoch: z.string(),
    version: count.nullable(),
    epoch: z.string().nullable(),
    builtAt: z.string().nullable(),
    json: z.string().nullable(),
  }),
  'summary/store': z.object({ stored: count }),
  'summary/batch-papers': z.object({ year: int.nullable(), codes: z.array(z.string()) }),
  'summary/category-counts': z.object({ code: z.string(), name, archive: name, papers: count }),
  'summary/topic-near': z.object({
    source: z.string(),
    near: z.array(z.object({ target: z.string(), shared: count, papers: z.array(z.string()) })),
  }),
  'summary/bipartite-candidates': z.object({
    firstSeed: z.array(z.tuple([count, count])),
    papers: z.array(
      z.object({ id: z.string(), title: name, year: int.nullable(), links: z.array(z.tuple([count, z.number()])) }),
    ),
  }),
  'summary/version': graphVersion,
  'summary/warm-sample': z.object({ paper: z.string(), authors: z.array(z.string()), word: z.string() }),
  'summary/warm-stores': z.object({ papers: count, authors: count, authored: count, hasTopic: count, inCategory: count }),
};

const migrationRows = {
  'migrations/applied': z.object({ ids: z.array(z.string()) }),
  'migrations/paper-primary-category': NO_ROWS,
  'migrations/record': NO_ROWS,
};

const bulkRows = {
  'bulk/graph-size': z.object({ papers: count, authors: count, nodes: count }),
  'bulk/restore-empty-topic-lists': NO_ROWS,
};

/** The identity queries of both write paths (ingest/authors/, ingest/writer.ts). */
const identityRows = {
  'identity/paper-authorship': z.object({ paper: z.string(), position: int, asWritten: z.string(), author: z.string() }),
  'identity/block-persons': z.object({ id: z.string(), summary: z.string() }),
  'identity/taken-ids': z.object({ ids: z.array(z.string()) }),
  'identity/store-persons': NO_ROWS,
  'identity/retire': NO_ROWS,
  'identity/store-variants': NO_ROWS,
  'identity/store-splits': NO_ROWS,
  'identity/redirects': z.object({ id: z.string(), redirectTo: z.string(), reason: z.string().nullable() }),
};

/** An (:IdentityDecision) node's properties (ingest/identity/decisions.ts turns them into a schema/curation Decision). */
const decisionNode = z.object({
  id: z.string(),
  seq: count,
  kind: z.enum(['merge', 'reject', 'split', 'reject-split']),
  status: z.enum(['active', 'undone']),
  at: z.string(),
  by: z.string(),
  why: z.string(),
  keep: z.string().optional(),
  retire: z.string().optional(),
  a: z.string().optional(),
  b: z.string().optional(),
  person: z.string().optional(),
  papers: z.array(z.string()).optional(),
  newId: z.string().optional(),
  newName: z.string().optional(),
  proposal: z.string().optional(),
  moved: z.string().optional(),
  undoneAt: z.string().optional(),
  undoneBy: z.string().optional(),
  undoneWhy: z.string().optional(),
  importedAt: z.string().optional(),
  importedBy: z.string().optional(),
});

/** What a reviewer compares about a person, or about one side of a split proposal. */
const personEvidence = z.object({
  id: z.string(),
  name: z.string(),
  paperCount: count,
  firstYear: int.nullable(),
  lastYear: int.nullable(),
  spellings: z.array(z.object({ asWritten: z.string(), papers: count })),
  papers: z.array(z.object({ id: z.string(), title: z.string().nullable(), year: int.nullable() })),
  categories: z.array(z.object({ code: z.string(), papers: count })),
  coauthors: z.array(z.object({ id: z.string(), name: z.string(), papers: count })),
});

const decisionRows = {
  'decisions/record': z.object({ id: z.string() }),
  'decisions/next-seq': z.object({ seq: count }),
  'decisions/get': z.object({ d: decisionNode }),
  'decisions/all': z.object({ d: decisionNode }),
  'decisions/page': z.object({ total: count, items: z.array(decisionNode) }),
  'decisions/later': z.object({ id: z.string(), kind: z.string() }),
  'decisions/mark-undone': z.object({ id: z.string() }),
  'decisions/set-moved': z.object({ id: z.string() }),
  'decisions/person-state': z.object({ id: z.string(), isAuthor: z.boolean(), name, redirectTo: z.string().nullable() }),
  'decisions/apply-merge': z.object({ moved: z.array(z.object({ paperId: z.string(), position: int })) }),
  'decisions/undo-merge': z.object({ movedBack: count }),
  'decisions/apply-split': z.object({ moved: count }),
  'decisions/set-suggestion-status': z.object({ changed: count }),
  'decisions/set-proposal-status': z.object({ changed: count }),
  'decisions/proposal': z.object({ id: z.string(), person: z.string(), part: z.array(z.string()), status: z.string() }),
  'decisions/suggestions': z.object({
    total: count,
    items: z.array(
      z.object({
        kind: z.enum(['variant', 'split']),
        a: z.string(),
        b: z.string(),
        proposal: z.string().nullable(),
        part: z.array(z.string()),
        score: z.number(),
        reason: z.string(),
        status: z.string(),
        sharedCoauthors: z.array(z.string()),
        sharedCategories: z.array(z.string()),
        sharedTopics: z.array(z.string()),
        nameMatch: z.string().nullable(),
      }),
    ),
  }),
  'decisions/person-evidence': personEvidence,
  'decisions/split-evidence': personEvidence.extend({ proposal: z.string(), side: z.enum(['part', 'rest']) }),
  'decisions/person-papers': z.object({
    id: z.string(),
    name: z.string(),
    papers: z.array(
      z.object({
        id: z.string(),
        title: z.string().nullable(),
        year: int.nullable(),
        position: int.nullable(),
        asWritten: z.string().nullable(),
        coauthors: z.array(z.string()),
        categories: z.array(z.string()),
      }),
    ),
  }),
};

/** Row schema of every query file (a test checks that the keys are exactly the files under cypher/). */
export const ROWS = {
  ...authorRows,
  ...paperRows,
  ...searchRows,
  ...graphRows,
  ...healthRows,
  ...statsRows,
  ...ingestRows,
  ...summaryRows,
  ...migrationRows,
  ...bulkRows,
  ...identityRows,
  ...decisionRows,
} satisfies Record<string, z.ZodObject>;

/** The name of a query file, `area/name`. */
export type QueryName = keyof typeof ROWS;

/** A parsed row of the named query. */
export type RowOf<N extends QueryName> = z.output<(typeof ROWS)[N]>;

/** Whether `name` is a known query name. */
export function isQueryName(name: string): name is QueryName {
  return Object.hasOwn(ROWS, name);
}
