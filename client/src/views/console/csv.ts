// The console's CSV: the shared builder (graph/csv.ts) without formula protection, so every value round-trips exactly.
import { csvField as field, toCsv as table, type CsvOptions } from '../../graph/csv.js';

export { cellText } from '../../graph/csv.js';

const EXACT: CsvOptions = { protectFormulas: false };

/** One field, quoted (with quotes doubled) only when RFC 4180 requires it. */
export const csvField = (value: unknown): string => field(value, EXACT);

/** The whole table with a header record, every record CRLF-terminated. */
export const toCsv = (columns: readonly string[], rows: readonly (readonly unknown[])[]): string => table(columns, rows, EXACT);
