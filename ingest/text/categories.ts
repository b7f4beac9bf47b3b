// arXiv category taxonomy (current + legacy codes) and the 2-letter abbreviations paper-aggregator listings print.
import { must } from '../../core/must.js';

export interface ArxivCategory {
  code: string;
  name: string;
  /** Archive the category belongs to (`cs`, `math`, `astro-ph`, `hep-th`, …). */
  archive: string;
  /** Group shown on arXiv's taxonomy page. */
  group: 'Computer Science' | 'Economics' | 'Electrical Engineering and Systems Science' | 'Mathematics' | 'Physics' | 'Quantitative Biology' | 'Quantitative Finance' | 'Statistics';
  /** Retired code that still appears on old records (e.g. `solv-int` on 0704.* papers). */
  legacy?: true;
  /** Code that arXiv treats as an alias of another (`math.IT` ≡ `cs.IT`); both are valid on records. */
  aliasOf?: string;
}

type Row = [code: string, name: string, extra?: { legacy?: true; aliasOf?: string }];

const CS: Row[] = [
  ['cs.AI', 'Artificial Intelligence'],
  ['cs.AR', 'Hardware Architecture'],
  ['cs.CC', 'Computational Complexity'],
  ['cs.CE', 'Computational Engineering, Finance, and Science'],
  ['cs.CG', 'Computational Geometry'],
  ['cs.CL', 'Computation and Language'],
  ['cs.CR', 'Cryptography and Security'],
  ['cs.CV', 'Computer Vision and Pattern Recognition'],
  ['cs.CY', 'Computers and Society'],
  ['cs.DB', 'Databases'],
  ['cs.DC', 'Distributed, Parallel, and Cluster Computing'],
  ['cs.DL', 'Digital Libraries'],
  ['cs.DM', 'Discrete Mathematics'],
  ['cs.DS', 'Data Structures and Algorithms'],
  ['cs.ET', 'Emerging Technologies'],
  ['cs.FL', 'Formal Languages and Automata Theory'],
  ['cs.GL', 'General Literature'],
  ['cs.GR', 'Graphics'],
  ['cs.GT', 'Computer Science and Game Theory'],
  ['cs.HC', 'Human-Computer Interaction'],
  ['cs.IR', 'Information Retrieval'],
  ['cs.IT', 'Information Theory'],
  ['cs.LG', 'Machine Learning'],
  ['cs.LO', 'Logic in Computer Science'],
  ['cs.MA', 'Multiagent Systems'],
  ['cs.MM', 'Multimedia'],
  ['cs.MS', 'Mathematical Software'],
  ['cs.NA', 'Numerical Analysis', { aliasOf: 'math.NA' }],
  ['cs.NE', 'Neural and Evolutionary Computing'],
  ['cs.NI', 'Networking and Internet Architecture'],
  ['cs.OH', 'Other Computer Science'],
  ['cs.OS', 'Operating Systems'],
  ['cs.PF', 'Performance'],
  ['cs.PL', 'Programming Languages'],
  ['cs.RO', 'Robotics'],
  ['cs.SC', 'Symbolic Computation'],
  ['cs.SD', 'Sound'],
  ['cs.SE', 'Software Engineering'],
  ['cs.SI', 'Social and Information Networks'],
  ['cs.SY', 'Systems and Control', { aliasOf: 'eess.SY' }],
];

const ECON: Row[] = [
  ['econ.EM', 'Econometrics'],
  ['econ.GN', 'General Economics'],
  ['econ.TH', 'Theoretical Economics'],
];

const EESS: Row[] = [
  ['eess.AS', 'Audio and Speech Processing'],
  ['eess.IV', 'Image and Video Processing'],
  ['eess.SP', 'Signal Processing'],
  ['eess.SY', 'Systems and Control'],
];

const MATH: Row[] = [
  ['math.AC', 'Commutative Algebra'],
  ['math.AG', 'Algebraic Geometry'],
  ['math.AP', 'Analysis of PDEs'],
  ['math.AT', 'Algebraic Topology'],
  ['math.CA', 'Classical Analysis and ODEs'],
  ['math.CO', 'Combinatorics'],
  ['math.CT', 'Category Theory'],
  ['math.CV', 'Complex Variables'],
  ['math.DG', 'Differential Geometry'],
  ['math.DS', 'Dynamical Systems'],
  ['math.FA', 'Functional Analysis'],
  ['math.GM', 'General Mathematics'],
  ['math.GN', 'General Topology'],
  ['math.GR', 'Group Theory'],
  ['math.GT', 'Geometric Topology'],
  ['math.HO', 'History and Overview'],
  ['math.IT', 'Information Theory', { aliasOf: 'cs.IT' }],
  ['math.KT', 'K-Theory and Homology'],
  ['math.LO', 'Logic'],
  ['math.MG', 'Metric Geometry'],
  ['math.MP', 'Mathematical Physics', { aliasOf: 'math-ph' }],
  ['math.NA', 'Numerical Analysis'],
  ['math.NT', 'Number Theory'],
  ['math.OA', 'Operator Algebras'],
  ['math.OC', 'Optimization and Control'],
  ['math.PR', 'Probability'],
  ['math.QA', 'Quantum Algebra'],
  ['math.RA', 'Rings and Algebras'],
  ['math.RT', 'Representation Theory'],
  ['math.SG', 'Symplectic Geometry'],
  ['math.SP', 'Spectral Theory'],
  ['math.ST', 'Statistics Theory', { aliasOf: 'stat.TH' }],
];

const PHYSICS: Row[] = [
  // astro-ph was a single category until 2009; old records carry the bare archive code.
  ['astro-ph', 'Astrophysics'],
  ['astro-ph.CO', 'Cosmology and Nongalactic Astrophysics'],
  ['astro-ph.EP', 'Earth and Planetary Astrophysics'],
  ['astro-ph.GA', 'Astrophysics of Galaxies'],
  ['astro-ph.HE', 'High Energy Astrophysical Phenomena'],
  ['astro-ph.IM', 'Instrumentation and Methods for Astrophysics'],
  ['astro-ph.SR', 'Solar and Stellar Astrophysics'],
  ['cond-mat', 'Condensed Matter'],
  ['cond-mat.dis-nn', 'Disordered Systems and Neural Networks'],
  ['cond-mat.mes-hall', 'Mesoscale and Nanoscale Physics'],
  ['cond-mat.mtrl-sci', 'Materials Science'],
  ['cond-mat.other', 'Other Condensed Matter'],
  ['cond-mat.quant-gas', 'Quantum Gases'],
  ['cond-mat.soft', 'Soft Condensed Matter'],
  ['cond-mat.stat-mech', 'Statistical Mechanics'],
  ['cond-mat.str-el', 'Strongly Correlated Electrons'],
  ['cond-mat.supr-con', 'Superconductivity'],
  ['gr-qc', 'General Relativity and Quantum Cosmology'],
  ['hep-ex', 'High Energy Physics - Experiment'],
  ['hep-lat', 'High Energy Physics - Lattice'],
  ['hep-ph', 'High Energy Physics - Phenomenology'],
  ['hep-th', 'High Energy Physics - Theory'],
  ['math-ph', 'Mathematical Physics'],
  ['nlin.AO', 'Adaptation and Self-Organizing Systems'],
  ['nlin.CD', 'Chaotic Dynamics'],
  ['nlin.CG', 'Cellular Automata and Lattice Gases'],
  ['nlin.PS', 'Pattern Formation and Solitons'],
  ['nlin.SI', 'Exactly Solvable and Integrable Systems'],
  ['nucl-ex', 'Nuclear Experiment'],
  ['nucl-th', 'Nuclear Theory'],
  ['physics.acc-ph', 'Accelerator Physics'],
  ['physics.ao-ph', 'Atmospheric and Oceanic Physics'],
  ['physics.app-ph', 'Applied Physics'],
  ['physics.atm-clus', 'Atomic and Molecular Clusters'],
  ['physics.atom-ph', 'Atomic Physics'],
  ['physics.bio-ph', 'Biological Physics'],
  ['physics.chem-ph', 'Chemical Physics'],
  ['physics.class-ph', 'Classical Physics'],
  ['physics.comp-ph', 'Computational Physics'],
  ['physics.data-an', 'Data Analysis, Statistics and Probability'],
  ['physics.ed-ph', 'Physics Education'],
  ['physics.flu-dyn', 'Fluid Dynamics'],
  ['physics.gen-ph', 'General Physics'],
  ['physics.geo-ph', 'Geophysics'],
  ['physics.hist-ph', 'History and Philosophy of Physics'],
  ['physics.ins-det', 'Instrumentation and Detectors'],
  ['physics.med-ph', 'Medical Physics'],
  ['physics.optics', 'Optics'],
  ['physics.plasm-ph', 'Plasma Physics'],
  ['physics.pop-ph', 'Popular Physics'],
  ['physics.soc-ph', 'Physics and Society'],
  ['physics.space-ph', 'Space Physics'],
  ['quant-ph', 'Quantum Physics'],
];

const QBIO: Row[] = [
  ['q-bio.BM', 'Biomolecules'],
  ['q-bio.CB', 'Cell Behavior'],
  ['q-bio.GN', 'Genomics'],
  ['q-bio.MN', 'Molecular Networks'],
  ['q-bio.NC', 'Neurons and Cognition'],
  ['q-bio.OT', 'Other Quantitative Biology'],
  ['q-bio.PE', 'Populations and Evolution'],
  ['q-bio.QM', 'Quantitative Methods'],
  ['q-bio.SC', 'Subcellular Processes'],
  ['q-bio.TO', 'Tissues and Organs'],
];

const QFIN: Row[] = [
  ['q-fin.CP', 'Computational Finance'],
  ['q-fin.EC', 'Economics', { aliasOf: 'econ.GN' }],
  ['q-fin.GN', 'General Finance'],
  ['q-fin.MF', 'Mathematical Finance'],
  ['q-fin.PM', 'Portfolio Management'],
  ['q-fin.PR', 'Pricing of Securities'],
  ['q-fin.RM', 'Risk Management'],
  ['q-fin.ST', 'Statistical Finance'],
  ['q-fin.TR', 'Trading and Market Microstructure'],
];

const STAT: Row[] = [
  ['stat.AP', 'Applications'],
  ['stat.CO', 'Computation'],
  ['stat.ME', 'Methodology'],
  ['stat.ML', 'Machine Learning'],
  ['stat.OT', 'Other Statistics'],
  ['stat.TH', 'Statistics Theory'],
];

/** Retired archives/categories that still appear on old records (most were merged around 1998–2009). */
const LEGACY: Row[] = [
  ['acc-phys', 'Accelerator Physics', { legacy: true, aliasOf: 'physics.acc-ph' }],
  ['adap-org', 'Adaptation, Noise, and Self-Organizing Systems', { legacy: true, aliasOf: 'nlin.AO' }],
  ['alg-geom', 'Algebraic Geometry', { legacy: true, aliasOf: 'math.AG' }],
  ['ao-sci', 'Atmospheric-Oceanic Sciences', { legacy: true, aliasOf: 'physics.ao-ph' }],
  ['atom-ph', 'Atomic, Molecular and Optical Physics', { legacy: true, aliasOf: 'physics.atom-ph' }],
  ['bayes-an', 'Bayesian Analysis', { legacy: true, aliasOf: 'physics.data-an' }],
  ['chao-dyn', 'Chaotic Dynamics', { legacy: true, aliasOf: 'nlin.CD' }],
  ['chem-ph', 'Chemical Physics', { legacy: true, aliasOf: 'physics.chem-ph' }],
  ['cmp-lg', 'Computation and Language', { legacy: true, aliasOf: 'cs.CL' }],
  ['comp-gas', 'Cellular Automata and Lattice Gases', { legacy: true, aliasOf: 'nlin.CG' }],
  ['dg-ga', 'Differential Geometry', { legacy: true, aliasOf: 'math.DG' }],
  ['funct-an', 'Functional Analysis', { legacy: true, aliasOf: 'math.FA' }],
  ['mtrl-th', 'Materials Theory', { legacy: true, aliasOf: 'cond-mat.mtrl-sci' }],
  ['patt-sol', 'Pattern Formation and Solitons', { legacy: true, aliasOf: 'nlin.PS' }],
  ['plasm-ph', 'Plasma Physics', { legacy: true, aliasOf: 'physics.plasm-ph' }],
  ['q-alg', 'Quantum Algebra and Topology', { legacy: true, aliasOf: 'math.QA' }],
  ['solv-int', 'Exactly Solvable and Integrable Systems', { legacy: true, aliasOf: 'nlin.SI' }],
  ['supr-con', 'Superconductivity', { legacy: true, aliasOf: 'cond-mat.supr-con' }],
];

const GROUPS: [ArxivCategory['group'], Row[]][] = [
  ['Computer Science', CS],
  ['Economics', ECON],
  ['Electrical Engineering and Systems Science', EESS],
  ['Mathematics', MATH],
  ['Physics', PHYSICS],
  ['Quantitative Biology', QBIO],
  ['Quantitative Finance', QFIN],
  ['Statistics', STAT],
];

function legacyGroup(code: string): ArxivCategory['group'] {
  if (code === 'cmp-lg') return 'Computer Science';
  if (['alg-geom', 'dg-ga', 'funct-an', 'q-alg'].includes(code)) return 'Mathematics';
  return 'Physics';
}

/** Every arXiv category code we know, current and legacy, keyed by code. */
export const ARXIV_CATEGORIES: ReadonlyMap<string, ArxivCategory> = (() => {
  const m = new Map<string, ArxivCategory>();
  const add = (group: ArxivCategory['group'], [code, name, extra]: Row): void => {
    const dot = code.indexOf('.');
    m.set(code, { code, name, archive: dot < 0 ? code : code.slice(0, dot), group, ...(extra ?? {}) });
  };
  for (const [group, rows] of GROUPS) for (const r of rows) add(group, r);
  for (const r of LEGACY) add(legacyGroup(r[0]), r);
  return m;
})();

/** True for a code in arXiv's taxonomy (exact, case-sensitive: `cs.CV` yes, `cs.cv` and MSC `53D10` no). */
export function isArxivCategory(code: string): boolean {
  return ARXIV_CATEGORIES.has(code);
}

/**
 * Name and archive of a category code for the graph writer: taxonomy values for arXiv codes, nulls for codes we
 * keep but do not know (unknown listing abbreviations), so the writer never invents a name.
 */
export function describeCategory(code: string): { name: string | null; archive: string | null } {
  const c = ARXIV_CATEGORIES.get(code);
  return c ? { name: c.name, archive: c.archive } : { name: null, archive: null };
}

/** The taxonomy entry for a code, or undefined. */
export function arxivCategory(code: string): ArxivCategory | undefined {
  return ARXIV_CATEGORIES.get(code);
}

/**
 * When a 2-letter suffix exists in several archives, the listing map picks by this order. The listings we ingest
 * come from ML/CS paper aggregators, so `CV` means cs.CV (not math.CV), `SP` means eess.SP (not math.SP), `CO`
 * means stat.CO (not math.CO / astro-ph.CO), `NA` means cs.NA (an alias of math.NA anyway), `SY` means cs.SY
 * (alias of eess.SY), `IT` cs.IT (alias of math.IT), `TH` stat.TH (not econ.TH), `GN` econ.GN (not math.GN,
 * q-bio.GN, q-fin.GN). See LISTING_AMBIGUOUS for the full list of alternatives.
 */
const LISTING_PRECEDENCE = ['cs', 'eess', 'stat', 'econ', 'math', 'q-bio', 'q-fin', 'astro-ph', 'nlin'] as const;

function buildListingMaps(): { map: Map<string, string>; ambiguous: Map<string, string[]> } {
  const bySuffix = new Map<string, string[]>();
  for (const archive of LISTING_PRECEDENCE) {
    for (const c of ARXIV_CATEGORIES.values()) {
      if (c.archive !== archive || c.legacy) continue;
      const suffix = c.code.slice(archive.length + 1);
      if (!/^[A-Z]{2}$/.test(suffix)) continue;
      const list = bySuffix.get(suffix) ?? [];
      list.push(c.code);
      bySuffix.set(suffix, list);
    }
  }
  const map = new Map<string, string>();
  const ambiguous = new Map<string, string[]>();
  for (const [suffix, codes] of bySuffix) {
    map.set(suffix, must(codes[0], `first code for suffix ${suffix}`));
    if (codes.length > 1) ambiguous.set(suffix, codes);
  }
  return { map, ambiguous };
}

const LISTING = buildListingMaps();

/** Listing abbreviation → arXiv code (`CV` → `cs.CV`, `IV` → `eess.IV`, `ML` → `stat.ML`, `AG` → `math.AG`). */
export const LISTING_ABBREVIATIONS: ReadonlyMap<string, string> = LISTING.map;

/** Abbreviations that exist in more than one archive, with all candidates; the first is the one we map to. */
export const LISTING_AMBIGUOUS: ReadonlyMap<string, readonly string[]> = LISTING.ambiguous;

/**
 * Resolve a category code printed on a listing: a full arXiv code is kept (`cs.CV`, `hep-th`); a known 2-letter
 * abbreviation is expanded by LISTING_ABBREVIATIONS; anything else returns `{ code: <as printed>, known: false }`
 * so the caller keeps it and warns instead of dropping information.
 */
export function resolveListingCategory(printed: string): { code: string; known: boolean } {
  if (isArxivCategory(printed)) return { code: printed, known: true };
  const mapped = LISTING_ABBREVIATIONS.get(printed);
  if (mapped) return { code: mapped, known: true };
  return { code: printed, known: false };
}
