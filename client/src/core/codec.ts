// Helpers for view parameter codecs: URL strings ↔ typed values, invalid input falling back to defaults.
import { z } from 'zod';

export interface NumberBounds {
  min: number;
  max: number;
  int: boolean;
}

/**
 * The [min, max] of a numeric query-string field of a `schema/` query schema (through its preprocess, default and
 * optional wrappers), so the client accepts in its URL exactly what the server accepts. Throws for a field that is not
 * a bounded number: a schema change then fails the client's tests instead of silently unbounding the URL.
 */
export function numberBounds(schema: z.ZodType): NumberBounds {
  let s: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    if (s instanceof z.ZodPipe) s = s.out as z.ZodType;
    else if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    else break;
  }
  if (!(s instanceof z.ZodNumber)) throw new Error(`numberBounds: not a number schema (${s.constructor.name})`);
  const { minValue, maxValue } = s;
  if (minValue === null || maxValue === null || !Number.isFinite(minValue) || !Number.isFinite(maxValue)) {
    throw new Error('numberBounds: the number schema has no finite min and max');
  }
  return { min: minValue, max: maxValue, int: !!s.isInt };
}

/** An integer in [min, max], or `fallback` when missing or invalid (a hand-edited URL must not break the view). */
export function intParam(params: Record<string, string>, key: string, min: number, max: number, fallback: number): number;
export function intParam(params: Record<string, string>, key: string, min: number, max: number, fallback?: undefined): number | undefined;
export function intParam(params: Record<string, string>, key: string, min: number, max: number, fallback?: number): number | undefined {
  const raw = params[key];
  if (raw === undefined || !/^-?\d+$/.test(raw.trim())) return fallback;
  const n = Number(raw);
  return n < min || n > max ? fallback : n;
}

/** A text value that `schema` (the server's check of that parameter) accepts, trimmed; otherwise undefined. */
export function textParam(params: Record<string, string>, key: string, schema: z.ZodType): string | undefined {
  const raw = params[key]?.trim();
  return raw && schema.safeParse(raw).success ? raw : undefined;
}

/** One of `values`, or `fallback`. */
export function enumParam<T extends string>(params: Record<string, string>, key: string, values: readonly T[], fallback: T): T {
  const raw = params[key];
  return (values as readonly string[]).includes(raw ?? '') ? (raw as T) : fallback;
}

/** A comma-separated list without empties or duplicates, order kept. */
export function listParam(params: Record<string, string>, key: string): string[] {
  const raw = params[key];
  if (!raw) return [];
  return [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
}

/**
 * Writes typed values back: undefined, empty lists and values equal to their default are left out, so the URL only
 * holds what differs from the default view (short, stable links).
 */
export function encodeParams(
  entries: Record<string, string | number | readonly string[] | undefined>,
  defaults: Record<string, string | number | undefined> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(entries)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.length) out[k] = v.join(',');
      continue;
    }
    if (defaults[k] !== undefined && String(defaults[k]) === String(v)) continue;
    const s = String(v);
    if (s !== '') out[k] = s;
  }
  return out;
}
