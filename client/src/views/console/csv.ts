// Pure: a result table → CSV text (RFC 4180: CRLF records, fields quoted when they contain a quote, comma or line break).

/** The text of one cell: empty for null, JSON for nodes, lists and maps, so the file keeps every value. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** One field, quoted (with quotes doubled) only when RFC 4180 requires it. */
export function csvField(value: unknown): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The whole table with a header record. Records end with CRLF, including the last one, as RFC 4180 allows; spreadsheet
 * programs then open it without a stray empty line or a missing final newline.
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const records = [columns, ...rows].map((r) => r.map(csvField).join(','));
  return records.map((r) => `${r}\r\n`).join('');
}
