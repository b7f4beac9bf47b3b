// Small PaperRecords for unit tests of the write path (batch building, the writer).
import type { PaperRecord } from '../../ingest/record.js';

/** A valid listing record with the given id and authors (each name written as given); `extra` overrides fields. */
export function paperRecord(id: string, authors: string[], extra: Partial<PaperRecord> = {}): PaperRecord {
  return {
    id,
    title: `Title ${id}`,
    abstract: 'Abstract.',
    published: '2024-05-10',
    year: 2024,
    datePrecision: 'day',
    hasCode: false,
    source: 'listing',
    authors: authors.map((n) => ({ asWritten: n, name: n })),
    authorsTruncated: false,
    categories: ['cs.CV'],
    sourceTopics: [],
    cites: [],
    ...extra,
  };
}
