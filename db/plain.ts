// The one place where Neo4j driver types (Integer, temporal values, Node, Relationship, Path) become plain JSON.
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isNode, isPath, isRelationship, isTime } from 'neo4j-driver';
import type { Node, Path, Record as Neo4jRecord, Relationship } from 'neo4j-driver';

export interface PlainNode {
  kind: 'node';
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface PlainRelationship {
  kind: 'relationship';
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: Record<string, unknown>;
}
export interface PlainPath {
  kind: 'path';
  nodes: PlainNode[];
  relationships: PlainRelationship[];
}

function plainNode(n: Node): PlainNode {
  return { kind: 'node', elementId: n.elementId, labels: [...n.labels], properties: toPlainRecord(n.properties) };
}

function plainRel(r: Relationship): PlainRelationship {
  return {
    kind: 'relationship',
    elementId: r.elementId,
    type: r.type,
    startElementId: r.startNodeElementId,
    endElementId: r.endNodeElementId,
    properties: toPlainRecord(r.properties),
  };
}

function plainPath(p: Path): PlainPath {
  const nodes: PlainNode[] = [plainNode(p.start)];
  const relationships: PlainRelationship[] = [];
  for (const seg of p.segments) {
    relationships.push(plainRel(seg.relationship));
    nodes.push(plainNode(seg.end));
  }
  return { kind: 'path', nodes, relationships };
}

function toPlainRecord(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = toPlain(v);
  return out;
}

/**
 * Converts any value returned by the driver into JSON-safe data: integers become numbers (strings beyond 2^53, so no
 * value is silently rounded), temporal values ISO strings, graph entities tagged objects.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Fast paths first: most values are strings, numbers and lists (ids, names); only objects can be driver types.
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isInt(value)) {
    const i = value as ReturnType<typeof neo4j.int>;
    return i.inSafeRange() ? i.toNumber() : i.toString();
  }
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (isNode(value)) return plainNode(value);
  if (isRelationship(value)) return plainRel(value);
  if (isPath(value)) return plainPath(value);
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return String(value);
  }
  if (typeof value === 'object') return toPlainRecord(value as Record<string, unknown>);
  return value;
}

/** One result record as plain JSON, keyed by column: what a query's rows are parsed from. */
export function plainRow(record: Neo4jRecord): Record<string, unknown> {
  return toPlainRecord(record.toObject());
}
