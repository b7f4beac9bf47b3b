// Pure (no DOM, no Node APIs): graph data as GraphML and tables as CSV, for the server's /api/export/graph and the
// client's map, overview and console downloads alike, so a file means the same whichever side wrote it.

/** One element's data: a Cytoscape node's or edge's `data` (GraphResponse, or a drawn map's elements). */
export type ElementData = Record<string, unknown>;

/** Nodes and edges as their data objects; edges carry `source` and `target`. */
export interface GraphData {
  nodes: readonly ElementData[];
  edges: readonly ElementData[];
}

// XML 1.0 cannot carry these even escaped (control characters, lone surrogates, U+FFFE/FFFF): they are dropped.
const XML_INVALID = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML attribute values and element content (all five specials, so it is safe in either quote). */
export function xmlEscape(value: string): string {
  return value
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * One value as text: empty for null/undefined, JSON for lists and maps. JSON rather than joining lists with `;`:
 * it is unambiguous (an id may hold a `;`), tells a list from a string, and keeps nested values (console properties).
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------------------------------
// GraphML

type GraphmlType = 'boolean' | 'long' | 'double' | 'string';

/**
 * The narrowest GraphML type holding every present value: `long` when all are safe integers (counts, years), `double`
 * as soon as one is fractional (fractional co-author weights, topic scores), so Gephi and yEd sort and scale numbers
 * as numbers; `string` for text, lists, maps and mixed fields.
 */
function graphmlType(values: unknown[]): GraphmlType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return 'string';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => Number.isSafeInteger(v))) return 'long';
  if (present.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'double';
  return 'string';
}

/** Data keys in first-seen order, without `skip`. */
function keysOf(items: readonly ElementData[], skip: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const d of items) for (const k of Object.keys(d)) if (!skip.includes(k)) keys.add(k);
  return [...keys];
}

/**
 * GraphML 1.0 with one typed `<key for="node|edge" attr.name attr.type>` per data field, which Gephi, yEd, Cytoscape
 * desktop and networkx read. Key ids are `n_<field>` / `e_<field>` (the ids the server's export has always used, so
 * scripts reading its files keep working). Undirected: co-authorship and co-occurrence are symmetric; bipartite
 * HAS_TOPIC edges keep paper → topic as source → target. Null and undefined values are left out.
 */
export function toGraphml(graph: GraphData, graphId = 'G'): string {
  const parts = [
    { tag: 'node', scope: 'n', items: graph.nodes, keys: keysOf(graph.nodes, ['id']) },
    { tag: 'edge', scope: 'e', items: graph.edges, keys: keysOf(graph.edges, ['id', 'source', 'target']) },
  ] as const;
  const attr = (v: unknown) => `"${xmlEscape(cellText(v))}"`;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const { tag, scope, items, keys } of parts) {
    for (const k of keys) {
      const type = graphmlType(items.map((d) => d[k]));
      out.push(`  <key id=${attr(`${scope}_${k}`)} for="${tag}" attr.name=${attr(k)} attr.type="${type}"/>`);
    }
  }
  out.push(`  <graph id=${attr(graphId)} edgedefault="undirected">`);
  for (const { tag, scope, items, keys } of parts) {
    for (const d of items) {
      const ends = tag === 'edge' ? ` source=${attr(d.source)} target=${attr(d.target)}` : '';
      out.push(`    <${tag} id=${attr(d.id)}${ends}>`);
      for (const k of keys) {
        if (d[k] !== null && d[k] !== undefined) out.push(`      <data key=${attr(`${scope}_${k}`)}>${xmlEscape(cellText(d[k]))}</data>`);
      }
      out.push(`    </${tag}>`);
    }
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------------
// CSV (RFC 4180: CRLF after every record, fields quoted only when they hold a quote, comma or line break, quotes doubled)

export interface CsvOptions {
  /**
   * Prefix an apostrophe to text cells a spreadsheet would run as a formula (default true). The Cypher console turns
   * it off: its CSV round-trips every value exactly.
   */
  protectFormulas?: boolean;
}

// OWASP's CSV-injection set: = + - @, tab and carriage return. Only text cells are prefixed: numbers are written from
// number values and never start a formula, so a negative count or coordinate stays a number.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted (with quotes doubled) only when RFC 4180 requires it. */
export function csvField(value: unknown, { protectFormulas = true }: CsvOptions = {}): string {
  const text = cellText(value);
  const safe = protectFormulas && typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A table with a header record. Every record ends with CRLF, the last one too, as RFC 4180 allows; spreadsheet programs
 * then open it without a stray empty line or a missing final newline.
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[], options: CsvOptions = {}): string {
  return [columns, ...rows].map((r) => `${r.map((v) => csvField(v, options)).join(',')}\r\n`).join('');
}

/** Rows of objects as a table of `columns` (missing values empty). */
export function recordsCsv(records: readonly Record<string, unknown>[], columns: readonly string[], options: CsvOptions = {}): string {
  return toCsv(columns, records.map((r) => columns.map((c) => r[c])), options);
}

/**
 * The nodes' or the edges' data as one table: `id, label, kind` (nodes) or `id, source, target, kind` (edges) first,
 * then every other field in first-seen order.
 */
export function graphCsv(items: readonly ElementData[], part: 'nodes' | 'edges'): string {
  const lead = part === 'nodes' ? ['id', 'label', 'kind'] : ['id', 'source', 'target', 'kind'];
  return recordsCsv(items, [...lead, ...keysOf(items, lead)]);
}
