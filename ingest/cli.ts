// `npm run ingest -- [options] <file|dir|->...` and `npm run ingest -- arxiv --query Q --max N`.
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from '../db/connect.js';
import { applySchema } from '../db/schema.js';
import { ConfigError, loadConfig } from '../core/config.js';
import type { WritablePaper } from './batch.js';
import { ingest, StrictModeError, type IngestInput, type IngestIssue, type IngestSummary } from './pipeline.js';
import { progressReporter } from './progress.js';
import { SourceFormat } from './record.js';

export const EXIT = { ok: 0, rejected: 1, strict: 2, fatal: 3 } as const;

const USAGE = `Usage: npm run ingest -- [options] <file|dir|->...
       npm run ingest -- arxiv --query "au:Truhn" [--max 500]

Options:
  --format <f>            listing | arxiv-jsonl | arxiv-atom | openalex | bibtex (default: detected from content)
  --dry-run               parse, validate and extract topics; write nothing
  --json                  with --dry-run: one JSON object per paper on stdout
  --strict                stop at the first bad record (exit 2)
  --report <file>         write rejected records as JSON lines
  --batch-size <n>        papers per write transaction (default 2000)
  --topics-per-paper <n>  at most n extracted topics per paper (default 8)
  --listing-date <date>   YYYY-MM-DD used to infer missing years in listings (default: today)
  --bulk                  first load through Neo4j's importer (offline; built-in database must be empty, see README)
  --replace --yes         with --bulk: replace a non-empty built-in database
  --bulk-finish <dir>     after a remote --bulk import: apply schema, migrations and merge suggestions

Exit codes: 0 all ingested, 1 some records rejected (the rest written), 2 stopped by --strict, 3 could not run.`;

/** The dry-run JSON shape of one paper (documented in the README). */
export function dryRunJson(p: WritablePaper): Record<string, unknown> {
  const r = p.record;
  return {
    id: r.id,
    title: r.title,
    authors: r.authors.map((a) => a.asWritten),
    authorsTruncated: r.authorsTruncated,
    categories: r.categories,
    primaryCategory: r.categories[0] ?? null,
    published: r.published,
    datePrecision: r.datePrecision,
    hasCode: r.hasCode,
    abstract: r.abstract,
    topics: p.topics.map((t) => t.name),
    ...(r.doi ? { doi: r.doi } : {}),
    ...(r.url ? { url: r.url } : {}),
  };
}

/** Expands directories into their files (sorted, non-recursive into hidden folders); '-' is standard input. */
export function expandInputs(args: string[]): IngestInput[] {
  const out: IngestInput[] = [];
  for (const a of args) {
    if (a === '-') {
      out.push({ path: '-' });
      continue;
    }
    if (!existsSync(a)) throw new Error(`${a}: no such file or directory`);
    if (statSync(a).isDirectory()) {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true })
          .filter((e) => !e.name.startsWith('.'))
          .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      out.push(...walk(a).sort().map((p) => ({ path: p })));
    } else out.push({ path: a });
  }
  return out;
}

function summaryLines(s: IngestSummary): string[] {
  const w = s.written;
  const cm = (x: { created: number; matched: number }) => `${x.created} created, ${x.matched} matched`;
  const secs = s.elapsedMs / 1000;
  const lines = [
    `${s.records} papers parsed, ${s.rejected} rejected, ${s.warnings} warnings in ${secs.toFixed(1)} s (${Math.round(s.records / Math.max(secs, 0.001))} papers/s)`,
  ];
  if (!s.dryRun) {
    lines.push(
      `papers: ${cm(w.papers)}; authors: ${cm(w.authors)}; categories: ${cm(w.categories)}; topics: ${cm(w.topics)}`,
      `authorship edges: ${w.authored}; citations: ${w.citations} (${w.stubs} cited works not in the graph); merge suggestions: ${w.suggestions}`,
    );
  } else lines.push('dry run: nothing was written');
  return lines;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        strict: { type: 'boolean' },
        report: { type: 'string' },
        'batch-size': { type: 'string' },
        'topics-per-paper': { type: 'string' },
        'listing-date': { type: 'string' },
        query: { type: 'string' },
        max: { type: 'string' },
        bulk: { type: 'boolean' },
        replace: { type: 'boolean' },
        yes: { type: 'boolean' },
        'bulk-finish': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return EXIT.fatal;
  }
  const { values: o, positionals } = parsed;
  if (o['bulk-finish'] !== undefined && !o.help) {
    const { runBulkFinish } = await import('./bulk/cli.js');
    try {
      return await runBulkFinish(o['bulk-finish'], loadConfig());
    } catch (err) {
      process.stderr.write(`ingest --bulk-finish: ${(err as Error).message}\n`);
      return EXIT.fatal;
    }
  }
  if (o.help || positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return o.help ? EXIT.ok : EXIT.fatal;
  }
  const int = (name: string, v: string | undefined, min: number): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number >= ${min}, got '${v}'`);
    return n;
  };

  const issues: IngestIssue[] = [];
  const report = o.report ? createWriteStream(o.report) : null;
  const progress = progressReporter(process.stderr);
  let connection: Awaited<ReturnType<typeof connect>> | null = null;
  try {
    const format = o.format === undefined ? undefined : SourceFormat.parse(o.format);
    if (o['listing-date'] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o['listing-date'])) {
      throw new Error(`--listing-date must be YYYY-MM-DD, got '${o['listing-date']}'`);
    }
    const batchSize = int('batch-size', o['batch-size'], 1);
    const topicsPerPaper = int('topics-per-paper', o['topics-per-paper'], 0);
    const dryRun = o['dry-run'] === true;

    let inputs: IngestInput[];
    if (positionals[0] === 'arxiv') {
      if (!o.query) throw new Error('arxiv: --query is required, e.g. --query "au:Truhn"');
      const { fetchArxivToFile } = await import('./sources/arxiv-api.js');
      const max = int('max', o.max, 1) ?? 100;
      const file = await fetchArxivToFile(o.query, max, (msg: string) => process.stderr.write(`${msg}\n`));
      inputs = [{ path: file }];
    } else inputs = expandInputs(positionals);

    if (o.bulk) {
      if (dryRun) throw new Error('--bulk and --dry-run cannot be combined (use --dry-run alone to check the input)');
      if (inputs.some((i) => i.path === '-')) throw new Error('--bulk needs files (standard input cannot be sized for the disk check)');
      const { runBulkCli } = await import('./bulk/cli.js');
      return await runBulkCli(inputs, loadConfig(), {
        format,
        listingDate: o['listing-date'],
        batchSize,
        topicsPerPaper,
        strict: o.strict === true,
        replace: o.replace === true,
        yes: o.yes === true,
        argv,
        onIssue: (i) => {
          issues.push(i);
          process.stderr.write(`${i.at.file}:${i.at.line}: ${i.kind === 'warning' ? 'warning: ' : ''}${i.message}\n`);
          if (i.kind === 'reject') report?.write(`${JSON.stringify({ file: i.at.file, line: i.at.line, reason: i.message })}\n`);
        },
      });
    }

    if (!dryRun) {
      const config = loadConfig();
      connection = await connect(config, (l) => process.stderr.write(`${l}\n`));
      await applySchema(connection.graph);
    }
    const summary = await ingest(inputs, connection?.graph ?? null, {
      format,
      listingDate: o['listing-date'],
      batchSize,
      topicsPerPaper,
      dryRun,
      strict: o.strict === true,
      onProgress: progress.update,
      onIssue: (i) => {
        issues.push(i);
        process.stderr.write(`${i.at.file}:${i.at.line}: ${i.kind === 'warning' ? 'warning: ' : ''}${i.message}\n`);
        if (i.kind === 'reject') report?.write(`${JSON.stringify({ file: i.at.file, line: i.at.line, reason: i.message })}\n`);
      },
      onPaper: dryRun && o.json ? (p) => process.stdout.write(`${JSON.stringify(dryRunJson(p))}\n`) : undefined,
    });
    progress.done();
    for (const l of summaryLines(summary)) process.stderr.write(`${l}\n`);
    return summary.rejected > 0 ? EXIT.rejected : EXIT.ok;
  } catch (err) {
    progress.done();
    if (err instanceof StrictModeError) {
      process.stderr.write(`--strict: stopped at the first bad record, nothing was written.\n`);
      return EXIT.strict;
    }
    const msg = err instanceof ConfigError ? err.message : (err as Error).message;
    process.stderr.write(`ingest: ${msg}\n`);
    return EXIT.fatal;
  } finally {
    report?.end();
    await connection?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('ingest/cli.ts')) {
  // `… --json | head` closes stdout early: that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
