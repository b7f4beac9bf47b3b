// Console history: most recent first, no duplicates, capped, and tolerant of whatever localStorage holds.
import { describe, expect, it } from 'vitest';
import {
  HISTORY_KEY,
  type HistoryEntry,
  loadHistory,
  parseHistory,
  pushHistory,
  saveHistory,
} from '../../../../client/src/views/console/history.js';

const e = (query: string, at: number, params = ''): HistoryEntry => ({ query, params, at });

describe('pushHistory', () => {
  it('puts the newest run first', () => {
    expect(pushHistory([e('A', 1)], e('B', 2)).map((x) => x.query)).toEqual(['B', 'A']);
  });

  it('moves a repeated query to the top instead of listing it twice (whitespace around it does not matter)', () => {
    const list = pushHistory([e('B', 2), e('A', 1)], e('  A\n', 3));
    expect(list).toEqual([e('  A\n', 3), e('B', 2)]);
  });

  it('keeps the same query with different parameters as separate entries', () => {
    expect(pushHistory([e('Q', 1, '{"a":1}')], e('Q', 2, '{"a":2}'))).toHaveLength(2);
  });

  it('caps the list, dropping the oldest', () => {
    let list: HistoryEntry[] = [];
    for (let i = 0; i < 7; i++) list = pushHistory(list, e(`Q${i}`, i), 5);
    expect(list.map((x) => x.query)).toEqual(['Q6', 'Q5', 'Q4', 'Q3', 'Q2']);
  });

  it('ignores blank queries and does not mutate its input', () => {
    const list = [e('A', 1)];
    expect(pushHistory(list, e('   ', 2))).toEqual(list);
    pushHistory(list, e('B', 3));
    expect(list).toEqual([e('A', 1)]);
  });
});

describe('parseHistory', () => {
  it('drops anything that is not a list of well-formed entries', () => {
    expect(parseHistory(null)).toEqual([]);
    expect(parseHistory('not json')).toEqual([]);
    expect(parseHistory('{"query":"A"}')).toEqual([]);
    expect(parseHistory(JSON.stringify([e('A', 1), { query: 3 }, null, { query: '' }, { query: 'B' }]))).toEqual([e('A', 1), e('B', 0)]);
  });

  it('removes duplicates and applies the cap to stored lists too', () => {
    expect(parseHistory(JSON.stringify([e('A', 2), e('A', 1), e('B', 0), e('C', 0)]), 2)).toEqual([e('A', 2), e('B', 0)]);
  });
});

describe('loadHistory / saveHistory', () => {
  it('round-trips through a Storage', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveHistory(storage, [e('A', 1)]);
    expect(store.has(HISTORY_KEY)).toBe(true);
    expect(loadHistory(storage)).toEqual([e('A', 1)]);
  });

  it('survives storage that throws or is missing', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadHistory(broken)).toEqual([]);
    expect(() => saveHistory(broken, [e('A', 1)])).not.toThrow();
    expect(loadHistory(undefined)).toEqual([]);
  });
});
