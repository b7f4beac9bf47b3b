// The small file the curation tests ingest. Under the identity model (ingest/identity) a pair is suggested
// (MAYBE_SAME_AS) only when the evidence is ambiguous; two loose spellings of one name with no other evidence are
// neither joined nor suggested. So both pairs here are an initial-only spelling against a full given name that
// shares one co-author (the model needs two to join): "K. Bressem" / "Keno K. Bressem" (same field and year, ranks
// first) and "H. Häntze" / "Hartmut Haentze" (also a transliteration; another field and year, ranks second). A third
// paper of Keno K. Bressem is in another field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const KENO = 'name:keno k bressem';
export const K = 'name:k bressem';
export const HAENTZE = 'name:hartmut haentze';
export const HAENTZE2 = 'name:h hantze';
/** The Haentze suggestion's pair, lower id first (as stored and as in the review item id `variant:<a>|<b>`). */
export const HAENTZE_PAIR = [HAENTZE, HAENTZE2].sort().join('|');

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
      rec('2101.00003', [['Häntze', 'H.', ''], ['Makowski', 'Marcus R.', '']], 'Paper three', 'physics.med-ph', 2019),
      rec('2101.00004', [['Haentze', 'Hartmut', ''], ['Makowski', 'Marcus R.', '']], 'Paper four'),
      rec('2101.00005', [['Bressem', 'Keno K.', ''], ['Truhn', 'Daniel', '']], 'Paper five about radiology', 'eess.IV', 2022),
    ].join('\n'),
  );
  return file;
}

