// `ingest --bulk` with NEO4J_URI set: it cannot import into a database it does not run, so it writes the import CSVs
// and a script with the exact `neo4j-admin database import full` command for the docker compose setup, then stops.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRow, csvValue } from '../../ingest/bulk/csv.js';
import { fixture, runCli } from './bulk-helpers.js';
import { must } from '../../core/must.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bulk-remote-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ingest --bulk with a remote NEO4J_URI', () => {
  it('writes header + data CSVs and import.sh with the importer command and the compose steps, and connects to nothing', async () => {
    const bib = fixture('bibtex/zbmath-47.bib');
    const env = { ...process.env, DATA_DIR: tmp, NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'not-used-here' };
    const res = await runCli(['--bulk', bib], env);
    expect(res.code, res.stderr).toBe(0);
    const [dir] = readdirSync(tmp).filter((d) => d.startsWith('bulk-export-'));
    const out = path.join(tmp, must(dir, 'the bulk-export folder'));
    expect(res.stderr).toContain(path.join(out, 'import.sh'));
    const files = readdirSync(out).sort();
    const groups = ['papers', 'authors', 'categories', 'topics', 'topic_terms', 'topic_acronyms', 'topic_corpus'];
    for (const g of [...groups, 'authored', 'in_category', 'has_topic', 'cites', 'stubs']) {
      expect(files).toContain(`${g}.header.csv`);
      expect(files).toContain(`${g}.csv`);
    }
    expect(readFileSync(path.join(out, 'papers.header.csv'), 'utf8')).toMatch(/^id:ID\(Paper\),title:string,.*year:long,.*hasCode:boolean/);
    expect(readFileSync(path.join(out, 'papers.header.csv'), 'utf8')).toMatch(/,topicTerms:string\[\],topicAcronyms:string\[\]\n$/);
    expect(readFileSync(path.join(out, 'topic_corpus.csv'), 'utf8').trim()).toBe('"papers",47');
    expect(readFileSync(path.join(out, 'authored.header.csv'), 'utf8').trim()).toBe(':START_ID(Author),:END_ID(Paper),position:long,asWritten:string');
    expect(readFileSync(path.join(out, 'papers.csv'), 'utf8').trim().split('\n')).toHaveLength(47);
    const script = readFileSync(path.join(out, 'import.sh'), 'utf8');
    expect(script).toContain('docker compose stop app neo4j');
    expect(script).toContain('neo4j-admin database import full --overwrite-destination=true neo4j --id-type=string');
    expect(script).toContain('--nodes=Paper=/papergraph-bulk/papers.header.csv,/papergraph-bulk/papers.csv');
    expect(script).toContain('--relationships=AUTHORED=/papergraph-bulk/authored.header.csv,/papergraph-bulk/authored.csv');
    expect(script).toContain(`-v "$DIR:/papergraph-bulk"`);
    expect(script).toContain('docker compose up -d neo4j');
    expect(script).toContain(`npm run ingest -- --bulk-finish "$DIR"`);
    // Identity is resolved while staging: persons, redirects and suggestions are CSVs like the rest.
    expect(readFileSync(path.join(out, 'authors.header.csv'), 'utf8').trim()).toBe(
      'id:ID(Author),name:string,key:string,looseKey:string,orcid:string,openalexId:string,block:string,blocks:string[],mentions:long,summary:string',
    );
    expect(script).toContain('--nodes=AuthorRedirect=/papergraph-bulk/author_redirects.header.csv,/papergraph-bulk/author_redirects.csv');
    expect(existsSync(path.join(tmp, 'neo4j'))).toBe(false);
  }, 300_000);

  it('quotes strings, leaves absent values empty, keeps "" as an empty string and writes arrays with ;', () => {
    expect(csvValue('say "hi"', 'string')).toBe('"say ""hi"""');
    expect(csvValue('', 'string')).toBe('""');
    expect(csvValue(null, 'string')).toBe('');
    expect(csvValue(0.1 + 0.2, 'double')).toBe('0.30000000000000004');
    expect(csvValue(['a', 'b c'], 'string[]')).toBe('"a;b c"');
    expect(csvValue([], 'string[]')).toBe('');
    expect(() => csvValue(1.5, 'long')).toThrow(/not an integer/);
    expect(csvRow([{ name: 'id', type: 'ID' }, { name: 'n', type: 'long' }, { name: 'b', type: 'boolean' }], ['x', 3, false])).toBe('"x",3,false');
  });
});
