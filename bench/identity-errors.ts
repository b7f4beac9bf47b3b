// npx tsx bench/identity-errors.ts — error analysis of the author-identity model on the generator (bench:identity's
// corpus): which true people are split over several persons and why (the verdict between their persons' evidence),
// and which persons hold several true people. Recall loss is attributed by B³ weight (pairs of one person's mentions
// placed apart).
//
// Options: --people N --papers N --seed N (as bench:identity), --mode bulk|incremental, --batch N, --examples N.
import { parseArgs } from 'node:util';
import { must } from '../core/must.js';
import { blockOfMention, resolveIdentities, type Mention, type PersonSummary } from '../ingest/identity/index.js';
import { mentionProfile, mergeInto, type Profile } from '../ingest/identity/profile.js';
import { blockStats, compare, joins, ruleSupport, WEIGHTS, type BlockStats } from '../ingest/identity/score.js';
import { bcubed } from './identity-eval.js';
import { generateCorpus, type GenMention } from './identity-gen.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '3000' },
    papers: { type: 'string', default: '6000' },
    seed: { type: 'string', default: '7' },
    mode: { type: 'string', default: 'bulk' },
    batch: { type: 'string', default: '2000' },
    examples: { type: 'string', default: '3' },
    /** Score-only run (no error listing). */
    brief: { type: 'boolean', default: false },
    /** WEIGHTS overrides for an experiment, e.g. --set initialMinShared=1 (repeatable). */
    set: { type: 'string', multiple: true, default: [] },
  },
});
for (const kv of values.set) {
  const [k, v] = kv.split('=');
  if (k === undefined || v === undefined || !(k in WEIGHTS)) throw new Error(`--set: expected WEIGHT=number with a key of WEIGHTS, got ${JSON.stringify(kv)}`);
  (WEIGHTS as Record<string, number>)[k] = Number(v);
}

const gen = generateCorpus({ people: Number(values.people), papers: Number(values.papers), seed: Number(values.seed) });
const mentions: Mention[] = gen.mentions.map(({ truth: _t, display: _d, ...m }) => m);
const key = (m: Pick<Mention, 'paperId' | 'position'>) => `${m.paperId}#${m.position}`;

let suggestions = 0;
let cpu = 0;
function predict(): Map<string, string> {
  const t0 = process.cpuUsage();
  try {
    return predictIn();
  } finally {
    const d = process.cpuUsage(t0);
    cpu = (d.user + d.system) / 1000;
  }
}
function predictIn(): Map<string, string> {
  if (values.mode === 'bulk') {
    const r = resolveIdentities({ mentions, persons: [], mode: 'bulk' });
    suggestions = r.suggestions.length;
    return new Map(r.assignments.map((a) => [key(a), a.personId]));
  }
  const persons = new Map<string, PersonSummary>();
  const retired = new Map<string, string>();
  const assigned = new Map<string, string>();
  const batch = Number(values.batch);
  const papers = [...new Set(mentions.map((m) => m.paperId))];
  for (let i = 0; i < papers.length; i += batch) {
    const ids = new Set(papers.slice(i, i + batch));
    const ms = mentions.filter((m) => ids.has(m.paperId));
    const blocks = new Set(ms.map(blockOfMention));
    const ps = [...persons.values()].filter((p) => p.blocks.some((b) => blocks.has(b)));
    const r = resolveIdentities({ mentions: ms, persons: ps, retiredIds: [...retired.keys()], mode: 'incremental' });
    for (const x of r.retired) {
      persons.delete(x.id);
      retired.set(x.id, x.redirectTo);
    }
    for (const s of r.persons) persons.set(s.id, s);
    suggestions += r.suggestions.length;
    for (const a of r.assignments) assigned.set(key(a), a.personId);
  }
  const resolve = (id: string) => {
    while (retired.has(id)) id = must(retired.get(id), 'redirect');
    return id;
  };
  return new Map([...assigned].map(([k, id]) => [k, resolve(id)]));
}

const predicted = predict();
const pred = (m: GenMention) => must(predicted.get(key(m)), 'assignment');
const scores = bcubed(
  gen.mentions.map((m) => m.truth),
  gen.mentions.map(pred),
);
console.log(
  `seed ${values.seed} ${values.mode}: P ${scores.precision.toFixed(3)} R ${scores.recall.toFixed(3)} F1 ${scores.f1.toFixed(3)}, ${scores.clusters} persons, ${suggestions} suggestions (${((suggestions / scores.clusters) * 100).toFixed(1)} %), ${((cpu * 1000) / mentions.length).toFixed(0)} µs CPU per mention`,
);
if (values.brief) process.exit(0);

// Profiles of the predicted persons and statistics of their blocks, rebuilt from their mentions.
const byPerson = new Map<string, GenMention[]>();
for (const m of gen.mentions) {
  const list = byPerson.get(pred(m));
  if (list) list.push(m);
  else byPerson.set(pred(m), [m]);
}
const profiles = new Map<string, Profile>();
for (const [id, ms] of byPerson) {
  const p = mentionProfile(ms[0] as Mention);
  for (const m of ms.slice(1)) mergeInto(p, mentionProfile(m));
  profiles.set(id, p);
}
const blockProfiles = new Map<string, Profile[]>();
for (const m of gen.mentions) {
  const b = blockOfMention(m);
  const list = blockProfiles.get(b);
  const p = mentionProfile(m);
  if (list) list.push(p);
  else blockProfiles.set(b, [p]);
}
const stats = new Map<string, BlockStats>([...blockProfiles].map(([b, ps]) => [b, blockStats(b, ps)]));

// Recall: for each true person split over persons, each pair of its persons, why they were not joined.
const byTruth = new Map<number, GenMention[]>();
for (const m of gen.mentions) {
  const list = byTruth.get(m.truth);
  if (list) list.push(m);
  else byTruth.set(m.truth, [m]);
}
const causes = new Map<string, { loss: number; examples: string[] }>();
let totalLoss = 0;
const n = gen.mentions.length;
const describe = (id: string) => {
  const p = must(profiles.get(id), 'profile');
  const forms = p.forms.map((f) => `${f.display.given} ${f.display.family}`).join(' / ');
  return `${forms} (${p.mentions} m, ${[...p.categories.keys()].join(',')}, ${p.yearMin}-${p.yearMax}, ${p.coauthors.size} co)`;
};
for (const [, ms] of byTruth) {
  const parts = new Map<string, number>();
  for (const m of ms) parts.set(pred(m), (parts.get(pred(m)) ?? 0) + 1);
  if (parts.size < 2) continue;
  const ids = [...parts.keys()];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = must(ids[i], 'id');
      const b = must(ids[j], 'id');
      // B³ recall lost on this pair: each mention of a misses the mentions of b and vice versa.
      const loss = (2 * must(parts.get(a), 'n') * must(parts.get(b), 'n')) / ms.length / n;
      totalLoss += loss;
      const pa = must(profiles.get(a), 'profile');
      const pb = must(profiles.get(b), 'profile');
      const block = blockOfMention(must(byPerson.get(a), 'mentions')[0] as Mention);
      const sameBlock = block === blockOfMention(must(byPerson.get(b), 'mentions')[0] as Mention);
      let cause: string;
      if (!sameBlock) cause = 'different blocks';
      else {
        const v = compare(pa, pb, must(stats.get(block), 'stats'));
        const purity = (id: string) => must(byPerson.get(id), 'm').filter((m) => m.truth === ms[0]?.truth).length / must(byPerson.get(id), 'm').length;
        const mixed = purity(a) < 1 || purity(b) < 1 ? ' [mixed person]' : '';
        if (v.kind === 'cannot') cause = `cannot: ${v.reason}`;
        else if (v.kind === 'must') cause = 'must (same id) but apart';
        else if (joins(v)) cause = `joinable, not joined${mixed}`;
        else {
          const neg = Object.entries(v.evidence.parts)
            .filter(([, x]) => x < 0)
            .map(([k]) => k)
            .sort()
            .join('+');
          const shared = v.evidence.sharedCoauthors.length;
          if (v.evidence.score >= 0 && v.rule) cause = `rule ${v.rule.name}, support ${ruleSupport(v)} < ${v.rule.minSharedCoauthors}${mixed}`;
          else cause = `score < 0, shared co-authors ${Math.min(shared, 2)}${shared >= 2 ? '+' : ''}, ${v.rule ? `rule ${v.rule.name}, ` : ''}negative: ${neg || 'none'}${mixed}`;
        }
        const ex = `${describe(a)} || ${describe(b)}${v.kind === 'score' ? ` :: ${v.evidence.score.toFixed(2)} ${JSON.stringify(Object.fromEntries(Object.entries(v.evidence.parts).map(([k, x]) => [k, +x.toFixed(2)])))} k=${v.evidence.namesakes.toFixed(1)}` : ''}`;
        const c = causes.get(cause) ?? { loss: 0, examples: [] };
        c.loss += loss;
        if (c.examples.length < Number(values.examples)) c.examples.push(ex);
        causes.set(cause, c);
        continue;
      }
      const c = causes.get(cause) ?? { loss: 0, examples: [] };
      c.loss += loss;
      if (c.examples.length < Number(values.examples)) c.examples.push(`${describe(a)} || ${describe(b)}`);
      causes.set(cause, c);
    }
  }
}
console.log(`\nrecall loss ${totalLoss.toFixed(4)} (pairwise attribution), by cause:`);
for (const [cause, c] of [...causes].sort((x, y) => y[1].loss - x[1].loss)) {
  console.log(`  ${c.loss.toFixed(4)}  ${cause}`);
  for (const e of c.examples) console.log(`           ${e}`);
}

// Precision: persons holding several true people.
const impure: { loss: number; text: string }[] = [];
for (const [id, ms] of byPerson) {
  const t = new Map<number, GenMention[]>();
  for (const m of ms) {
    const list = t.get(m.truth);
    if (list) list.push(m);
    else t.set(m.truth, [m]);
  }
  if (t.size < 2) continue;
  let loss = 0;
  for (const [, x] of t) loss += (x.length * (ms.length - x.length)) / ms.length / n;
  impure.push({ loss, text: `${id}: ${[...t.values()].map((x) => `${x.length}× ${x[0]?.name} [${x[0]?.categories.join(',')}]`).join(' + ')}` });
}
console.log(`\nprecision loss ${impure.reduce((s, x) => s + x.loss, 0).toFixed(4)} over ${impure.length} mixed persons; largest:`);
for (const x of impure.sort((a, b) => b.loss - a.loss).slice(0, 12)) console.log(`  ${x.loss.toFixed(4)}  ${x.text}`);

// Calibration: for pairs of persons in one block with compatible names, how often they are truly one person, by the
// estimated namesakes, the field relation and whether they share co-authors (what the score's parts should say).
const majority = (id: string) => {
  const c = new Map<number, number>();
  for (const m of must(byPerson.get(id), 'm')) c.set(m.truth, (c.get(m.truth) ?? 0) + 1);
  return [...c].sort((x, y) => y[1] - x[1])[0]?.[0];
};
const cells = new Map<string, { same: number; diff: number }>();
const personsOfBlock = new Map<string, string[]>();
for (const [id, ms] of byPerson) {
  const b = blockOfMention(ms[0] as Mention);
  const list = personsOfBlock.get(b);
  if (list) list.push(id);
  else personsOfBlock.set(b, [id]);
}
for (const [block, ids] of personsOfBlock) {
  if (ids.length > 300) continue;
  const st = must(stats.get(block), 'stats');
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = must(ids[i], 'id');
      const b = must(ids[j], 'id');
      const v = compare(must(profiles.get(a), 'p'), must(profiles.get(b), 'p'), st);
      if (v.kind !== 'score' || v.rule) continue;
      const k = v.evidence.namesakes;
      const kb = k < 1.5 ? 'k<1.5' : k < 3 ? 'k<3' : k < 6 ? 'k<6' : k < 12 ? 'k<12' : k < 24 ? 'k<24' : 'k>=24';
      const f = v.evidence.parts.fields ?? 0;
      const fb = f <= -3 ? 'otherField' : f < 0 ? 'otherArchive' : 'sameArchive';
      const co = v.evidence.sharedCoauthors.length > 0 ? 'co' : v.evidence.parts.collaboration ? 'collab' : 'none';
      const cell = `${fb} ${co} ${kb}`;
      const c = cells.get(cell) ?? { same: 0, diff: 0 };
      if (majority(a) === majority(b)) c.same++;
      else c.diff++;
      cells.set(cell, c);
    }
  }
}
console.log('\ncalibration (pairs of persons, no name-form rule): same / different true person');
for (const [cell, c] of [...cells].sort()) console.log(`  ${cell.padEnd(32)} ${String(c.same).padStart(5)} / ${String(c.diff).padStart(6)}   log-odds ${Math.log((c.same + 0.5) / (c.diff + 0.5)).toFixed(2)}`);
