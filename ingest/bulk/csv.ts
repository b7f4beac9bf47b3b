// Pure: values and rows in the CSV dialect of `neo4j-admin database import` (comma, double quote, RFC 4180 doubling).
//
// Every string is quoted, so an empty string ("") stays an empty string, while an absent value (null/undefined) is an
// unquoted empty field, which the importer stores as no property: the same as `SET p += {x: null}` in the
// transactional path. Arrays use the importer's array delimiter (';'), each element quoted the same way. The importer
// stores no empty array, so an empty one is written as an absent value (a post-pass restores the ones that matter).

/** The importer's property types used here (header `name:type`). */
export type CsvType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'ID' | 'START_ID' | 'END_ID';

export interface CsvColumn {
  name: string;
  type: CsvType;
  /** For ID/START_ID/END_ID: the id space (node group) the id belongs to. */
  idSpace?: string;
}

export const ARRAY_DELIMITER = ';';

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** True when a value written by {@link csvValue} spans lines (the importer then needs --multiline-fields). */
export function hasLineBreak(s: string): boolean {
  return s.includes('\n') || s.includes('\r');
}

/** One field. Numbers are written in their shortest round-trip form (what Java's Double.parseDouble reads back). */
export function csvValue(value: unknown, type: CsvType): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'long':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Error(`not an integer: ${String(value)}`);
      return String(value);
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`not a finite number: ${String(value)}`);
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string[]': {
      const items = value as string[];
      if (items.length === 0) return '';
      if (items.some((x) => x.includes(ARRAY_DELIMITER))) throw new Error(`array element contains '${ARRAY_DELIMITER}'`);
      return quote(items.join(ARRAY_DELIMITER));
    }
    default:
      return quote(String(value));
  }
}

/** The header line: `name:type` per column (`:ID`, `:START_ID`, `:END_ID` columns carry the id space). */
export function csvHeader(columns: readonly CsvColumn[]): string {
  return columns
    .map((c) => {
      if (c.type === 'ID' || c.type === 'START_ID' || c.type === 'END_ID') {
        return `${c.name}:${c.type}${c.idSpace ? `(${c.idSpace})` : ''}`;
      }
      return `${c.name}:${c.type}`;
    })
    .join(',');
}

/** One data line (without the line break). */
export function csvRow(columns: readonly CsvColumn[], values: readonly unknown[]): string {
  return columns.map((c, i) => csvValue(values[i], c.type === 'ID' || c.type === 'START_ID' || c.type === 'END_ID' ? 'string' : c.type)).join(',');
}
