// Settings: parsed once from process.env with zod; defaults here, no default secrets, fail fast with a readable message.
import path from 'node:path';
import { z } from 'zod';
import { must } from './must.js';

const port = z.coerce.number().int().min(0).max(65535);
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const bool = z.preprocess(
  emptyToUndefined,
  z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => ['1', 'true', 'yes'].includes(v)).optional(),
);

/** Every environment variable PaperGraph reads; README's configuration table mirrors this. */
export const ConfigSchema = z.object({
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  PORT: z.preprocess(emptyToUndefined, port.default(3000)),
  NEO4J_URI: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/.+/, 'must be a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI')
      .optional(),
  ),
  NEO4J_USER: z.preprocess(emptyToUndefined, z.string().default('neo4j')),
  NEO4J_PASSWORD: z.preprocess(emptyToUndefined, z.string().optional()),
  NEO4J_DATABASE: z.preprocess(emptyToUndefined, z.string().optional()),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('.data')),
  NEO4J_BOLT_PORT: z.preprocess(emptyToUndefined, port.default(0)),
  NEO4J_HEAP: z.preprocess(emptyToUndefined, z.string().regex(/^\d+[mMgG]$/, 'like 1g or 768m').default('1g')),
  // Unset: sized from the store and free memory when the built-in Neo4j starts (db/page-cache.ts).
  NEO4J_PAGECACHE: z.preprocess(emptyToUndefined, z.string().regex(/^\d+[mMgG]$/, 'like 512m or 2g').optional()),
  CORS_ORIGIN: z.preprocess(emptyToUndefined, z.string().optional()),
  LOAD_SAMPLE: bool.default(true),
  // Curation writes: one token, or several as `label:token,label:token` (decisions record the label); unset: a random
  // token is generated at start and printed as a sign-in URL. Parsed by adminTokens() below.
  PAPERGRAPH_ADMIN_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((v) => parseAdminTokens(v).every((t) => t.token.length >= MIN_TOKEN_LENGTH), {
        message: `every token must be at least 16 characters (a bare token, or label:token pairs separated by commas)`,
      })
      .optional(),
  ),
});

/** Shortest admin token accepted from the environment. */
export const MIN_TOKEN_LENGTH = 16;

/** A token holder: the label decisions record, and the secret itself. */
export interface AdminToken {
  label: string;
  token: string;
}

/**
 * Splits PAPERGRAPH_ADMIN_TOKEN: `label:token` entries separated by commas, or one bare token (labelled `admin`). A
 * label is letters, digits and `_.@-`; an entry whose part before the first `:` is not such a label is a bare token.
 */
export function parseAdminTokens(value: string): AdminToken[] {
  return value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0)
    .map((entry) => {
      const m = /^([A-Za-z0-9_.@-]{1,64}):(.+)$/.exec(entry);
      return m ? { label: must(m[1], 'the label'), token: must(m[2], 'the token') } : { label: 'admin', token: entry };
    });
}

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string };

/** A configuration problem, reported with the variable's name. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses `env` (default process.env) into a Config or throws a ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(cwd, parsed.data.DATA_DIR) };
}
