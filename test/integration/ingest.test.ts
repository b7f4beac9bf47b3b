// Ingest into the real Neo4j: the five samples, idempotence, topics that link related papers, dry runs, bad input,
// and Neo4j going away mid-run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { testTarget } from '../support/neo4j-target.js';
import { Graph } from '../../db/graph.js';
import { ingest } from '../../ingest/pipeline.js';
import { parseFile } from '../../ingest/sources/index.js';
import { paperIdFromTitle } from '../../ingest/text/paper-id.js';
import { DocumentFrequencies, extractCandidates } from '../../ingest/topics/index.js';
import { must } from '../../core/must.js';
import { resetDatabase, testGraph } from '../support/graph.js';
import { tcpProxy } from '../support/http.js';
import { SAMPLE_LISTING, SAMPLE_LISTING_DATE } from '../support/sample.js';

const fixture = (rel: string) => path.resolve('test/fixtures', rel);
const graph = testGraph();

async function q(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  return graph.transaction('READ', async (tx) => (await tx.run(cypher, params)).records.map((r) => r.toObject()));
}

async function counts() {
  const [row] = await q(`
    CALL () { MATCH (p:Paper) WHERE NOT p:Stub RETURN count(p) AS papers }
    CALL () { MATCH (s:Stub) RETURN count(s) AS stubs }
    CALL () { MATCH (a:Author) RETURN count(a) AS authors }
    CALL () { MATCH (c:Category) RETURN count(c) AS categories }
    CALL () { MATCH (t:Topic) RETURN count(t) AS topics }
    CALL () { MATCH ()-[r:AUTHORED]->() RETURN count(r) AS authored }
    CALL () { MATCH ()-[r:IN_CATEGORY]->() RETURN count(r) AS inCategory }
    CALL () { MATCH ()-[r:HAS_TOPIC]->() RETURN count(r) AS hasTopic }
    CALL () { MATCH ()-[r:CITES]->() RETURN count(r) AS cites }
    CALL () { MATCH ()-[r:MAYBE_SAME_AS]->() RETURN count(r) AS suggestions }
    RETURN *`);
  const counted = must(row, 'counts row');
  const number = (key: string) => neo4j.integer.toNumber(must(counted[key], `count ${key}`) as number);
  return {
    papers: number('papers'),
    stubs: number('stubs'),
    authors: number('authors'),
    categories: number('categories'),
    topics: number('topics'),
    authored: number('authored'),
    inCategory: number('inCategory'),
    hasTopic: number('hasTopic'),
    cites: number('cites'),
    suggestions: number('suggestions'),
  };
}

/** Runs the CLI against the test database; returns exit code and output. */
function cli(args: string[], input?: string) {
  const t = testTarget();
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, NEO4J_URI: t.uri, NEO4J_USER: t.user, NEO4J_PASSWORD: t.password, NEO4J_DATABASE: t.database ?? '' },
    timeout: 120_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

afterAll(async () => {
  await resetDatabase(graph);
  await graph.close();
});

describe('ingest: the sample listing', () => {
  beforeEach(() => resetDatabase(graph));

  it('gives exactly 11 papers, 26 authors, 33 AUTHORED edges and 4 categories; twice changes nothing', async () => {
    const first = await ingest([{ path: SAMPLE_LISTING }], graph, { listingDate: SAMPLE_LISTING_DATE });
    expect(first.records).toBe(11);
    expect(first.rejected).toBe(0);
    const c1 = await counts();
    expect(c1).toMatchObject({ papers: 11, authors: 26, authored: 33, categories: 4, inCategory: 11 });
    expect(first.written.papers).toEqual({ created: 11, matched: 0 });
    expect(first.written.authors.created).toBe(26);

    const second = await ingest([{ path: SAMPLE_LISTING }], graph, { listingDate: SAMPLE_LISTING_DATE });
    expect(second.written.papers).toEqual({ created: 0, matched: 11 });
    expect(second.written.authors.created).toBe(0);
    expect(await counts()).toEqual(c1);
  });

  it('stores titles, author order and spellings exactly as printed, the inferred year, and the code flags', async () => {
    await ingest([{ path: SAMPLE_LISTING }], graph, { listingDate: SAMPLE_LISTING_DATE });
    const [mr] = await q(`
      MATCH (p:Paper) WHERE p.title STARTS WITH 'MRSegmentator'
      MATCH (a:Author)-[r:AUTHORED]->(p)
      WITH p, r, a ORDER BY r.position
      RETURN p.title AS title, collect(r.asWritten) AS authors, collect(a.name) AS names, p.hasCode AS hasCode,
             p.authorsTruncated AS truncated`);
    expect(mr).toEqual({
      title: 'MRSegmentator: Multi-Modality Segmentation of 40 Classes in MRI and CT',
      authors: ['Hartmut Häntze', 'Lina Xu', 'Christian J. Mertens'],
      names: ['Hartmut Häntze', 'Lina Xu', 'Christian J. Mertens'],
      hasCode: true,
      truncated: true,
    });
    const [atomic] = await q(`MATCH (p:Paper) WHERE p.title STARTS WITH 'Atomic Fact-Checking' RETURN p.published AS published, p.datePrecision AS precision`);
    expect(atomic).toEqual({ published: '2025-05-05', precision: 'inferred-year' });
    const code = must((await q('MATCH (p:Paper {hasCode: true}) RETURN count(p) AS n'))[0], 'the count of papers with code');
    expect(neo4j.integer.toNumber(code.n as number)).toBe(2);
    const cats = await q('MATCH (c:Category) RETURN c.code AS code, c.name AS name ORDER BY code');
    expect(cats.map((c) => c.code)).toEqual(['cs.CL', 'cs.CV', 'cs.LG', 'eess.IV']);
    expect(cats.every((c) => typeof c.name === 'string' && (c.name as string).length > 0)).toBe(true);
  });

  it('links related papers through shared topics: DP pair, three segmentation papers, two LLM papers', async () => {
    await ingest([{ path: SAMPLE_LISTING }], graph, { listingDate: SAMPLE_LISTING_DATE });
    const shared = async (titlePrefixes: string[]) =>
      (
        await q(
          `MATCH (t:Topic)<-[:HAS_TOPIC]-(p:Paper)
           WITH t, collect(p.title) AS titles
           WHERE all(prefix IN $prefixes WHERE any(title IN titles WHERE title STARTS WITH prefix))
           RETURN t.name AS name ORDER BY name`,
          { prefixes: titlePrefixes },
        )
      ).map((r) => r.name);
    expect(await shared(['NeuralDP', 'Differentially private training'])).toContain('differential privacy');
    expect(await shared(['MRSegmentator', 'Tracked 3D Ultrasound', '3D U-Net'])).toContain('segmentation');
    expect(await shared(['Biomedical Large Languages Models', 'Atomic Fact-Checking'])).toContain('large language model');
  });

  it('--dry-run --json writes nothing and prints one JSON object per paper', async () => {
    const res = cli(['--dry-run', '--json', '--listing-date', SAMPLE_LISTING_DATE, SAMPLE_LISTING]);
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatchObject({ title: 'What Does DALL-E 2 Know About Radiology?', authors: ['Lisa C. Adams', 'Felix Busch', 'Daniel Truhn'], authorsTruncated: true, primaryCategory: 'cs.CV', published: '2022-09-27', datePrecision: 'day', hasCode: false });
    expect(Object.keys(lines[0])).toEqual(expect.arrayContaining(['id', 'title', 'authors', 'authorsTruncated', 'categories', 'primaryCategory', 'published', 'datePrecision', 'hasCode', 'abstract', 'topics']));
    expect((await counts()).papers).toBe(0);
  });
});

describe('ingest: ids do not depend on the day of the ingest', () => {
  beforeEach(() => resetDatabase(graph));

  it('the same listing read on two different days gives the same papers; the inferred year is a property', async () => {
    const first = await ingest([{ path: SAMPLE_LISTING }], graph, { listingDate: '2025-06-01' });
    const ids = await q('MATCH (p:Paper) RETURN p.id AS id ORDER BY id');
    // A year later "May 5" is read as 2026: the paper is the same one, with its inferred year updated.
    const second = await ingest([{ path: SAMPLE_LISTING }], graph, { listingDate: '2027-03-01' });
    expect(first.written.papers.created).toBe(11);
    expect(second.written.papers).toEqual({ created: 0, matched: 11 });
    expect(await q('MATCH (p:Paper) RETURN p.id AS id ORDER BY id')).toEqual(ids);
    const atomic = must((await q(`MATCH (p:Paper) WHERE p.title STARTS WITH 'Atomic Fact-Checking' RETURN p.id AS id, p.title AS title, p.year AS year, p.datePrecision AS precision`))[0], 'the Atomic Fact-Checking paper');
    expect(atomic).toMatchObject({ id: paperIdFromTitle(String(atomic.title), null), precision: 'inferred-year' });
    expect(neo4j.integer.toNumber(atomic.year as number)).toBe(2026);
  }, 300_000);

  it('migrates papers whose id hashed an inferred year, merging the copies two years of ingests made', async () => {
    await ingest([{ path: SAMPLE_LISTING }], graph, { listingDate: '2025-06-01' });
    const before = await counts();
    // The graph as the former id scheme left it: the "May 5" paper under its 2025 id, and a second copy of it from an
    // ingest a year later under its 2026 id (with one of its authors).
    const atomic = must((await q(`MATCH (p:Paper) WHERE p.title STARTS WITH 'Atomic Fact-Checking' RETURN p.id AS id, p.title AS title`))[0], 'the Atomic Fact-Checking paper');
    const title = String(atomic.title);
    const old2025 = paperIdFromTitle(title, 2025);
    const old2026 = paperIdFromTitle(title, 2026);
    await graph.transaction('WRITE', async (tx) => {
      await tx.run('MATCH (p:Paper {id: $id}) SET p.id = $old', { id: atomic.id, old: old2025 });
      await tx.run(
        `MATCH (p:Paper {id: $old})
         CREATE (c:Paper {id: $copy, title: p.title, abstract: p.abstract, published: '2026-05-05', year: 2026,
                          datePrecision: p.datePrecision, source: p.source, authorCount: 1, hasCode: p.hasCode})
         WITH p, c MATCH (a:Author)-[r:AUTHORED]->(p) WHERE r.position = 1 CREATE (a)-[:AUTHORED {position: 1, asWritten: r.asWritten}]->(c)`,
        { old: old2025, copy: old2026 },
      );
      await tx.run("MATCH (m:PaperGraphMigration {id: 'ingest/inferred-year-paper-ids'}) DELETE m");
    });
    expect((await counts()).papers).toBe(12);

    const logs: string[] = [];
    await ingest([{ path: SAMPLE_LISTING }], graph, { listingDate: '2026-06-01', log: (l) => logs.push(l) });
    expect(logs.join('\n')).toMatch(/2 papers with an inferred year got ids without it \(1 of them were duplicates, merged\)/);
    const after = await counts();
    expect(after).toMatchObject({ papers: 11, authors: before.authors, authored: before.authored, inCategory: before.inCategory });
    const merged = must((await q('MATCH (p:Paper {id: $id}) RETURN p.title AS title, COUNT { (p)<-[:AUTHORED]-() } AS authors', { id: paperIdFromTitle(title, null) }))[0], 'the merged paper under its id without a year');
    expect(merged.title).toBe(title);
    expect(neo4j.integer.toNumber(merged.authors as number)).toBe(3);
    expect(await q('MATCH (p:Paper) WHERE p.id IN [$a, $b] RETURN p.id', { a: old2025, b: old2026 })).toEqual([]);
  }, 300_000);
});

describe('ingest: topics over the whole graph', () => {
  beforeEach(() => resetDatabase(graph));

  const lines = readFileSync(SAMPLE_LISTING, 'utf8').split('\n');
  /** The sample's blocks are three lines each: header, title and authors, abstract. */
  const block = (title: string) => {
    const i = lines.findIndex((l) => l.startsWith(title));
    return lines.slice(i - 1, i + 2);
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-topics-'));
  const listing = (name: string, blockLines: string[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, `${blockLines.join('\n')}\n`);
    return { path: file };
  };
  const P = 'Differentially private training of neural networks';
  const withoutP = () => {
    const keep = [...lines];
    const i = keep.findIndex((l) => l.startsWith(P));
    keep.splice(i - 1, 3);
    return keep;
  };
  const opts = { listingDate: SAMPLE_LISTING_DATE };
  const topicsByPaper = async () =>
    Object.fromEntries(
      (
        await q(`MATCH (p:Paper) OPTIONAL MATCH (p)-[r:HAS_TOPIC]->(t:Topic)
                 WITH p, t, r ORDER BY t.id
                 RETURN p.title AS title, collect([t.id, r.score]) AS topics`)
      ).map((r) => [r.title, r.topics]),
    );
  const orphans = async () => (await q('MATCH (t:Topic) WHERE NOT (t)<-[:HAS_TOPIC]-() RETURN t.id AS id')).map((r) => r.id);

  it('a paper gets the same topics alone in a later run as in one load of everything; re-ingest changes none and leaves no orphan', async () => {
    await ingest([{ path: SAMPLE_LISTING }], graph, opts);
    const oneShot = await topicsByPaper();
    const pTitle = must(Object.keys(oneShot).find((t) => t.startsWith(P)), 'Object.keys(oneShot).find((t) => t.startsWith(P))');
    expect(must(oneShot[pTitle], 'oneShot[pTitle]').length).toBeGreaterThan(0);

    // The other ten first, then the paper alone in its own run: it is scored against the graph's ten and itself.
    await resetDatabase(graph);
    await ingest([listing('without-p.txt', withoutP())], graph, opts);
    await ingest([listing('p.txt', block(P))], graph, opts);
    expect((await topicsByPaper())[pTitle]).toEqual(oneShot[pTitle]);

    // Everything again, in batches of one: every paper has its one-shot topics; no topic is left without a paper.
    await ingest([{ path: SAMPLE_LISTING }], graph, { ...opts, batchSize: 1 });
    expect(await topicsByPaper()).toEqual(oneShot);
    expect(await orphans()).toEqual([]);

    // The paper alone again, and with two others in another run: nothing changes.
    await ingest([listing('p-again.txt', block(P))], graph, opts);
    await ingest([listing('three.txt', [...block('NeuralDP'), ...block(P), ...block('MRSegmentator')])], graph, { ...opts, batchSize: 2 });
    expect(await topicsByPaper()).toEqual(oneShot);
    expect(await orphans()).toEqual([]);
    expect((await counts()).papers).toBe(11);
  }, 300_000);

  it('stores the document frequencies a one-shot count over all papers gives, also after re-ingests', async () => {
    await ingest([listing('without-p.txt', withoutP())], graph, opts);
    await ingest([listing('p.txt', block(P))], graph, { ...opts, batchSize: 1 });
    await ingest([{ path: SAMPLE_LISTING }], graph, { ...opts, batchSize: 4 });
    const df = new DocumentFrequencies();
    for await (const ev of parseFile(SAMPLE_LISTING, { listingDate: SAMPLE_LISTING_DATE })) {
      if (ev.kind === 'record') df.add(extractCandidates(ev.record.title, ev.record.abstract));
    }
    const expected = df.toJSON();
    const stored = await q('MATCH (t:TopicTerm) RETURN t.key AS key, t.papers AS papers ORDER BY key');
    expect(stored.map((r) => [r.key, neo4j.integer.toNumber(r.papers as number)])).toEqual(expected.entries.map(([k, n]) => [k, n]));
    const corpus = must((await q("MATCH (c:TopicCorpus {id: 'papers'}) RETURN c.papers AS n"))[0], 'the TopicCorpus node');
    expect(neo4j.integer.toNumber(corpus.n as number)).toBe(11);
    const acronyms = await q('MATCH (a:TopicAcronym) RETURN a.acronym AS a, a.expansion AS e, a.papers AS n ORDER BY a, e');
    expect(acronyms.map((r) => [r.a, r.e, neo4j.integer.toNumber(r.n as number)])).toEqual(
      expected.acronyms.flatMap(([a, votes]) => votes.map(([e, n]) => [a, e, n])),
    );
  }, 300_000);

  it('counts the papers an older version wrote (no stored frequencies) before scoring against them', async () => {
    await ingest([listing('without-p.txt', withoutP())], graph, opts);
    // As the former version left the graph: papers without contributions, no stored frequencies, no migration record.
    await graph.transaction('WRITE', async (tx) => {
      await tx.run('MATCH (p:Paper) REMOVE p.topicTerms, p.topicAcronyms');
      await tx.run('MATCH (n) WHERE n:TopicTerm OR n:TopicAcronym OR n:TopicCorpus DELETE n');
      await tx.run("MATCH (m:PaperGraphMigration {id: 'ingest/topic-frequencies-backfill'}) DELETE m");
    });
    await ingest([listing('p.txt', block(P))], graph, opts);
    const corpus = must((await q("MATCH (c:TopicCorpus {id: 'papers'}) RETURN c.papers AS n"))[0], 'the TopicCorpus node');
    expect(neo4j.integer.toNumber(corpus.n as number)).toBe(11);
    await ingest([{ path: SAMPLE_LISTING }], graph, opts);
    const all = await topicsByPaper();
    await resetDatabase(graph);
    await ingest([{ path: SAMPLE_LISTING }], graph, opts);
    expect(all).toEqual(await topicsByPaper());
  }, 300_000);
});

describe('ingest: the other sources', () => {
  beforeEach(() => resetDatabase(graph));

  it('arXiv JSON lines: 200 papers, TeX accents decoded', async () => {
    const s = await ingest([{ path: fixture('arxiv-jsonl/arxiv-sample-200.jsonl') }], graph);
    expect(s.rejected).toBe(0);
    expect((await counts()).papers).toBe(200);
    const row = must((await q("MATCH (a:Author)-[r:AUTHORED]->(:Paper {id: '0704.0001'}) WHERE a.name CONTAINS 'Bal' RETURN a.name AS name, r.asWritten AS asWritten"))[0], 'the author Balázs of paper 0704.0001');
    expect(row.name).toBe('C. Balázs');
    expect(row.asWritten).toContain("Bal\\'azs");
    const primary = must((await q("MATCH (:Paper {id: '0704.0001'})-[r:IN_CATEGORY {primary: true}]->(c) RETURN c.code AS code"))[0], 'the primary category of paper 0704.0001');
    expect(primary.code).toBe('hep-ph');
  });

  it('arXiv Atom: 10 papers and no MSC pseudo-category', async () => {
    await ingest([{ path: fixture('arxiv-atom/query-einstein-2018.xml') }], graph);
    expect((await counts()).papers).toBe(10);
    expect(await q("MATCH (c:Category) WHERE c.code CONTAINS '53D' RETURN c")).toEqual([]);
  });

  it('OpenAlex: 25 papers with CITES edges and stubs for cited works; ORCID/OpenAlex ids decide identity', async () => {
    await ingest([{ path: fixture('openalex/works-page-25.json') }], graph);
    const c = await counts();
    expect(c.papers).toBe(25);
    expect(c.cites).toBeGreaterThan(1000);
    expect(c.stubs).toBeGreaterThan(0);
    const ids = must((await q("MATCH (a:Author) RETURN count(a) AS all, count(CASE WHEN a.id STARTS WITH 'openalex:A' THEN 1 END) AS byId"))[0], 'the author id counts');
    expect(ids.all).toEqual(ids.byId);
    const topic = must((await q("MATCH (:Paper)-[r:HAS_TOPIC {source: 'openalex'}]->(t:Topic) RETURN count(r) AS n"))[0], 'the count of OpenAlex topic edges');
    expect(neo4j.integer.toNumber(topic.n as number)).toBeGreaterThan(25);
  });

  it('BibTeX: 47 papers', async () => {
    await ingest([{ path: fixture('bibtex/zbmath-47.bib') }], graph);
    expect((await counts()).papers).toBe(47);
  });

  it('suggests (never merges) authors whose names differ by initials or diacritic spelling', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-suggest-'));
    const file = path.join(dir, 'variants.jsonl');
    const rec = (id: string, authors: string[][], title: string) =>
      JSON.stringify({ id, title, abstract: 'A study of segmentation.', categories: 'cs.CV', authors: '', authors_parsed: authors, versions: [{ created: 'Mon, 4 Jan 2021 00:00:00 GMT' }] });
    writeFileSync(
      file,
      [
        rec('2101.00001', [['Bressem', 'Keno K.', ''], ['Adams', 'Lisa C.', '']], 'Paper one about segmentation'),
        rec('2101.00002', [['Bressem', 'K.', ''], ['Adams', 'Lisa C.', '']], 'Paper two about segmentation'),
        rec('2101.00003', [['Häntze', 'Hartmut', '']], 'Paper three'),
        rec('2101.00004', [['Haentze', 'Hartmut', '']], 'Paper four'),
      ].join('\n'),
    );
    await ingest([{ path: file }], graph);
    const authors = await q('MATCH (a:Author) RETURN a.name AS name ORDER BY name');
    expect(authors.map((a) => a.name)).toEqual(['Hartmut Haentze', 'Hartmut Häntze', 'K. Bressem', 'Keno K. Bressem', 'Lisa C. Adams']);
    const s = await q('MATCH (a:Author)-[s:MAYBE_SAME_AS]->(b:Author) RETURN a.name AS a, b.name AS b, s.reason AS reason, s.sharedCoauthors AS co ORDER BY a');
    // The identity model suggests where there is evidence to weigh (a shared co-author); two single papers without any
    // shared evidence (the Häntze spellings) stay two persons, neither merged nor suggested.
    expect(s).toHaveLength(1);
    const bressem = must(s.find((x) => String(x.a).includes('Bressem')), 's.find((x) => String(x.a).includes("Bressem"))');
    expect(bressem.co).toEqual(['Lisa C. Adams']);
    expect(String(bressem.reason).length).toBeGreaterThan(0);
  });
});

describe('ingest: bad input and failures', () => {
  beforeEach(() => resetDatabase(graph));

  it('lenient mode skips bad records with file:line, writes the rest, exits 1; strict exits 2 and writes nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-bad-'));
    const file = path.join(dir, 'mixed.jsonl');
    const good = (id: string) => JSON.stringify({ id, title: `Paper ${id}`, abstract: 'About graphs.', authors: 'Ann Lee', categories: 'cs.DL', versions: [{ created: 'Mon, 4 Jan 2021 00:00:00 GMT' }] });
    writeFileSync(file, [good('2101.00001'), '{"id": "2101.00002", "title": "Trunc', good('2101.00003')].join('\n'));
    const report = path.join(dir, 'rejects.jsonl');

    const strict = cli(['--strict', file]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain(`${file}:2:`);
    expect((await counts()).papers).toBe(0);

    const lenient = cli(['--report', report, file]);
    expect(lenient.code).toBe(1);
    expect(lenient.stderr).toContain(`${file}:2:`);
    expect((await counts()).papers).toBe(2);
    const rejects = (await import('node:fs')).readFileSync(report, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rejects).toEqual([expect.objectContaining({ file, line: 2 })]);
  });

  it('a missing file is a clear error naming it (exit 3)', () => {
    const res = cli(['/no/such/file.jsonl']);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('/no/such/file.jsonl');
  });

  it('Neo4j going away mid-run leaves whole papers only, and a re-run completes the job', async () => {
    const t = testTarget();
    const target = new URL(t.uri.replace(/^[a-z+]+:/, 'http:'));
    const proxy = await tcpProxy(target.hostname, Number(target.port));
    const uri = `bolt://127.0.0.1:${proxy.port}`;
    const driver = neo4j.driver(uri, neo4j.auth.basic(t.user, t.password), { maxTransactionRetryTime: 1_000, connectionTimeout: 1_000 });
    const viaProxy = new Graph(driver, { uri, database: t.database, kind: 'remote' });
    const input = [{ path: fixture('arxiv-jsonl/arxiv-sample-200.jsonl') }];
    try {
      await expect(
        ingest(input, viaProxy, {
          batchSize: 50,
          onProgress: (p) => {
            if (p.phase === 'write' && p.written >= 50) void proxy.down();
          },
        }),
      ).rejects.toThrow(/unreachable|connection|closed/i);
    } finally {
      await driver.close();
      await proxy.down();
    }
    const partial = await counts();
    expect(partial.papers).toBeGreaterThanOrEqual(50);
    expect(partial.papers).toBeLessThan(200);
    expect(partial.papers % 50).toBe(0);
    // Whole papers only: every written paper has all its authorship edges.
    const broken = must((await q('MATCH (p:Paper) WHERE NOT p:Stub AND COUNT { (p)<-[:AUTHORED]-() } <> p.authorCount RETURN count(p) AS n'))[0], 'the count of papers missing authorship edges');
    expect(neo4j.integer.toNumber(broken.n as number)).toBe(0);

    await ingest(input, graph);
    expect((await counts()).papers).toBe(200);
  });
});
