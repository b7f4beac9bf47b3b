// Cytoscape style of the evidence graph: one shape and colour per kind, labels legible on light and dark themes.
import type { StylesheetJson } from 'cytoscape';
import type { LegendItem } from '../../components/legend.js';
import { PALETTE } from '../../graph/scales.js';
import type { GraphTheme } from '../../graph/theme.js';

/** Kind colours, shared with the chips in paper.css (`--pg-author` etc.: keep the two in step). */
export const EVIDENCE_COLOURS = {
  author: PALETTE[0],
  topic: PALETTE[1],
  category: PALETTE[2],
  related: PALETTE[4],
} as const;

/** The legend of the evidence graph: one key per kind, drawn in the node's colour and shape. */
export function evidenceLegend(): LegendItem[] {
  return [
    // The page's accent variable, as the paper nodes use the theme's accent.
    { label: 'this paper', colour: 'var(--accent)', shape: 'square' },
    { label: 'related paper', colour: EVIDENCE_COLOURS.related, shape: 'square' },
    { label: 'author', colour: EVIDENCE_COLOURS.author },
    { label: 'topic', colour: EVIDENCE_COLOURS.topic, shape: 'diamond', title: 'A thicker edge means the topic is stronger on that paper' },
    { label: 'category', colour: EVIDENCE_COLOURS.category },
  ];
}

/** The evidence graph's stylesheet in theme `c`. */
export function evidenceStyle(c: GraphTheme): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        color: c.fg,
        'font-size': 14,
        'text-wrap': 'wrap',
        // Evidence labels sit in the middle column with room either side: wide lines keep them to one or two rows.
        'text-max-width': '240px',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        // A halo in the background colour keeps labels readable where they cross edges.
        'text-outline-color': c.card,
        'text-outline-width': 2,
        width: 22,
        height: 22,
        'border-width': 2,
        'border-color': c.card,
      },
    },
    {
      selector: 'node[kind = "paper"]',
      style: {
        shape: 'round-rectangle',
        width: 34,
        height: 44,
        'background-color': c.accent,
        'font-weight': 'bold',
        'text-max-width': '140px',
      },
    },
    { selector: 'node[role = "related"]', style: { 'background-color': EVIDENCE_COLOURS.related } },
    { selector: 'node[kind = "author"]', style: { shape: 'ellipse', 'background-color': EVIDENCE_COLOURS.author, 'text-valign': 'top', 'text-margin-y': -4 } },
    { selector: 'node[kind = "topic"]', style: { shape: 'diamond', width: 24, height: 24, 'background-color': EVIDENCE_COLOURS.topic, 'text-valign': 'top', 'text-margin-y': -4 } },
    { selector: 'node[kind = "category"]', style: { shape: 'hexagon', 'background-color': EVIDENCE_COLOURS.category, 'text-valign': 'top', 'text-margin-y': -4 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': c.muted,
        'curve-style': 'bezier',
        opacity: 0.7,
      },
    },
    {
      selector: 'edge[type = "HAS_TOPIC"]',
      style: {
        // Thicker for a stronger topic on that paper: the part of the score each side brings.
        // No score label on the edge: at this size numbers collide; the width carries it and the chip's tooltip the value.
        width: 'mapData(score, 0, 1, 1, 6)',
        'line-color': EVIDENCE_COLOURS.topic,
        opacity: 0.8,
      },
    },
    { selector: 'edge[type = "IN_CATEGORY"]', style: { 'line-style': 'dashed', 'line-color': EVIDENCE_COLOURS.category } },
    {
      selector: 'edge[type = "CITES"]',
      style: {
        width: 2.5,
        'line-color': c.fg,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': c.fg,
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [-60],
        label: 'cites',
        'font-size': 12,
        color: c.fg,
        'text-outline-color': c.card,
        'text-outline-width': 2,
      },
    },
    { selector: 'node:selected', style: { 'border-color': c.fg } },
  ];
}
