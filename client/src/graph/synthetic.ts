// Pure: a deterministic synthetic co-authorship-like graph (clustered, heavy-tailed degrees) for the UI bench and tests.
import { must } from '../../../shared/must.js';
import type { GraphPayload } from './elements.js';
import { seededRandom } from './rng.js';

const CATEGORIES = ['cs.LG', 'cs.CV', 'cs.CL', 'eess.IV', 'stat.ML', 'q-bio.QM', 'physics.med-ph', 'cs.AI'];

/**
 * `nodes` authors in groups of ~50 with `edges` distinct co-author edges: most inside a group, picked with a bias
 * towards low indices (a few prolific authors, like real data), the rest across groups. Same seed, same graph.
 */
export function syntheticGraph(nodes: number, edges: number, seed = 1): GraphPayload {
  const rand = seededRandom(seed);
  const groupSize = 50;
  const groups = Math.max(1, Math.ceil(nodes / groupSize));
  const out: GraphPayload = { nodes: [], edges: [] };
  for (let i = 0; i < nodes; i++) {
    const g = i % groups;
    out.nodes.push({
      data: {
        id: `a${i}`,
        label: `Author ${i} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + ((i * 7) % 26))}son`,
        papers: 1 + Math.floor(40 * rand() ** 4),
        category: must(CATEGORIES[g % CATEGORIES.length], 'a category'),
      },
    });
  }
  const members: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < nodes; i++) members[i % groups]?.push(i);
  const seen = new Set<string>();
  const skewed = (list: number[] = []) => list[Math.floor(list.length * rand() ** 2)];
  let guard = 0;
  while (out.edges.length < edges && guard++ < edges * 20) {
    const within = rand() < 0.85;
    const ga = Math.floor(rand() * groups);
    const gb = within ? ga : Math.floor(rand() * groups);
    const a = skewed(members[ga]);
    const b = skewed(members[gb]);
    if (a === undefined || b === undefined || a === b) continue;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.edges.push({ data: { id: `e${key}`, source: `a${Math.min(a, b)}`, target: `a${Math.max(a, b)}`, weight: 1 + Math.floor(6 * rand() ** 3) } });
  }
  out.truncated = { nodes: { total: nodes, shown: nodes }, edges: { total: out.edges.length, shown: out.edges.length } };
  return out;
}
