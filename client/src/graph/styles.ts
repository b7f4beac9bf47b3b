// The maps' Cytoscape stylesheet: encodings come from element data (size, width, colour, fontSize), colours from the theme.
import type { StylesheetJson } from 'cytoscape';
import { MIN_ZOOMED_FONT } from './labels.js';
import type { GraphTheme } from './theme.js';

/**
 * The stylesheet of the co-author and topic maps. `large` uses straight haystack edges and a leaner node rule (no outline, no label
 * background): Cytoscape applies every property to every element before the first frame, which is most of that
 * frame's cost at 8,000 elements.
 */
export function graphStyle(t: GraphTheme, opts: { large?: boolean } = {}): StylesheetJson {
  const labelBackground = opts.large
    ? {}
    : {
        'border-width': 1,
        'border-color': t.background,
        'text-background-color': t.textBackground,
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle' as const,
      };
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(colour)',
        label: 'data(short)',
        'font-size': 'data(fontSize)',
        color: t.text,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'min-zoomed-font-size': MIN_ZOOMED_FONT,
        'text-events': 'no',
        'overlay-opacity': 0,
        // Labelled nodes draw above unlabelled ones, so a kept label is not hidden under a neighbour's disc.
        'z-index': 1,
        ...labelBackground,
      },
    },
    { selector: 'node[kind = "paper"]', style: { shape: 'round-rectangle', 'background-opacity': 0.8 } },
    { selector: 'node[kind = "topic"]', style: { shape: 'round-hexagon' } },
    { selector: 'node.label-hidden, node.nolabel', style: { label: '', 'z-index': 0 } },
    {
      selector: 'node.label-hidden:selected, node.label-hidden.hover, node.label-hidden.path, node.nolabel:selected, node.nolabel.hover',
      style: { label: 'data(short)' },
    },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-color': t.highlight, 'font-weight': 'bold', 'z-index': 10 } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'double', 'border-color': t.text } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': t.highlight, 'z-index': 20, 'font-weight': 'bold' } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': t.edge,
        // Large graphs: an opaque pre-blended colour; per-edge alpha blending costs on the software rasteriser.
        ...(opts.large ? {} : { opacity: 0.7 }),
        'curve-style': opts.large ? 'haystack' : 'straight',
        'overlay-opacity': 0,
      },
    },
    { selector: '.dim', style: { opacity: t.dim, 'text-opacity': 0 } },
    { selector: 'edge.hover, edge.neighbour', style: { 'line-color': t.highlight, opacity: 1 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': t.path, 'z-index': 30 } },
    { selector: 'edge.path', style: { 'line-color': t.path, width: 5, opacity: 1, 'z-index': 30 } },
  ];
}
