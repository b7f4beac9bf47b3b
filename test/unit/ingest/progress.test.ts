import path from 'node:path';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { ingest, type IngestProgress } from '../../../ingest/pipeline.js';
import { formatProgress } from '../../../ingest/progress.js';

describe('ingest progress', () => {
  it('reports bytes read of the known input size during parsing', async () => {
    const file = path.resolve('test/fixtures/arxiv-jsonl/arxiv-sample-200.jsonl');
    const seen: IngestProgress[] = [];
    await ingest([{ path: file }], null, { dryRun: true, nlpWorkers: 0, onProgress: (p) => seen.push(p) });
    const lastParse = must(seen.filter((p) => p.phase === 'parse').pop(), `seen.filter((p) => p.phase === 'parse').pop()`);
    expect(lastParse.bytesTotal).toBe(statSync(file).size);
    expect(lastParse.bytesRead).toBe(statSync(file).size);
    expect(formatProgress(lastParse, 1000)).toMatch(/100%.*ETA/);
  });

  it('has no total (no ETA) for standard input', () => {
    const line = formatProgress({ phase: 'parse', records: 10, written: 0, bytesRead: 500, bytesTotal: null }, 1000);
    expect(line).not.toMatch(/ETA/);
    expect(line).toContain('parsed 10 papers');
  });
});
