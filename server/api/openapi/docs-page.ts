// Renders an OpenAPI document as one self-contained HTML page (no scripts, no CDN): paths, parameters and schemas.

/** The parts of JSON Schema (as zod-to-openapi emits it for OpenAPI 3.1) that the page shows. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
}

export interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

export interface OpenApiOperation {
  summary?: string;
  description?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** Deeper than any schema of this API; stops a self-referencing schema from recursing forever. */
const MAX_DEPTH = 16;

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A stable, attribute-safe anchor for an operation or schema name. */
function anchor(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

function refName(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

/** Bounds, length limits and defaults of a schema as short text: "1–50, default 10". */
function constraints(s: JsonSchema): string {
  const out: string[] = [];
  if (s.minimum !== undefined || s.maximum !== undefined) out.push(`${s.minimum ?? ''}–${s.maximum ?? ''}`);
  if (s.minLength !== undefined || s.maxLength !== undefined) out.push(`length ${s.minLength ?? 0}–${s.maxLength ?? '∞'}`);
  if (s.minItems !== undefined) out.push(`at least ${s.minItems}`);
  if (s.format) out.push(s.format);
  if (s.pattern) out.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out.join(', ');
}

/** Whether a schema renders as `a | b` at its top level (an array of it then needs parentheses). */
function isUnion(s: JsonSchema | undefined): boolean {
  if (!s || s.$ref) return false;
  if ((s.anyOf ?? s.oneOf ?? []).length > 1 || (s.enum ?? []).length > 1) return true;
  return Array.isArray(s.type) && s.type.length > 1;
}

/**
 * A schema as a TypeScript-like outline in HTML (`{ id: string; year: integer | null }`), with references as links to
 * the schema section. `indent` is the current line's indentation.
 */
export function schemaHtml(s: JsonSchema | undefined, indent = '', depth = 0): string {
  if (!s) return 'unknown';
  if (depth > MAX_DEPTH) return '…';
  if (s.$ref) {
    const name = refName(s.$ref);
    return `<a href="#${anchor('schema', name)}">${esc(name)}</a>`;
  }
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map((x) => schemaHtml(x, indent, depth + 1)).join(' | ');
  if (s.allOf) return s.allOf.map((x) => schemaHtml(x, indent, depth + 1)).join(' &amp; ');
  if (s.enum) return s.enum.map((v) => esc(JSON.stringify(v))).join(' | ');
  if (s.const !== undefined) return esc(JSON.stringify(s.const));

  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const nullable = types.includes('null');
  const main = types.filter((t) => t !== 'null');
  let body: string;
  if (s.properties || main.includes('object')) {
    body = objectHtml(s, indent, depth);
  } else if (main.includes('array')) {
    if (s.prefixItems) {
      body = `[${s.prefixItems.map((x) => schemaHtml(x, indent, depth + 1)).join(', ')}]`;
    } else {
      const item = schemaHtml(s.items, indent, depth + 1);
      body = isUnion(s.items) ? `(${item})[]` : `${item}[]`;
    }
  } else {
    body = main.length > 0 ? main.map(esc).join(' | ') : 'unknown';
  }
  return nullable ? `${body} | null` : body;
}

function objectHtml(s: JsonSchema, indent: string, depth: number): string {
  const props = Object.entries(s.properties ?? {});
  if (props.length === 0) {
    if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      return `{ [key: string]: ${schemaHtml(s.additionalProperties, indent, depth + 1)} }`;
    }
    return s.additionalProperties === false ? '{}' : '{ [key: string]: unknown }';
  }
  const required = new Set(s.required ?? []);
  const inner = `${indent}  `;
  const lines = props.map(([key, value]) => {
    const note = [value.description, constraints(value)].filter(Boolean).join('; ');
    const comment = note ? ` <span class="note">// ${esc(note)}</span>` : '';
    return `${inner}${esc(key)}${required.has(key) ? '' : '?'}: ${schemaHtml(value, inner, depth + 1)}${comment}`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function parametersHtml(params: OpenApiParameter[]): string {
  if (params.length === 0) return '<p class="none">No parameters.</p>';
  const rows = params.map((p) => {
    const details = p.schema ? constraints(p.schema) : '';
    // The schema description repeats the parameter description; show it once.
    return (
      `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td>` +
      `<td><code>${p.schema ? schemaHtml(p.schema) : 'string'}</code></td>` +
      `<td>${p.required ? 'yes' : 'no'}</td><td>${esc(details)}</td><td>${esc(p.description ?? '')}</td></tr>`
    );
  });
  return (
    '<table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Required</th><th>Limits</th><th>Description</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function contentHtml(content: Record<string, { schema?: JsonSchema }> | undefined): string {
  return Object.entries(content ?? {})
    .map(([type, media]) => `<div class="media">${esc(type)}</div><pre>${schemaHtml(media.schema)}</pre>`)
    .join('');
}

function operationHtml(method: string, path: string, op: OpenApiOperation): string {
  const id = anchor('op', `${method} ${path}`);
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => `<h4><span class="status">${esc(status)}</span> ${esc(r.description ?? '')}</h4>${contentHtml(r.content)}`)
    .join('');
  const body = op.requestBody ? `<h3>Request body</h3>${contentHtml(op.requestBody.content)}` : '';
  return (
    `<section class="op" id="${id}"><h2><span class="method ${esc(method)}">${esc(method.toUpperCase())}</span> ` +
    `<code>${esc(path)}</code></h2>` +
    (op.summary ? `<p class="summary">${esc(op.summary)}</p>` : '') +
    (op.description ? `<p>${esc(op.description)}</p>` : '') +
    `<h3>Parameters</h3>${parametersHtml(op.parameters ?? [])}${body}<h3>Responses</h3>${responses}</section>`
  );
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d232a;background:#fafbfc}
header,main,nav{max-width:1100px;margin:0 auto;padding:0 24px}
header{padding-top:24px}
h1 small{font-weight:normal;color:#5c6670;font-size:.6em}
nav ul{columns:2;padding-left:18px}
section{background:#fff;border:1px solid #dde2e6;border-radius:6px;padding:8px 20px 16px;margin:16px 0}
.method{display:inline-block;min-width:52px;padding:2px 6px;border-radius:4px;color:#fff;font-size:.8em;text-align:center}
.get{background:#2f6fb2}.post{background:#2d8a4e}.put,.patch{background:#a86b00}.delete{background:#b03a2e}
.summary{font-weight:600}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid #e4e8eb;padding:4px 8px;text-align:left;vertical-align:top}
pre{background:#f3f5f7;padding:10px 12px;border-radius:4px;overflow-x:auto;font-size:.88em}
.note{color:#6a737d}
.media{font-size:.85em;color:#5c6670}
.status{font-family:monospace}
.none{color:#6a737d}
`;

/** The whole page: a contents list of operations, one section per operation, then every named schema. */
export function renderDocsPage(doc: OpenApiDoc): string {
  const ops: { method: string; path: string; op: OpenApiOperation }[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) ops.push({ method, path, op });
    }
  }
  const contents = ops
    .map(
      ({ method, path, op }) =>
        `<li><a href="#${anchor('op', `${method} ${path}`)}">${esc(method.toUpperCase())} ${esc(path)}</a>` +
        (op.summary ? ` — ${esc(op.summary)}` : '') +
        '</li>',
    )
    .join('');
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([name, s]) =>
        `<section id="${anchor('schema', name)}"><h3>${esc(name)}</h3>` +
        (s.description ? `<p>${esc(s.description)}</p>` : '') +
        `<pre>${schemaHtml(s)}</pre></section>`,
    )
    .join('');
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(doc.info.title)} reference</title>` +
    `<style>${STYLE}</style></head><body>` +
    `<header><h1>${esc(doc.info.title)} <small>${esc(doc.info.version)} · OpenAPI ${esc(doc.openapi)}</small></h1>` +
    (doc.info.description ? `<p>${esc(doc.info.description)}</p>` : '') +
    '<p>Machine-readable: <a href="openapi.json">openapi.json</a>. Ids in paths are URL-encoded.</p></header>' +
    `<nav><h2>Endpoints</h2><ul>${contents}</ul></nav>` +
    `<main>${ops.map(({ method, path, op }) => operationHtml(method, path, op)).join('')}` +
    `<h2>Schemas</h2>${schemas}</main></body></html>`
  );
}
