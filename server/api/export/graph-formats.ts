// Pure: a GraphResponse as GraphML (valid XML, typed keys) or as CSV tables (one for nodes, one for edges).
import type { GraphResponse } from '../../../schema/graph.js';

type Data = Record<string, unknown>;

// XML 1.0 cannot carry these even escaped (control characters, lone surrogates, U+FFFE/FFFF): they are dropped.
const XML_INVALID = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML attribute values and element content. */
export function xmlEscape(value: string): string {
  return value
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** One cell's text: arrays joined with `;`, objects as JSON, null/undefined empty. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cellText).join(';');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

type GraphmlType = 'boolean' | 'long' | 'double' | 'string';

function typeOf(values: unknown[]): GraphmlType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.length > 0 && present.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'long';
  if (present.length > 0 && present.every((v) => typeof v === 'number')) return 'double';
  return 'string';
}

/** Data keys in first-seen order, without those GraphML carries as attributes. */
function keysOf(items: Data[], skip: Set<string>): string[] {
  const keys = new Set<string>();
  for (const d of items) for (const k of Object.keys(d)) if (!skip.has(k)) keys.add(k);
  return [...keys];
}

/**
 * GraphML 1.0 with one typed `<key>` per data field (arrays as `;`-joined strings). Undirected: co-authorship and
 * co-occurrence are symmetric; bipartite HAS_TOPIC edges keep paper → topic as source → target.
 */
export function toGraphml(graph: GraphResponse, graphId: string): string {
  const nodes = graph.nodes.map((n) => n.data as Data);
  const edges = graph.edges.map((e) => e.data as Data);
  const nodeKeys = keysOf(nodes, new Set(['id']));
  const edgeKeys = keysOf(edges, new Set(['id', 'source', 'target']));
  const keyId = (scope: 'n' | 'e', k: string) => `${scope}_${k}`;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const k of nodeKeys) {
    const type = typeOf(nodes.map((d) => d[k]));
    out.push(`  <key id="${xmlEscape(keyId('n', k))}" for="node" attr.name="${xmlEscape(k)}" attr.type="${type}"/>`);
  }
  for (const k of edgeKeys) {
    const type = typeOf(edges.map((d) => d[k]));
    out.push(`  <key id="${xmlEscape(keyId('e', k))}" for="edge" attr.name="${xmlEscape(k)}" attr.type="${type}"/>`);
  }
  out.push(`  <graph id="${xmlEscape(graphId)}" edgedefault="undirected">`);
  const dataLines = (scope: 'n' | 'e', d: Data, keys: string[]) =>
    keys
      .filter((k) => d[k] !== null && d[k] !== undefined)
      .map((k) => `      <data key="${xmlEscape(keyId(scope, k))}">${xmlEscape(cellText(d[k]))}</data>`);
  for (const d of nodes) {
    out.push(`    <node id="${xmlEscape(String(d.id))}">`, ...dataLines('n', d, nodeKeys), '    </node>');
  }
  for (const d of edges) {
    out.push(
      `    <edge id="${xmlEscape(String(d.id))}" source="${xmlEscape(String(d.source))}" target="${xmlEscape(String(d.target))}">`,
      ...dataLines('e', d, edgeKeys),
      '    </edge>',
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/**
 * One CSV field (RFC 4180: quoted when it holds a comma, quote or line break). Text that a spreadsheet would run as a
 * formula (= + - @, tab, CR first) gets a leading apostrophe; numbers are left alone.
 */
export function csvField(v: unknown): string {
  let text = cellText(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV table (header row first, CRLF line ends) of the nodes' or the edges' data; columns in first-seen order. */
export function toCsv(graph: GraphResponse, part: 'nodes' | 'edges'): string {
  const items = (part === 'nodes' ? graph.nodes : graph.edges).map((x) => x.data as Data);
  const lead = part === 'nodes' ? ['id', 'label', 'kind'] : ['id', 'source', 'target', 'kind'];
  const columns = [...new Set([...lead, ...keysOf(items, new Set())])];
  const lines = [columns.map(csvField).join(',')];
  for (const d of items) lines.push(columns.map((c) => csvField(d[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
