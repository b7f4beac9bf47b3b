// Pure: tables → CSV text (RFC 4180: CRLF after every record, fields quoted only when they contain a quote, comma or
// line break, quotes doubled). One builder for the map/overview exports and the Cypher console.

export interface CsvOptions {
  /**
   * Prefix a quote to string cells starting with =, +, - or @, so spreadsheets show them as text instead of evaluating
   * them (default true). The console turns it off: its CSV round-trips every value exactly.
   */
  protectFormulas?: boolean;
}

/** The text of one cell: empty for null, JSON for nodes, lists and maps, so the file keeps every value. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** One field, quoted (with quotes doubled) only when RFC 4180 requires it. */
export function csvField(value: unknown, { protectFormulas = true }: CsvOptions = {}): string {
  const text = cellText(value);
  const safe = protectFormulas && typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The whole table with a header record. Records end with CRLF, including the last one, as RFC 4180 allows; spreadsheet
 * programs then open it without a stray empty line or a missing final newline.
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[], options: CsvOptions = {}): string {
  return [columns, ...rows].map((r) => `${r.map((v) => csvField(v, options)).join(',')}\r\n`).join('');
}
