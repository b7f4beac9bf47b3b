// Test helpers for source parsers: collect events, split them by kind, fixture paths.
import path from 'node:path';
import type { PaperRecord, ParseEvent } from '../../../ingest/record.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** The sample listing `npm start` loads; the listing parser's tests read this one copy. */
export const SAMPLE_LISTING = path.resolve(import.meta.dirname, '../../../data/samples/group-listing.txt');

/** Absolute path of a fixture, e.g. fixture('bibtex/zbmath-47.bib'); the sample listing is SAMPLE_LISTING. */
export function fixture(rel: string): string {
  return path.join(FIXTURES, rel);
}

/** Drain an event generator. */
export async function collect(gen: AsyncIterable<ParseEvent>): Promise<ParseEvent[]> {
  const out: ParseEvent[] = [];
  for await (const e of gen) out.push(e);
  return out;
}

export interface Split {
  records: PaperRecord[];
  recordEvents: Extract<ParseEvent, { kind: 'record' }>[];
  rejects: Extract<ParseEvent, { kind: 'reject' }>[];
  warnings: Extract<ParseEvent, { kind: 'warning' }>[];
}

/** Collect and split by kind. */
export async function run(gen: AsyncIterable<ParseEvent>): Promise<Split> {
  const events = await collect(gen);
  const recordEvents = events.filter((e): e is Extract<ParseEvent, { kind: 'record' }> => e.kind === 'record');
  return {
    records: recordEvents.map((e) => e.record),
    recordEvents,
    rejects: events.filter((e): e is Extract<ParseEvent, { kind: 'reject' }> => e.kind === 'reject'),
    warnings: events.filter((e): e is Extract<ParseEvent, { kind: 'warning' }> => e.kind === 'warning'),
  };
}
