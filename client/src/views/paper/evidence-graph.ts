// Pure: one related-paper result → the Cytoscape elements of its evidence (both papers and what links them), laid out.
import type { ElementDefinition } from 'cytoscape';
import type { PaperRef, RelatedPaper } from '../../../../schema/papers.js';

export type EvidenceKind = 'paper' | 'author' | 'topic' | 'category';

/** Horizontal distance between the two papers; the evidence sits in columns halfway. */
export const EVIDENCE_WIDTH = 380;
/** Vertical spacing of evidence nodes in a column. */
export const EVIDENCE_ROW = 54;
/** Most evidence nodes per column before another column opens, so long author lists stay on screen. */
export const EVIDENCE_COLUMN_ROWS = 8;

/** Node ids are prefixed by kind: an author id and a topic id may be the same string in the database. */
export const evidenceId = (kind: EvidenceKind, id: string): string => `${kind}:${id}`;

function paperLabel(p: Pick<PaperRef, 'id' | 'title' | 'year'>): string {
  const title = p.title ?? p.id;
  return p.year ? `${title} (${p.year})` : title;
}

/**
 * The evidence subgraph of `related` for `paper`: the two papers, each shared author (AUTHORED both), shared topic
 * (HAS_TOPIC from both, with each side's score), shared category (IN_CATEGORY from both) and the citation links between
 * the papers. Positions are included (preset layout): this paper on the left, the related one on the right, the evidence
 * in columns between them grouped authors → topics → categories, so the picture reads left-to-right and is the same
 * every time (a force layout would shuffle it on each click).
 */
export function evidenceElements(paper: Pick<PaperRef, 'id' | 'title' | 'year'>, related: RelatedPaper): ElementDefinition[] {
  const here = evidenceId('paper', paper.id);
  const there = evidenceId('paper', related.paper.id);
  const { authors, topics, categories, citations } = related.reasons;

  const middle: { id: string; kind: Exclude<EvidenceKind, 'paper'>; label: string; edges: ElementDefinition[] }[] = [];
  for (const a of authors) {
    const id = evidenceId('author', a.id);
    middle.push({
      id,
      kind: 'author',
      label: a.name,
      edges: [here, there].map((p) => ({ data: { id: `${id}->${p}`, source: id, target: p, type: 'AUTHORED', label: 'AUTHORED' } })),
    });
  }
  for (const t of topics) {
    const id = evidenceId('topic', t.id);
    middle.push({
      id,
      kind: 'topic',
      label: t.name,
      edges: [
        { data: { id: `${here}->${id}`, source: here, target: id, type: 'HAS_TOPIC', score: t.scoreHere, label: t.scoreHere.toFixed(2) } },
        { data: { id: `${there}->${id}`, source: there, target: id, type: 'HAS_TOPIC', score: t.scoreThere, label: t.scoreThere.toFixed(2) } },
      ],
    });
  }
  for (const c of categories) {
    const id = evidenceId('category', c.code);
    middle.push({
      id,
      kind: 'category',
      label: c.name ? `${c.code} · ${c.name}` : c.code,
      edges: [
        { data: { id: `${here}->${id}`, source: here, target: id, type: 'IN_CATEGORY', primary: c.primaryHere, label: 'IN_CATEGORY' } },
        { data: { id: `${there}->${id}`, source: there, target: id, type: 'IN_CATEGORY', primary: c.primaryThere, label: 'IN_CATEGORY' } },
      ],
    });
  }

  const columns = Math.max(1, Math.ceil(middle.length / EVIDENCE_COLUMN_ROWS));
  const rows = Math.min(middle.length, EVIDENCE_COLUMN_ROWS);
  const columnGap = columns > 1 ? Math.min(160, (EVIDENCE_WIDTH * 0.6) / (columns - 1)) : 0;
  const position = (i: number) => {
    const col = Math.floor(i / EVIDENCE_COLUMN_ROWS);
    const row = i % EVIDENCE_COLUMN_ROWS;
    return { x: EVIDENCE_WIDTH / 2 + (col - (columns - 1) / 2) * columnGap, y: (row - (rows - 1) / 2) * EVIDENCE_ROW };
  };

  const elements: ElementDefinition[] = [
    { data: { id: here, kind: 'paper', role: 'this', label: paperLabel(paper), paperId: paper.id }, position: { x: 0, y: 0 } },
    {
      data: { id: there, kind: 'paper', role: 'related', label: paperLabel(related.paper), paperId: related.paper.id },
      position: { x: EVIDENCE_WIDTH, y: 0 },
    },
  ];
  middle.forEach((m, i) => elements.push({ data: { id: m.id, kind: m.kind, label: m.label }, position: position(i) }));
  for (const m of middle) elements.push(...m.edges);
  // Citations join the papers directly; each direction is its own edge (a pair can cite both ways).
  for (const c of new Set(citations)) {
    const [source, target] = c === 'cites' ? [here, there] : [there, here];
    elements.push({ data: { id: `${source}-cites->${target}`, source, target, type: 'CITES', label: 'CITES' } });
  }
  return elements;
}
