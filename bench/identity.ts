// npm run bench:identity — B³ precision/recall/F1 of the author-identity model against the name-string baseline, on a
// generated corpus with known people and on the OpenAlex sample (author ids hidden, then used as the truth); also
// suggestion counts and the model's cost per mention.
//
// Options: --people N --papers N (generator size, default 20000 / 40000), --seed N, --batch N (papers per incremental
// batch, default 2000, as the ingest writer's batches).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { nameKey } from '../ingest/authors/identity.js';
import { blockOfMention, mentionsOfRecord, resolveIdentities, type IdentityResult, type Mention, type PersonSummary } from '../ingest/identity/index.js';
import { parseFile } from '../ingest/sources/index.js';
import { bcubed, type Scores } from './identity-eval.js';
import { generateCorpus } from './identity-gen.js';
import { must } from '../core/must.js';

/** The persons a writer would read for a batch: those of the batch's blocks and those carrying its source ids. */
class PersonStore {
  readonly persons = new Map<string, PersonSummary>();
  private readonly byBlock = new Map<string, Set<string>>();
  private readonly bySourceId = new Map<string, string>();
  readonly retired = new Map<string, string>();

  forMentions(ms: Mention[]): PersonSummary[] {
    const ids = new Set<string>();
    for (const m of ms) {
      for (const id of this.byBlock.get(blockOfMention(m)) ?? []) ids.add(id);
      for (const k of [m.orcid && `orcid:${m.orcid}`, m.openalexId && `openalex:${m.openalexId}`]) {
        const id = k ? this.bySourceId.get(k) : undefined;
        if (id) ids.add(id);
      }
    }
    return [...ids].map((id) => must(this.persons.get(id), 'this.persons.get(id)'));
  }

  apply(r: IdentityResult): void {
    for (const x of r.retired) {
      this.drop(x.id);
      this.retired.set(x.id, x.redirectTo);
    }
    for (const s of r.persons) {
      this.drop(s.id);
      this.persons.set(s.id, s);
      for (const b of s.blocks) {
        let set = this.byBlock.get(b);
        if (!set) this.byBlock.set(b, (set = new Set()));
        set.add(s.id);
      }
      for (const o of s.orcids) this.bySourceId.set(`orcid:${o}`, s.id);
      for (const o of s.openalexIds) this.bySourceId.set(`openalex:${o}`, s.id);
    }
  }

  private drop(id: string): void {
    const old = this.persons.get(id);
    if (!old) return;
    for (const b of old.blocks) this.byBlock.get(b)?.delete(id);
    this.persons.delete(id);
  }

  resolve(id: string): string {
    while (this.retired.has(id)) id = must(this.retired.get(id), 'this.retired.get(id)');
    return id;
  }
}

/** CPU milliseconds (user + system) of this single-threaded process since `since`: less load-dependent than wall time. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

interface Run {
  predicted: string[];
  suggestions: { variant: number; split: number };
  persons: number;
  ms: number;
}

/**
 * Feeds the mentions in paper batches, as the transactional writer would, carrying person summaries between batches.
 * Suggestions are counted as the writer keeps them at the end (a pair suggested in several batches once).
 */
function runIncremental(mentions: Mention[], batchPapers: number): Run {
  const store = new PersonStore();
  const assigned = new Map<string, string>();
  const suggestions = { variant: 0, split: 0 };
  const stored = new Map<string, string[]>();
  let ms = 0;
  let start = 0;
  while (start < mentions.length) {
    const papers = new Set<string>();
    let end = start;
    while (end < mentions.length && (papers.size < batchPapers || papers.has(must(mentions[end], 'mentions[end]').paperId))) papers.add(must(mentions[end++], 'mentions[end++]').paperId);
    const batch = mentions.slice(start, end);
    const t0 = process.cpuUsage();
    const persons = store.forMentions(batch);
    const r = resolveIdentities({ mentions: batch, persons, retiredIds: [...store.retired.keys()], mode: 'incremental' });
    ms += cpuMs(t0);
    store.apply(r);
    for (const a of r.assignments) assigned.set(`${a.paperId}#${a.position}`, a.personId);
    // As the writer stores them: one variant per pair of ids, one split per (person, part); a retired person's go.
    for (const s of r.suggestions) {
      if (s.kind === 'variant') stored.set(`v ${s.a}|${s.b}`, [s.a, s.b]);
      else stored.set(`s ${s.person}|${s.part.map((p) => `${p.paperId}#${p.position}`).join(',')}`, [s.person]);
    }
    const retired = new Set(r.retired.map((x) => x.id));
    if (retired.size > 0) for (const [k, ids] of stored) if (ids.some((id) => retired.has(id))) stored.delete(k);
    start = end;
  }
  for (const k of stored.keys()) suggestions[k.startsWith('v ') ? 'variant' : 'split']++;
  const predicted = mentions.map((m) => store.resolve(must(assigned.get(`${m.paperId}#${m.position}`), 'assignment of a mention')));
  return { predicted, suggestions, persons: store.persons.size, ms };
}

function runBulk(mentions: Mention[]): Run {
  const t0 = process.cpuUsage();
  const r = resolveIdentities({ mentions, persons: [], mode: 'bulk' });
  const ms = cpuMs(t0);
  const by = new Map(r.assignments.map((a) => [`${a.paperId}#${a.position}`, a.personId]));
  const suggestions = { variant: 0, split: 0 };
  for (const s of r.suggestions) suggestions[s.kind]++;
  return { predicted: mentions.map((m) => must(by.get(`${m.paperId}#${m.position}`), 'assignment of a mention')), suggestions, persons: r.persons.length, ms };
}

function baseline(mentions: Mention[]): { predicted: string[]; ms: number } {
  const t0 = process.cpuUsage();
  const predicted = mentions.map((m) => `name:${nameKey(m.nameOrder === 'family-given' ? m.name.split(' ').reverse().join(' ') : m.name)}`);
  return { predicted, ms: cpuMs(t0) };
}

const f3 = (x: number) => x.toFixed(3);

function report(label: string, mentions: Mention[], truth: (string | number)[], batch: number): void {
  const base = baseline(mentions);
  const b = bcubed(truth, base.predicted);
  const inc = runIncremental(mentions, batch);
  const i = bcubed(truth, inc.predicted);
  const bulk = runBulk(mentions);
  const k = bcubed(truth, bulk.predicted);
  const people = new Set(truth).size;
  console.log(`\n${label}: ${mentions.length} mentions, ${new Set(mentions.map((m) => m.paperId)).size} papers, ${people} true people`);
  console.log('| method | B³ precision | B³ recall | B³ F1 | persons | suggestions (variant / split) | share of persons | CPU µs per mention |');
  console.log('|---|---|---|---|---|---|---|---|');
  const row = (name: string, s: Scores, sug: Run['suggestions'] | null, ms: number) =>
    console.log(
      `| ${name} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${s.clusters} | ${sug ? `${sug.variant} / ${sug.split}` : '–'} | ${sug ? `${(((sug.variant + sug.split) / s.clusters) * 100).toFixed(2)} %` : '–'} | ${((ms * 1000) / mentions.length).toFixed(1)} |`,
    );
  row('name string (folded full name)', b, null, base.ms);
  row(`model, incremental (batches of ${batch} papers)`, i, inc.suggestions, inc.ms);
  row('model, bulk (whole blocks)', k, bulk.suggestions, bulk.ms);
  for (const [name, s] of [
    ['incremental', i],
    ['bulk', k],
  ] as const) {
    if (s.precision < b.precision - 1e-9 || s.recall < b.recall - 1e-9) console.log(`  below the baseline: ${name} (precision or recall)`);
  }
}

async function recordsOf(path: string) {
  const out = [];
  for await (const e of parseFile(path, { listingDate: '2025-06-01' })) if (e.kind === 'record') out.push(e.record);
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      people: { type: 'string', default: '20000' },
      papers: { type: 'string', default: '40000' },
      seed: { type: 'string', default: '7' },
      batch: { type: 'string', default: '2000' },
    },
  });
  const num = (name: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name}: expected a positive integer, got ${JSON.stringify(v)}`);
    return n;
  };
  const batch = num('batch', values.batch);
  const gen = generateCorpus({ people: num('people', values.people), papers: num('papers', values.papers), seed: num('seed', values.seed) });
  const genMentions: Mention[] = gen.mentions.map(({ truth: _t, display: _d, ...m }) => m);
  const perName = new Map<string, number>();
  for (const n of gen.names) perName.set(n, (perName.get(n) ?? 0) + 1);
  const namesShared = gen.names.filter((n) => (perName.get(n) ?? 0) > 1).length;
  const [topName, topCount] = [...perName].sort((x, y) => y[1] - x[1])[0] ?? ['', 0];
  console.log(`generator names: ${perName.size} distinct full names for ${gen.names.length} people; ${((namesShared / gen.names.length) * 100).toFixed(1)} % share theirs with someone; most common "${topName}" (${topCount} people)`);
  report(`generator (${gen.people} people, seed ${values.seed})`, genMentions, gen.mentions.map((m) => m.truth), batch);

  // OpenAlex: its author ids are the truth; the model sees neither them nor the ORCIDs OpenAlex attaches to them.
  const sample = new URL('../test/fixtures/openalex/works-page-25.json', import.meta.url).pathname;
  // The project's shared sample data, when a checkout has it beside it (../shared).
  const shared = new URL('../../shared/data/openalex/works-page-25.json', import.meta.url).pathname;
  const paths = [sample];
  try {
    if (readFileSync(shared).compare(readFileSync(sample)) !== 0) paths.push(shared);
    else console.log(`\n(${shared} is byte-identical to the test fixture: scored once)`);
  } catch {
    // no shared sample data beside this checkout: the fixture alone is scored
  }
  for (const path of paths) {
    const records = await recordsOf(path);
    const full = records.flatMap((r) => mentionsOfRecord(r));
    const truth = full.map((m, i) => m.openalexId ?? `missing-${i}`);
    const hidden = full.map(({ openalexId: _o, orcid: _r, ...m }) => m);
    report(`OpenAlex ${path.split('/').slice(-2).join('/')}`, hidden, truth, batch);
  }

  const listing = await recordsOf(new URL('../data/samples/group-listing.txt', import.meta.url).pathname);
  const lm = listing.flatMap((r) => mentionsOfRecord(r));
  const r = resolveIdentities({ mentions: lm, persons: [], mode: 'incremental' });
  console.log(`\nsample listing: ${lm.length} mentions → ${new Set(r.assignments.map((a) => a.personId)).size} persons, ${r.suggestions.length} suggestions`);
}

await main();
