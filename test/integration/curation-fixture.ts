// The small file the curation tests ingest: two spellings of one person sharing a co-author (a variant suggestion),
// two transliterations of another name, and a third paper of the first person in another field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const KENO = 'name:keno k bressem';
export const K = 'name:k bressem';
export const HAENTZE = 'name:hartmut haentze';
export const HAENTZE2 = 'name:hartmut hantze';

/** Writes the file (five arXiv JSON lines) into a new temp folder and returns its path. */
export function variantsFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-curation-'));
  const file = path.join(dir, 'variants.jsonl');
  const rec = (id: string, authors: string[][], title: string, cat = 'cs.CV', year = 2021) =>
    JSON.stringify({
      id,
      title,
      abstract: 'A study of segmentation.',
      categories: cat,
      authors: '',
      authors_parsed: authors,
      versions: [{ created: `Mon, 4 Jan ${year} 00:00:00 GMT` }],
    });
  writeFileSync(
    file,
    [
      rec('2101.00001', [['Bressem', 'Keno K.', ''], ['Adams', 'Lisa C.', '']], 'Paper one about segmentation'),
      rec('2101.00002', [['Bressem', 'K.', ''], ['Adams', 'Lisa C.', '']], 'Paper two about segmentation'),
      rec('2101.00003', [['Häntze', 'Hartmut', '']], 'Paper three'),
      rec('2101.00004', [['Haentze', 'Hartmut', '']], 'Paper four'),
      rec('2101.00005', [['Bressem', 'Keno K.', ''], ['Truhn', 'Daniel', '']], 'Paper five about radiology', 'eess.IV', 2022),
    ].join('\n'),
  );
  return file;
}

