// Acceptance: topics of the 11 real papers of the sample listing link the papers a reader would call related.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { parseFile } from '../../../ingest/sources/index.js';
import { extractTopicsForCorpus, topicId, type CorpusDoc, type Topic } from '../../../ingest/topics/index.js';

/** The sample `npm start` loads. */
const FILE = fileURLToPath(new URL('../../../data/samples/group-listing.txt', import.meta.url));

let docs: CorpusDoc[] = [];
let topics = new Map<string, Topic[]>();

/** The paper whose title contains `fragment` (exactly one). */
function paper(fragment: string): { doc: CorpusDoc; topics: Topic[] } {
  const hits = docs.filter((d) => d.title.includes(fragment));
  if (hits.length !== 1) throw new Error(`"${fragment}" matches ${hits.length} titles`);
  return { doc: must(hits[0], 'hits[0]'), topics: must(topics.get(must(hits[0], 'hits[0]').id), 'topics.get(hits[0].id)') };
}

/** Topic names every one of the papers has. */
function sharedNames(...fragments: string[]): string[] {
  const sets = fragments.map((f) => new Set(paper(f).topics.map((t) => t.name)));
  return [...must(sets[0], 'sets[0]')].filter((n) => sets.every((s) => s.has(n))).sort();
}

/** Papers carrying topic `name`. */
function papersWith(name: string): string[] {
  return docs.filter((d) => must(topics.get(d.id), 'topics.get(d.id)').some((t) => t.name === name)).map((d) => d.title);
}

beforeAll(async () => {
  for await (const ev of parseFile(FILE, { listingDate: '2025-06-01' })) {
    if (ev.kind === 'record') docs.push({ id: ev.record.id, title: ev.record.title, abstract: ev.record.abstract });
  }
  topics = extractTopicsForCorpus(docs);
  // For the reader of the test log: every paper's topics, as a researcher would see them.
  const lines = docs.map((d) => `- ${d.title}\n    ${must(topics.get(d.id), 'topics.get(d.id)').map((t) => `${t.name} (${t.score.toFixed(2)})`).join(' | ')}`);
  console.info(`Topics of the sample listing:\n${lines.join('\n')}`);
});

describe('sample listing (11 medical-imaging / AI papers)', () => {
  it('parses all 11 papers with their abstracts', () => {
    expect(docs).toHaveLength(11);
    for (const d of docs) expect(d.abstract.length).toBeGreaterThan(200);
  });

  it('links the two differential-privacy papers through "differential privacy"', () => {
    const shared = sharedNames('NeuralDP', 'Langevin dynamics');
    expect(shared).toContain('differential privacy');
    // Only they carry it.
    expect(papersWith('differential privacy')).toHaveLength(2);
  });

  it('links the three segmentation papers through "segmentation"', () => {
    const shared = sharedNames('MRSegmentator', 'Thyroid Segmentation', '3D U-Net for segmentation');
    expect(shared).toContain('segmentation');
    expect(papersWith('segmentation')).toHaveLength(3);
  });

  it('links the two large-language-model papers through "large language model" (LLM)', () => {
    const shared = sharedNames('Biomedical Large Languages Models', 'Atomic Fact-Checking');
    expect(shared).toContain('large language model');
    expect(papersWith('large language model')).toHaveLength(2);
    expect(paper('Biomedical Large Languages Models').topics.find((t) => t.name === 'large language model')?.aliases).toEqual(['LLM']);
  });

  it('gives every paper 3–8 topics that read like topics (no filler, no numbers, no "et al")', () => {
    // Filler nowhere; generic heads never last ("segmentation model" is fine, "clinical task" is not).
    const banned = /\b(result|study|approach|paper|performance|et|al|state of the art)\b/;
    const genericHead = /\b(task|method|analysis|framework|use|technique|application|system)$/;
    const bareGeneric = new Set(['model', 'data', 'image', 'network', 'learning', 'training', 'dataset', 'patient', 'accuracy']);
    for (const d of docs) {
      const ts = must(topics.get(d.id), 'topics.get(d.id)');
      expect(ts.length, d.title).toBeGreaterThanOrEqual(3);
      expect(ts.length, d.title).toBeLessThanOrEqual(8);
      for (const t of ts) {
        expect(t.name, d.title).not.toMatch(banned);
        expect(t.name, d.title).not.toMatch(genericHead);
        expect(bareGeneric.has(t.name), `${d.title}: ${t.name}`).toBe(false);
        // No token that is a number or measurement ("40", "0.96", "n=900", "18-layer"); "covid-19", "3d" are fine.
        for (const w of t.name.split(' ')) expect(w, `${d.title}: ${t.name}`).toMatch(/\p{L}/u);
        expect(t.name, d.title).not.toMatch(/\d+-(layer|fold|year)|\d[.,]\d/);
        expect(t.id).toBe(topicId(t.name));
        expect(t.name).toBe(t.name.toLowerCase());
      }
    }
  });

  it('puts each paper\'s central subject among its topics', () => {
    // One clearly right topic per paper, judged by reading title and abstract.
    const expected: [string, string][] = [
      ['DALL-E 2', 'dall-e'],
      ['MEDBERT.de', 'german bert model'],
      ['Biomedical Large Languages Models', 'large language model'],
      ['MRSegmentator', 'multiorgan segmentation'],
      ['Sacroiliitis Detection', 'radiographic sacroiliitis'],
      ['Atomic Fact-Checking', 'atomic fact checking'],
      ['Thyroid Segmentation', 'thyroid volumetry'],
      ['NeuralDP', 'differential privacy'],
      ['U-GAT', 'graph attention network'],
      ['Langevin dynamics', 'langevin dynamics'],
      ['3D U-Net for segmentation', 'transfer learning'],
    ];
    for (const [fragment, name] of expected) expect(paper(fragment).topics.map((t) => t.name), fragment).toContain(name);
  });

  it('is deterministic under reordering of the corpus', () => {
    const reversed = extractTopicsForCorpus([...docs].reverse());
    const rotated = extractTopicsForCorpus([...docs.slice(5), ...docs.slice(0, 5)]);
    for (const d of docs) {
      expect(reversed.get(d.id)).toEqual(topics.get(d.id));
      expect(rotated.get(d.id)).toEqual(topics.get(d.id));
    }
  });
});
