// The identity model wired into the transactional write path, on the real database: namesakes split by evidence, a
// variant joined or suggested, source ids over names, re-ingest changing nothing, a retired id answering with a
// redirect, and an author page listing the other people of the same name.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher as cypherText } from '../../cypher/index.js';
import type { WritablePaper } from '../../ingest/batch.js';
import { ingest } from '../../ingest/pipeline.js';
import type { AuthorRecord, PaperRecord } from '../../ingest/record.js';
import { describeCategory } from '../../ingest/text/categories.js';
import { GraphWriter } from '../../ingest/writer.js';
import { AuthorRedirectBody, AuthorResponse } from '../../schema/authors.js';
import { useSampleApi } from '../support/api.js';
import { paperRecord } from '../support/records.js';
import { dumpGraph } from './bulk-helpers.js';
import { must } from '../../core/must.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'papergraph-identity-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type A = string | (Partial<AuthorRecord> & { name: string });
function paper(id: string, authors: A[], categories: string[], year: number): WritablePaper {
  const record: PaperRecord = paperRecord(id, [], {
    categories,
    year,
    published: `${year}-03-01`,
    authors: authors.map((a) => (typeof a === 'string' ? { name: a, asWritten: a } : { asWritten: a.name, ...a })),
  });
  return { record, topics: [] };
}

describe('author identity on the transactional path', () => {
  const { graph, get, url, query } = useSampleApi({ resetAfter: true });
  const writer = () => new GraphWriter(graph, describeCategory);
  const personsNamed = async (name: string) =>
    (await query('MATCH (a:Author {name: $name}) RETURN a.id AS id ORDER BY id', { name })).map((r) => String(r.id));
  const authorOf = async (paperId: string, position: number) => {
    const rows = await query('MATCH (a:Author)-[r:AUTHORED {position: $pos}]->(:Paper {id: $id}) RETURN a.id AS id', {
      id: paperId,
      pos: neo4j.int(position),
    });
    expect(rows).toHaveLength(1);
    return String(must(rows[0], `the author at ${paperId}:${position}`).id);
  };

  // Two people named Wei Wang: one in machine learning with one team, one in astrophysics with another.
  const ml = ['Anna Schmidtke', 'Piotr Nowacki', 'Lena Okafor'] as const;
  const astro = ['Carlos Mendizabal', 'Kofi Mensah-Bonsu', 'Ines Falkenrath'] as const;
  beforeAll(async () => {
    await writer().writeBatch([
      paper('ww-ml-1', ['Wei Wang', ...ml], ['cs.LG'], 2019),
      paper('ww-ml-2', [ml[0], 'Wei Wang', ml[1]], ['cs.LG', 'stat.ML'], 2020),
      paper('ww-astro-1', ['Wei Wang', ...astro], ['astro-ph.GA'], 2019),
      paper('ww-astro-2', [astro[0], astro[2], 'Wei Wang'], ['astro-ph.GA', 'astro-ph.CO'], 2021),
    ]);
    // A later batch: each namesake's next paper with their own team.
    await writer().writeBatch([
      paper('ww-ml-3', ['Wei Wang', ml[2], ml[0]], ['cs.LG'], 2022),
      paper('ww-astro-3', ['Wei Wang', astro[1], astro[0]], ['astro-ph.GA'], 2022),
    ]);
  }, 300_000);

  it('the sample listing still gives 26 authors', async () => {
    // The Wei Wang papers written above are records of the same source; only the sample's own papers are counted.
    const [row] = await query(
      `MATCH (a:Author) WHERE EXISTS { (a)-[:AUTHORED]->(p:Paper) WHERE p.source = 'listing' AND NOT p.id STARTS WITH 'ww-' } RETURN count(a) AS n`,
    );
    expect(Number(must(row, 'the count of authors of the sample papers').n)).toBe(26);
  });

  it('two same-name authors with disjoint co-authors and fields become two persons, each with their own papers', async () => {
    const ids = await personsNamed('Wei Wang');
    expect(ids).toHaveLength(2);
    const mlPerson = await authorOf('ww-ml-1', 1);
    const astroPerson = await authorOf('ww-astro-1', 1);
    expect(mlPerson).not.toBe(astroPerson);
    expect(await authorOf('ww-ml-2', 2)).toBe(mlPerson);
    expect(await authorOf('ww-ml-3', 1)).toBe(mlPerson);
    expect(await authorOf('ww-astro-2', 3)).toBe(astroPerson);
    expect(await authorOf('ww-astro-3', 1)).toBe(astroPerson);
    // The co-author map of each shows that person's network only.
    const res = await get(`/api/authors/${encodeURIComponent(mlPerson)}`);
    expect(res.status).toBe(200);
    const body = AuthorResponse.parse(res.body);
    expect(body.coauthors.map((c) => c.name).sort()).toEqual([...ml].sort());
  });

  it('the author page lists the other people of the same name, with links', async () => {
    const mlPerson = await authorOf('ww-ml-1', 1);
    const astroPerson = await authorOf('ww-astro-1', 1);
    const body = AuthorResponse.parse((await get(`/api/authors/${encodeURIComponent(mlPerson)}`)).body);
    expect(body.homonyms).toEqual({ total: 1, people: [{ id: astroPerson, name: 'Wei Wang', papers: 3 }] });
    const knolle = AuthorResponse.parse((await get(`/api/authors/${encodeURIComponent('name:moritz knolle')}`)).body);
    expect(knolle.homonyms).toEqual({ total: 0, people: [] });
  });

  it('a variant (W. Wang with shared co-authors) joins the right person or is suggested for it, never the namesake', async () => {
    await writer().writeBatch([paper('ww-ml-4', ['W. Wang', ml[0], ml[1]], ['cs.LG'], 2023)]);
    const mlPerson = await authorOf('ww-ml-1', 1);
    const astroPerson = await authorOf('ww-astro-1', 1);
    const variant = await authorOf('ww-ml-4', 1);
    expect(variant).not.toBe(astroPerson);
    if (variant !== mlPerson) {
      const s = await query(
        'MATCH (a:Author {id: $x})-[s:MAYBE_SAME_AS]-(b:Author {id: $y}) RETURN s.reason AS reason, s.sharedCoauthors AS co, s.status AS status',
        { x: variant, y: mlPerson },
      );
      expect(s).toHaveLength(1);
      expect(must(s[0], 'the suggestion').status).toBe('open');
    }
    const spelling = await query('MATCH (:Author)-[r:AUTHORED]->(:Paper {id: $id}) WHERE r.position = 1 RETURN r.asWritten AS w', { id: 'ww-ml-4' });
    expect(spelling).toEqual([{ w: 'W. Wang' }]);
  });

  it('source ids override names: two ORCIDs are two people, one ORCID is one person under any spelling', async () => {
    const team = ['Hana Dvorakova', 'Marek Sedlacek'];
    await writer().writeBatch([
      paper('jn-1', [{ name: 'Jan Novakovic', orcid: '0000-0001-0000-0001' }, ...team], ['cs.CV'], 2020),
      paper('jn-2', [{ name: 'Jan Novakovic', orcid: '0000-0001-0000-0002' }, ...team], ['cs.CV'], 2020),
    ]);
    await writer().writeBatch([paper('jn-3', [{ name: 'J. Novakovic', orcid: '0000-0001-0000-0001' }, 'Someone Else'], ['math.AP'], 2010)]);
    expect(await authorOf('jn-1', 1)).toBe('orcid:0000-0001-0000-0001');
    expect(await authorOf('jn-2', 1)).toBe('orcid:0000-0001-0000-0002');
    expect(await authorOf('jn-3', 1)).toBe('orcid:0000-0001-0000-0001');
  });

  it('re-ingesting the same file changes nothing: same nodes, properties and edges, no duplicate ids', async () => {
    const file = path.join(tmp, 'again.jsonl');
    const rec = (id: string, authors: string[][], cats: string, title: string) =>
      JSON.stringify({ id, title, abstract: 'We study identity.', categories: cats, authors: '', authors_parsed: authors, versions: [{ created: 'Mon, 4 Jan 2021 00:00:00 GMT' }] });
    writeFileSync(
      file,
      [
        rec('2101.10001', [['Wang', 'Wei', ''], ['Schmidtke', 'Anna', '']], 'cs.LG', 'Learning one'),
        rec('2101.10002', [['Wang', 'W.', ''], ['Mendizabal', 'Carlos', '']], 'astro-ph.GA', 'Galaxies two'),
        rec('2101.10003', [['Roe', 'Jane', ''], ['Roe', 'J.', '']], 'math.CO', 'Two Roes'),
      ].join('\n'),
    );
    await ingest([{ path: file }], graph);
    const first = await dumpGraph(graph);
    await ingest([{ path: file }], graph);
    const second = await dumpGraph(graph);
    expect(second.nodes).toEqual(first.nodes);
    expect(second.relationships).toEqual(first.relationships);
    const dupes = await query('MATCH (a:Author) WITH a.id AS id, count(*) AS c WHERE c > 1 RETURN id');
    expect(dupes).toEqual([]);
  });

  it('a retired id answers 308 naming the live id, the redirect is followed, and older redirects never chain', async () => {
    await writer().writeBatch([
      paper('rt-1', ['Olaf Trondheimer', 'Mia Fjellstad'], ['q-bio.NC'], 2018),
      paper('rt-2', ['Kari Trondheimsen', 'Per Lysaker'], ['q-fin.ST'], 2018),
      paper('rt-3', ['Eirik Trondvik', 'Siv Hamar'], ['physics.optics'], 2018),
    ]);
    const olaf = await authorOf('rt-1', 1);
    const kari = await authorOf('rt-2', 1);
    const eirik = await authorOf('rt-3', 1);
    // The write path's own retire query (what the model's result.retired becomes), as a reviewer's merge would run it.
    const retire = (id: string, redirectTo: string) =>
      graph.transaction('WRITE', (tx) => tx.run(cypherText('identity/retire'), { retired: [{ id, redirectTo, reason: 'merged in test' }] }));
    await retire(kari, olaf);
    expect(await authorOf('rt-2', 1)).toBe(olaf);

    const res = await fetch(`${url()}/api/authors/${encodeURIComponent(kari)}?paperLimit=5`, { redirect: 'manual' });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe(`/api/authors/${encodeURIComponent(olaf)}?paperLimit=5`);
    expect(AuthorRedirectBody.parse(await res.json())).toEqual({ redirect: { from: kari, id: olaf, reason: 'merged in test' } });
    const followed = await fetch(`${url()}/api/authors/${encodeURIComponent(kari)}`);
    expect(followed.status).toBe(200);
    const body = AuthorResponse.parse(await followed.json());
    expect(body.author.id).toBe(olaf);
    expect(body.papers.map((p) => p.id).sort()).toEqual(['rt-1', 'rt-2']);

    // Retiring the live id again moves the older redirect along: one hop, never a chain.
    await retire(olaf, eirik);
    const again = await fetch(`${url()}/api/authors/${encodeURIComponent(kari)}`, { redirect: 'manual' });
    expect(again.status).toBe(308);
    expect(AuthorRedirectBody.parse(await again.json()).redirect.id).toBe(eirik);
    // An id that never existed is still a 404.
    expect((await get(`/api/authors/${encodeURIComponent('name:nobody at all')}`)).status).toBe(404);
  });
});
