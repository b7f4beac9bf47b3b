// Pure planning of identity decisions: whether a decision fits the persons as they are, undo rules, split ids, the
// stored form, and the per-entry checks of an import file.
import { describe, expect, it } from 'vitest';
import {
  decisionOf,
  decisionProps,
  newDecision,
  parseDecisionFile,
  type PersonState,
  planDecision,
  planUndo,
  splitPersonId,
} from '../../../ingest/identity/decisions.js';
import type { Decision } from '../../../schema/curation.js';

const AT = '2026-12-03T12:00:00.000Z';
const person = (id: string): PersonState => ({ id, isAuthor: true, name: id.slice(5), redirectTo: null });
const retired = (id: string, to: string): PersonState => ({ id, isAuthor: false, name: null, redirectTo: to });
const state = (...s: PersonState[]) => new Map(s.map((p) => [p.id, p]));
const merge = (keep: string, retire: string): Decision => ({ kind: 'merge', id: 'd1', keep, retire, at: AT, by: 'alice', why: '', undone: null });

describe('planDecision', () => {
  it('applies a merge of two persons', () => {
    expect(planDecision(merge('name:a', 'name:b'), state(person('name:a'), person('name:b')))).toEqual({ status: 'apply' });
  });

  it('refuses a person merged into itself, naming the second field', () => {
    expect(planDecision(merge('name:a', 'name:a'), state(person('name:a')))).toMatchObject({ status: 'conflict', field: 'retire' });
  });

  it('refuses a retired id, saying where it redirects', () => {
    const plan = planDecision(merge('name:a', 'name:b'), state(person('name:a'), retired('name:b', 'name:c')));
    expect(plan).toMatchObject({ status: 'conflict', field: 'retire' });
    expect(plan.status === 'conflict' && plan.message).toMatch(/redirects to 'name:c'/);
  });

  it('keeps a decision on persons not in the graph as pending', () => {
    expect(planDecision(merge('name:a', 'name:b'), state(person('name:a')))).toEqual({ status: 'pending', missing: ['name:b'] });
  });

  it('checks a split’s person only', () => {
    const d = newDecision({ kind: 'split', person: 'name:a', papers: ['p1', 'p1', 'p2'], why: '' }, { id: 'd9', at: AT, by: 'bob' }, 'A Person');
    expect(d).toMatchObject({ kind: 'split', papers: ['p1', 'p2'], newName: 'A Person', newId: splitPersonId('name:a', 'd9') });
    expect(planDecision(d, state(person('name:a')))).toEqual({ status: 'apply' });
    expect(planDecision(d, state(retired('name:a', 'name:z')))).toMatchObject({ status: 'conflict', field: 'person' });
  });
});

describe('planUndo', () => {
  it('refuses an undone decision and one a later decision rests on', () => {
    const d = merge('name:a', 'name:b');
    expect(planUndo(d, 'active', null)).toEqual({ status: 'apply' });
    expect(planUndo(d, 'undone', null)).toMatchObject({ status: 'conflict', field: 'id' });
    const later = planUndo(d, 'active', { id: 'd7', kind: 'split' });
    expect(later.status === 'conflict' && later.message).toMatch(/later split decision 'd7'/);
  });
});

describe('split ids and the stored form', () => {
  it('derives a stable, distinct id for a split’s new person', () => {
    expect(splitPersonId('name:wei wang', 'd1')).toBe(splitPersonId('name:wei wang', 'd1'));
    expect(splitPersonId('name:wei wang', 'd1')).not.toBe(splitPersonId('name:wei wang', 'd2'));
    expect(splitPersonId('name:wei wang', 'd1')).toMatch(/^name:wei wang~split-[0-9a-z]+$/);
  });

  it('stores and reads back a decision, undone or not', () => {
    const d: Decision = { ...merge('name:a', 'name:b'), undone: { at: AT, by: 'bob', why: 'oops' } };
    const props = decisionProps(d, 4, { importedBy: 'carol' });
    expect(props).toMatchObject({ seq: 4, status: 'undone', undoneBy: 'bob', importedBy: 'carol', keep: 'name:a' });
    expect(props).not.toHaveProperty('undone');
    expect(decisionOf(props)).toEqual(d);
    const s = newDecision({ kind: 'split', person: 'name:a', papers: ['p1'], why: 'w' }, { id: 'd2', at: AT, by: 'bob' }, null);
    expect(decisionOf(decisionProps(s, 1))).toEqual(s);
  });
});

describe('parseDecisionFile', () => {
  const good = { kind: 'reject', id: 'x1', a: 'name:a', b: 'name:b', at: AT, by: 'alice', why: '' };

  it('names a bad envelope field and checks no entry', () => {
    expect(parseDecisionFile({ format: 'other', version: 1, decisions: [] }).envelope).toMatchObject({ field: 'format' });
    expect(parseDecisionFile({ format: 'papergraph-identity-decisions', version: 1 }).envelope).toMatchObject({ field: 'decisions' });
    expect(parseDecisionFile(null).envelope).not.toBeNull();
  });

  it('keeps the good entries and names each bad one by index and field', () => {
    const out = parseDecisionFile({
      format: 'papergraph-identity-decisions',
      version: 1,
      decisions: [good, { ...good, id: 'x2', kind: 'merge' }, { ...good, id: 'x3', by: '' }, 'not an object', good, { ...good, id: 'x5', kind: 'teleport' }],
    });
    expect(out.envelope).toBeNull();
    expect(out.entries.map((e) => e.index)).toEqual([0]);
    expect(out.errors.map((e) => [e.index, e.field])).toEqual([
      [1, 'decisions[1].keep'],
      [2, 'decisions[2].by'],
      [3, 'decisions[3]'],
      [4, 'decisions[4].id'],
      [5, 'decisions[5].kind'],
    ]);
  });
});
