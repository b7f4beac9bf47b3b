// Deterministic synthetic data shaped like the arXiv metadata snapshot (JSON lines), for benchmarks at scale.
//
// Shape (chosen to stress what real arXiv data stresses): Zipf-like author productivity (a few authors on hundreds of
// papers), author counts per paper with a long tail up to thousands (collaboration papers), ~150-word abstracts built
// from a technical vocabulary so that noun phrases repeat across papers, and 150+ arXiv categories with skewed use.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { must } from '../core/must.js';
import { seededRandom as rng } from '../client/src/graph/rng.js';
import { ARXIV_CATEGORIES } from '../ingest/text/categories.js';

/**
 * Samples 0..n-1 with probability ∝ 1/(k+1+offset)^s (Zipf–Mandelbrot; the offset flattens the head) by inverting a
 * precomputed CDF (binary search).
 */
export function zipfSampler(n: number, s: number, rand: () => number, offset = 0): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += 1 / Math.pow(k + 1 + offset, s);
    cdf[k] = sum;
  }
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (must(cdf[mid], 'a cumulative weight') < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const GIVEN = `Ada Alan Alice Amir Ana Andrea Anna Anton Arjun Aya Ben Boris Carla Chen Chiara Chloe Daniel David Diego Elena Emil Emma Eva Farah Felix Fatima Gustav Hana Hans Hiro Ines Ivan Jan Jana Javier Ji Jonas Julia Kai Karin Kenji Lara Lea Leon Li Lina Lisa Luca Lucia Maja Marco Maria Mark Marta Mateo Mei Mila Ming Moritz Nadia Naveen Nina Noah Nora Olga Omar Oscar Paul Pedro Priya Rafael Ravi Rosa Ruth Sara Sven Tariq Tom Uma Vera Victor Wei Xin Yara Yuki Zara Zoe`.split(' ');
const FAMILY = `Adams Ahmed Alvarez Andersen Bauer Becker Bianchi Brown Busch Chen Costa Cruz Dada Das Dubois Eriksson Fischer Garcia Gomez Gruber Gupta Hansen Hartmann Hoffmann Huang Ivanova Jansen Jung Kaur Keller Khan Kim Klein Koch Kowalski Kumar Larsen Lee Lehmann Li Lim Liu Lopez Maier Martin Meyer Moreau Muller Nakamura Nguyen Novak Olsen Park Patel Peters Petrov Quinn Rahman Ramos Rossi Santos Sato Schmidt Schneider Schulz Silva Singh Smith Suzuki Tan Tanaka Thomas Truhn Vogel Wagner Walker Wang Weber Wolf Wong Wu Xu Yamamoto Yang Zhang Zhao Zhou Ziegler`.split(' ');
const ADJ = `adaptive adversarial anatomical approximate asymptotic bayesian calibrated causal chaotic clinical compact conditional convex cosmological dense differentiable discrete distributed dynamic efficient elliptic empirical federated generative geometric gravitational hierarchical high-dimensional hybrid inverse lattice latent linear magnetic medical multimodal neural nonlinear optimal private probabilistic quantum radiative random recurrent robust scalable semantic sparse spectral statistical stochastic structural supervised temporal thermal topological transient variational`.split(' ');
const NOUN = `algorithm anomaly attention benchmark black hole boundary classifier cluster code complexity condensate convergence correlation cosmology curvature dataset decoder detector diffusion dimension dynamics embedding encoder energy entropy equation estimator field fluid galaxy gauge gradient graph inference instability interaction kernel lattice learning likelihood manifold matrix measurement metric network noise operator optimization oscillation particle perturbation phase photon plasma policy polynomial posterior prediction privacy protocol radiation regression representation resonance sampling scattering segmentation semiconductor signal simulation soliton spectrum spin stability superconductor symmetry tensor theorem topology trajectory transformer transition turbulence uncertainty vortex wave`.split(' ');
const VERB = `propose study derive analyse introduce present develop evaluate prove measure characterise estimate simulate compare investigate`.split(' ');

const capitalize = (w: string) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`;

export interface SyntheticOptions {
  papers: number;
  seed?: number;
}

/** Writes `papers` records as arXiv-snapshot JSON lines to `file`; constant memory. Returns bytes written. */
export async function writeSyntheticArxiv(file: string, opts: SyntheticOptions): Promise<number> {
  const rand = rng(opts.seed ?? 42);
  // 1.5 authors per paper in the pool and Zipf–Mandelbrot(s=1, offset 200) productivity: at 100k papers the most
  // prolific author has ~600 papers (0.6%), the 1000th ~100, the median author ~1–2 (Lotka-like, as in arXiv).
  const authorPool = Math.max(50, Math.round(opts.papers * 1.5));
  const pickAuthor = zipfSampler(authorPool, 1.0, rand, 200);
  const cats = [...ARXIV_CATEGORIES.values()].filter((c) => !c.legacy).map((c) => c.code);
  const pickCat = zipfSampler(cats.length, 0.9, rand);
  const pickNoun = zipfSampler(NOUN.length, 0.8, rand);
  const pick = <T>(a: T[]) => must(a[Math.floor(rand() * a.length)], 'a random pick');
  // Family names: a third from the common list, the rest built from syllables (a long tail of ~27k rarer names), so
  // that namesakes (same family name and first initial) are as common as in real bibliographies, not universal.
  const SYL = ['ka', 'lo', 'mi', 'ren', 'sa', 'to', 'vi', 'ber', 'dan', 'el', 'gor', 'han', 'is', 'jor', 'kel', 'lin', 'mar', 'nov', 'ol', 'pet', 'ros', 'sten', 'tan', 'ul', 'ver', 'wen', 'yan', 'zel', 'bro', 'cha'];
  const authorName = (i: number): [string, string] => {
    const given = must(GIVEN[i % GIVEN.length], 'a given name');
    const middle = String.fromCharCode(65 + (Math.floor(i / GIVEN.length) % 26));
    const h = Math.imul(i + 1, 2654435761) >>> 0;
    const family =
      h % 3 === 0
        ? must(FAMILY[(h >>> 2) % FAMILY.length], 'a family name')
        : capitalize(`${SYL[(h >>> 3) % SYL.length]}${SYL[(h >>> 8) % SYL.length]}${SYL[(h >>> 13) % SYL.length]}`);
    return [family, `${given} ${middle}.`];
  };
  const authorCount = () => {
    const r = rand();
    if (r < 0.85) return 1 + Math.floor(-Math.log(1 - rand()) * 2.5) % 8;
    if (r < 0.98) return 7 + Math.floor(rand() * 24);
    if (r < 0.999) return 31 + Math.floor(rand() * 270);
    return 300 + Math.floor(rand() * 2700);
  };

  const out = createWriteStream(file, { encoding: 'utf8' });
  let bytes = 0;
  const start = Date.UTC(2007, 3, 2);
  const perMonth = new Map<string, number>();
  for (let i = 0; i < opts.papers; i++) {
    // A paper has a small theme of nouns so its phrases repeat (as real abstracts do) and topics can form.
    const noun = () => must(NOUN[pickNoun()], 'a sampled noun');
    const theme = [noun(), noun(), noun()];
    const phrase = () => `${pick(ADJ)} ${pick(theme)}`;
    const sentences: string[] = [];
    let words = 0;
    while (words < 150) {
      const s = `We ${pick(VERB)} a ${phrase()} ${pick(theme)} for the ${phrase()} of ${pick(NOUN)} ${pick(theme)}, and show that the ${phrase()} improves the ${pick(ADJ)} ${pick(NOUN)} by ${1 + Math.floor(rand() * 40)} percent.`;
      sentences.push(s);
      words += s.split(' ').length;
    }
    const n = authorCount();
    const seen = new Set<number>();
    const parsed: [string, string, string][] = [];
    while (parsed.length < n && seen.size < authorPool) {
      const a = pickAuthor();
      if (seen.has(a)) continue;
      seen.add(a);
      const [last, first] = authorName(a);
      parsed.push([last, first, '']);
    }
    const nCats = 1 + (rand() < 0.4 ? 1 : 0) + (rand() < 0.15 ? 1 : 0);
    const catSet = new Set<string>();
    while (catSet.size < nCats) catSet.add(must(cats[pickCat()], 'a sampled category'));
    const created = new Date(start + Math.floor((i / opts.papers) * 17 * 365 * 86_400_000));
    // Real new-style arXiv ids: YYMM.NNNNN, numbered within the month.
    const yymm = `${String(created.getUTCFullYear() % 100).padStart(2, '0')}${String(created.getUTCMonth() + 1).padStart(2, '0')}`;
    const seq = (perMonth.get(yymm) ?? 0) + 1;
    perMonth.set(yymm, seq);
    const id = `${yymm}.${String(seq).padStart(created.getUTCFullYear() < 2015 ? 4 : 5, '0')}`;
    const rec = {
      id,
      submitter: parsed[0] ? `${parsed[0][1]} ${parsed[0][0]}` : null,
      authors: parsed.map(([l, f]) => `${f} ${l}`).join(', '),
      title: `${capitalize(pick(ADJ))} ${theme[0]} ${theme[1]} for ${pick(ADJ)} ${theme[2]}`,
      comments: null,
      'journal-ref': null,
      doi: null,
      'report-no': null,
      categories: [...catSet].join(' '),
      license: null,
      abstract: sentences.join(' '),
      versions: [{ version: 'v1', created: created.toUTCString() }],
      update_date: created.toISOString().slice(0, 10),
      authors_parsed: parsed,
    };
    const line = `${JSON.stringify(rec)}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return bytes;
}
