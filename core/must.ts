/**
 * The value, or an error naming what was missing. For an index or a lookup whose absence would be a bug in this
 * code (not bad input, which gets a ValidationError with the field's name instead).
 */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`Internal error: ${what} is missing`);
  return value;
}
