// The console's CSV: the shared builder (shared/graph-formats.ts) without formula protection, so every value round-trips.
import { toCsv as table } from '../../../../shared/graph-formats.js';

/** The whole table with a header record, every record CRLF-terminated, values exactly as returned. */
export const toCsv = (columns: readonly string[], rows: readonly (readonly unknown[])[]): string =>
  table(columns, rows, { protectFormulas: false });
