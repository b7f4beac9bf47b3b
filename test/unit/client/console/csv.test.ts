// CSV export follows RFC 4180: CRLF records, quoting only where needed, quotes doubled, every value kept.
import { describe, expect, it } from 'vitest';
import { cellText, csvField, toCsv } from '../../../../client/src/views/console/csv.js';

describe('csvField', () => {
  it('leaves plain text, numbers and booleans unquoted', () => {
    expect(csvField('Ziller')).toBe('Ziller');
    expect(csvField(42)).toBe('42');
    expect(csvField(2.5)).toBe('2.5');
    expect(csvField(false)).toBe('false');
    expect(csvField(12345678901234567890n)).toBe('12345678901234567890');
  });

  it('quotes fields with commas, quotes, CR or LF and doubles inner quotes', () => {
    expect(csvField('Knolle, Moritz')).toBe('"Knolle, Moritz"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('writes null as an empty field and keeps leading/trailing spaces as they are', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('  padded ')).toBe('  padded ');
  });

  it('serialises nodes, lists and maps as JSON (quoted, since JSON has commas and quotes)', () => {
    expect(cellText([1, 2])).toBe('[1,2]');
    expect(csvField({ id: 'a1', labels: ['Author'] })).toBe('"{""id"":""a1"",""labels"":[""Author""]}"');
  });
});

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated record per row', () => {
    expect(toCsv(['name', 'papers'], [['Ziller', 2], ['Knolle, M.', 3]])).toBe('name,papers\r\nZiller,2\r\n"Knolle, M.",3\r\n');
  });

  it('writes just the header for an empty result', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });

  it('round-trips through a strict RFC 4180 reader', () => {
    const rows = [['x,y', 'he said "no"', 'multi\r\nline', null, 7]];
    const parsed = parseCsv(toCsv(['c1', 'c2', 'c3', 'c4', 'c5'], rows));
    expect(parsed).toEqual([['c1', 'c2', 'c3', 'c4', 'c5'], ['x,y', 'he said "no"', 'multi\r\nline', '', '7']]);
  });
});

/** A minimal RFC 4180 reader for the round trip (records end with CRLF). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
        else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else while (i < text.length && text[i] !== ',' && text[i] !== '\r') field += text[i++];
    record.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return records;
}
