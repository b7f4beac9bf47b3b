// Identity decisions (a reviewer's merge, rejection, split, or rejection of a split proposal), planned as pure functions: whether a decision fits the
// persons as they are now, its stored form, the id of a split's new person, and the checks of an import file. The
// transactions that record and apply them are in decisions-apply.ts.
import { createHash } from 'node:crypto';
import {
  Decision,
  DecisionFileEnvelope,
  type MergeRequest,
  type RejectRequest,
  type SplitRequest,
} from '../../schema/curation.js';

/** What an id names now (cypher/decisions/person-state.cypher). */
export interface PersonState {
  id: string;
  isAuthor: boolean;
  name: string | null;
  redirectTo: string | null;
}

export type DecisionRequest =
  | ({ kind: 'merge' } & MergeRequest)
  | ({ kind: 'reject' } & RejectRequest)
  | ({ kind: 'split'; proposal?: string } & SplitRequest)
  | { kind: 'reject-split'; proposal: string; person: string; why: string };

/**
 * The verdict on a decision against the graph: `apply` it now; `pending` (its persons are not in the graph: kept and
 * applied once an ingest brings them); or a `conflict` naming the field at fault.
 */
export type Plan = { status: 'apply' } | { status: 'pending'; missing: string[] } | { status: 'conflict'; field: string; message: string };

/** The persons a decision involves (for "no later decision rests on it"). */
export function personsOf(d: Decision): string[] {
  switch (d.kind) {
    case 'merge':
      return [d.keep, d.retire];
    case 'reject':
      return [d.a, d.b];
    case 'split':
      return [d.person, d.newId];
    case 'reject-split':
      return [d.person];
  }
}

/** The ids whose state planDecision needs. */
export function idsToCheck(d: Pick<Decision, 'kind'> & Partial<Record<'keep' | 'retire' | 'a' | 'b' | 'person', string>>): string[] {
  return [d.keep, d.retire, d.a, d.b, d.person].filter((v): v is string => v !== undefined);
}

function redirected(field: string, s: PersonState | undefined): Plan | null {
  if (s && !s.isAuthor && s.redirectTo !== null) {
    return { status: 'conflict', field, message: `'${s.id}' was retired and redirects to '${s.redirectTo}'; decide on that person instead` };
  }
  return null;
}

/** Whether decision `d` can be applied to persons in `state` (keyed by id). */
export function planDecision(d: Decision, state: ReadonlyMap<string, PersonState>): Plan {
  const pair: [[string, string], [string, string]] | null =
    d.kind === 'merge' ? [['keep', d.keep], ['retire', d.retire]] : d.kind === 'reject' ? [['a', d.a], ['b', d.b]] : null;
  if (pair && pair[0][1] === pair[1][1]) {
    return { status: 'conflict', field: pair[1][0], message: `'${pair[1][1]}' is the same person as ${pair[0][0]}` };
  }
  const fields: [string, string][] = pair ?? [['person', d.kind === 'split' || d.kind === 'reject-split' ? d.person : '']];
  for (const [field, id] of fields) {
    const conflict = redirected(field, state.get(id));
    if (conflict) return conflict;
  }
  const missing = fields.map(([, id]) => id).filter((id) => !state.get(id)?.isAuthor);
  return missing.length > 0 ? { status: 'pending', missing } : { status: 'apply' };
}

/** Whether decision `d` (stored with `status`) can be undone, given the first later active decision on its persons. */
export function planUndo(d: Decision, status: 'active' | 'undone', later: { id: string; kind: string } | null): Plan {
  if (status === 'undone') return { status: 'conflict', field: 'id', message: `decision '${d.id}' was undone already` };
  if (later) {
    return {
      status: 'conflict',
      field: 'id',
      message: `decision '${d.id}' cannot be undone while the later ${later.kind} decision '${later.id}' on the same persons stands; undo that first`,
    };
  }
  return { status: 'apply' };
}

/** The id of the person a split creates: the original id with a short hash of the decision (stable on re-application). */
export function splitPersonId(person: string, decisionId: string): string {
  const h = createHash('sha1').update(decisionId).digest().readUIntBE(0, 6).toString(36);
  return `${person}~split-${h}`;
}

/** A new decision from a reviewer's request; `firstName` is the name as written on the split's first paper. */
export function newDecision(req: DecisionRequest, meta: { id: string; at: string; by: string }, firstName?: string | null): Decision {
  const base = { id: meta.id, at: meta.at, by: meta.by, why: req.why, undone: null };
  switch (req.kind) {
    case 'merge':
      return { kind: 'merge', keep: req.keep, retire: req.retire, ...base };
    case 'reject':
      return { kind: 'reject', a: req.a, b: req.b, ...base };
    case 'split':
      return {
        kind: 'split',
        person: req.person,
        papers: [...new Set(req.papers)],
        newId: splitPersonId(req.person, meta.id),
        newName: req.name ?? firstName ?? req.person,
        ...(req.proposal !== undefined ? { proposal: req.proposal } : {}),
        ...base,
      };
    case 'reject-split':
      return { kind: 'reject-split', proposal: req.proposal, person: req.person, ...base };
  }
}

/** The paper ids of a split proposal's part (`paperId#position` mention keys), each once, in order. */
export function proposalPapers(part: readonly string[]): string[] {
  return [...new Set(part.map((k) => (k.lastIndexOf('#') > 0 ? k.slice(0, k.lastIndexOf('#')) : k)))];
}

/** The stored properties of a decision node (cypher/decisions/record.cypher); absent fields are left out. */
export function decisionProps(d: Decision, seq: number, extra: { importedAt?: string; importedBy?: string } = {}): Record<string, unknown> {
  const { undone, ...rest } = d;
  const props: Record<string, unknown> = { ...rest, seq, status: undone ? 'undone' : 'active', ...extra };
  if (undone) Object.assign(props, { undoneAt: undone.at, undoneBy: undone.by, undoneWhy: undone.why });
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
}

/** A stored decision node back as a Decision (the API's and the export file's shape). */
export function decisionOf(node: Record<string, unknown>): Decision {
  const n = node as Record<string, string | undefined>;
  const undone = n.undoneAt ? { at: n.undoneAt, by: n.undoneBy ?? '', why: n.undoneWhy ?? '' } : null;
  const base = { id: n.id, at: n.at, by: n.by, why: n.why ?? '', undone };
  const fields =
    n.kind === 'merge'
      ? { kind: 'merge', keep: n.keep, retire: n.retire }
      : n.kind === 'reject'
        ? { kind: 'reject', a: n.a, b: n.b }
        : n.kind === 'reject-split'
          ? { kind: 'reject-split', proposal: n.proposal, person: n.person }
          : { kind: 'split', person: n.person, papers: node.papers, newId: n.newId, newName: n.newName, proposal: n.proposal };
  return Decision.parse({ ...fields, ...base });
}

export interface FileEntryError {
  index: number;
  field: string;
  message: string;
}

/**
 * Checks an import file: the envelope (format, version, a `decisions` list) must be right, else `envelope` names the
 * field; then each entry on its own, so that bad entries are reported by index and field (`decisions[3].keep`) and the
 * rest can be applied. A second entry with an id already seen in the file is an error too.
 */
export function parseDecisionFile(json: unknown): {
  envelope: { field: string; message: string } | null;
  entries: { index: number; decision: Decision }[];
  errors: FileEntryError[];
} {
  const env = DecisionFileEnvelope.safeParse(json);
  if (!env.success) {
    const issue = env.error.issues[0];
    return { envelope: { field: issue?.path.join('.') || '(file)', message: issue?.message ?? 'invalid' }, entries: [], errors: [] };
  }
  const entries: { index: number; decision: Decision }[] = [];
  const errors: FileEntryError[] = [];
  const seen = new Set<string>();
  env.data.decisions.forEach((raw, index) => {
    const parsed = Decision.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      errors.push({ index, field: `decisions[${index}]${issue?.path.length ? `.${issue.path.join('.')}` : ''}`, message: issue?.message ?? 'invalid' });
      return;
    }
    if (seen.has(parsed.data.id)) {
      errors.push({ index, field: `decisions[${index}].id`, message: `id '${parsed.data.id}' appears earlier in the file` });
      return;
    }
    seen.add(parsed.data.id);
    entries.push({ index, decision: parsed.data });
  });
  return { envelope: null, entries, errors };
}
