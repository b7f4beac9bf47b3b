// Identity decisions in the graph: record a reviewer's decision (on a variant, a person, or a split proposal) and apply it, undo one, re-apply them all after an
// ingest or a bulk load (applyDecisions), export and import them. Every write runs in one managed transaction that
// bumps the graph version first: the bump's lock on the state node orders decision writers, so two decisions on one
// person never interleave (the second sees the first's result and is checked against it).
import { randomUUID } from 'node:crypto';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { DecisionConflictError, NotFoundError, ValidationError } from '../../core/errors.js';
import { rows, type Graph } from '../../db/graph.js';
import { bumpGraphVersion } from '../../db/summary/version.js';
import {
  type AcceptSplitRequest,
  DECISION_FILE_FORMAT,
  type Decision,
  type DecisionFile,
  type DecisionResult,
  type ImportResponse,
  type SplitProposalRequest,
} from '../../schema/curation.js';
import {
  decisionOf,
  decisionProps,
  type DecisionRequest,
  idsToCheck,
  newDecision,
  parseDecisionFile,
  type PersonState,
  personsOf,
  planDecision,
  planUndo,
  proposalPapers,
} from './decisions.js';

/** A mention a merge moved: paper id and position (so an undo moves exactly those back). */
interface MovedMention {
  paperId: string;
  position: number;
}

interface Stored {
  decision: Decision;
  seq: number;
  status: 'active' | 'undone';
  moved: MovedMention[];
}

function storedOf(node: { seq: number; status: 'active' | 'undone'; moved?: string } & Record<string, unknown>): Stored {
  return { decision: decisionOf(node), seq: node.seq, status: node.status, moved: node.moved ? (JSON.parse(node.moved) as MovedMention[]) : [] };
}

async function stateOf(tx: ManagedTransaction, ids: string[]): Promise<Map<string, PersonState>> {
  const found = await rows(tx, 'decisions/person-state', { ids: [...new Set(ids)] });
  return new Map(found.map((r) => [r.id, r]));
}

async function record(tx: ManagedTransaction, d: Decision, extra: { importedAt?: string; importedBy?: string } = {}): Promise<number> {
  const [next] = await rows(tx, 'decisions/next-seq');
  const seq = next?.seq ?? 1;
  await rows(tx, 'decisions/record', { props: { ...decisionProps(d, seq, extra), seq: neo4j.int(seq) } });
  return seq;
}

/** Applies an active decision in `tx`; true when the graph changed. Safe to repeat (what is done already is skipped). */
async function applyInTx(tx: ManagedTransaction, s: Stored): Promise<boolean> {
  const d = s.decision;
  switch (d.kind) {
    case 'merge': {
      const [row] = await rows(tx, 'decisions/apply-merge', { keep: d.keep, retire: d.retire, decision: d.id });
      if (!row) return false;
      const key = (m: MovedMention) => `${m.paperId}#${m.position}`;
      const known = new Set(s.moved.map(key));
      const added = row.moved.filter((m) => !known.has(key(m)));
      if (added.length > 0) {
        s.moved = [...s.moved, ...added];
        await rows(tx, 'decisions/set-moved', { id: d.id, moved: JSON.stringify(s.moved) });
      }
      return true;
    }
    case 'reject': {
      const [row] = await rows(tx, 'decisions/set-suggestion-status', { a: d.a, b: d.b, status: 'rejected', decision: d.id });
      return (row?.changed ?? 0) > 0;
    }
    case 'split': {
      const [row] = await rows(tx, 'decisions/apply-split', {
        person: d.person,
        papers: d.papers,
        newId: d.newId,
        newName: d.newName,
        decision: d.id,
      });
      if (d.proposal !== undefined) await rows(tx, 'decisions/set-proposal-status', { proposal: d.proposal, status: 'accepted', decision: d.id });
      return (row?.moved ?? 0) > 0;
    }
    case 'reject-split': {
      const [row] = await rows(tx, 'decisions/set-proposal-status', { proposal: d.proposal, status: 'rejected', decision: d.id });
      return (row?.changed ?? 0) > 0;
    }
  }
}

/**
 * Records and applies a reviewer's decision. Throws NotFoundError when a person is not in the graph, and
 * DecisionConflictError (naming the field) when the decision does not fit the graph as it is now: a person merged away
 * meanwhile, the same person twice, a split whose papers are not the person's.
 */
export async function decide(graph: Graph, req: DecisionRequest, by: string, now: () => Date = () => new Date()): Promise<DecisionResult> {
  return graph.transaction(neo4j.session.WRITE, async (tx) => decideInTx(tx, await bumpGraphVersion(tx), req, by, now));
}

/**
 * Accepts a split proposal (its person is split along it: the part's papers move to a new person, recorded as a split
 * decision naming the proposal) or rejects it (the person stays one; recorded as a reject-split decision). NotFoundError
 * when there is no such proposal; DecisionConflictError (field `proposal`) when it was decided already, and as decide()
 * when its person is no longer a person.
 */
export async function decideProposal(
  graph: Graph,
  req: ({ kind: 'accept-split' } & AcceptSplitRequest) | ({ kind: 'reject-split' } & SplitProposalRequest),
  by: string,
  now: () => Date = () => new Date(),
): Promise<DecisionResult> {
  return graph.transaction(neo4j.session.WRITE, async (tx) => {
    const version = await bumpGraphVersion(tx);
    const [p] = await rows(tx, 'decisions/proposal', { id: req.proposal });
    if (!p) throw new NotFoundError('Split proposal', req.proposal);
    if (p.status !== 'open') throw new DecisionConflictError(`split proposal '${p.id}' is ${p.status} already`, { field: 'proposal' });
    const decision: DecisionRequest =
      req.kind === 'accept-split'
        ? { kind: 'split', person: p.person, papers: proposalPapers(p.part), name: req.name, why: req.why, proposal: p.id }
        : { kind: 'reject-split', proposal: p.id, person: p.person, why: req.why };
    return decideInTx(tx, version, decision, by, now);
  });
}

/** decide() inside its transaction, after the version bump. */
async function decideInTx(
  tx: ManagedTransaction,
  version: { version: number },
  req: DecisionRequest,
  by: string,
  now: () => Date,
): Promise<DecisionResult> {
  const id = `d-${randomUUID()}`;
  const state = await stateOf(tx, idsToCheck({ ...req }));
  const decision = newDecision(req, { id, at: now().toISOString(), by }, req.kind === 'split' ? state.get(req.person)?.name : null);
  const plan = planDecision(decision, state);
  if (plan.status === 'conflict') throw new DecisionConflictError(plan.message, { field: plan.field });
  if (plan.status === 'pending') throw new NotFoundError('Author', plan.missing[0] ?? '');
  await record(tx, decision);
  const changed = await applyInTx(tx, { decision, seq: 0, status: 'active', moved: [] });
  if (decision.kind === 'split' && !changed) {
    // Thrown inside the transaction: nothing of the decision is kept.
    throw new DecisionConflictError(`none of the papers given is a paper of '${decision.person}'`, { field: 'papers' });
  }
  return { decision, graphVersion: version.version, applied: decision.kind === 'reject' || decision.kind === 'reject-split' ? changed : true };
}

/**
 * Undoes decision `id`: its effect is reverted (a merge's moved mentions go back to the retired person, a split's new
 * person is merged back and redirects to the original, a rejected suggestion is open again) and the decision is marked
 * undone with who, when and why. Refused (DecisionConflictError) when a later active decision involves its persons.
 */
export async function undo(graph: Graph, id: string, by: string, why: string, now: () => Date = () => new Date()): Promise<DecisionResult> {
  return graph.transaction(neo4j.session.WRITE, async (tx) => {
    const version = await bumpGraphVersion(tx);
    const [row] = await rows(tx, 'decisions/get', { id });
    if (!row) throw new NotFoundError('Decision', id);
    const s = storedOf(row.d);
    const d = s.decision;
    const [later] = await rows(tx, 'decisions/later', { seq: neo4j.int(s.seq), persons: personsOf(d) });
    const plan = planUndo(d, s.status, later ?? null);
    if (plan.status !== 'apply') throw new DecisionConflictError(plan.status === 'conflict' ? plan.message : 'cannot undo', { field: 'id' });
    if (d.kind === 'merge') {
      await rows(tx, 'decisions/undo-merge', { keep: d.keep, retire: d.retire, moved: s.moved.map((m) => ({ paperId: m.paperId, position: neo4j.int(m.position) })) });
    } else if (d.kind === 'reject') {
      await rows(tx, 'decisions/set-suggestion-status', { a: d.a, b: d.b, status: 'open', decision: null });
    } else if (d.kind === 'reject-split') {
      await rows(tx, 'decisions/set-proposal-status', { proposal: d.proposal, status: 'open', decision: null });
    } else {
      // The split's person folds back into the original; its id redirects there (a once-valid URL keeps working).
      await rows(tx, 'decisions/apply-merge', { keep: d.person, retire: d.newId, decision: d.id });
      if (d.proposal !== undefined) await rows(tx, 'decisions/set-proposal-status', { proposal: d.proposal, status: 'open', decision: null });
    }
    const undone = { at: now().toISOString(), by, why };
    await rows(tx, 'decisions/mark-undone', { id, ...undone });
    return { decision: { ...d, undone }, graphVersion: version.version, applied: true };
  });
}

/**
 * Re-applies every active decision, oldest first, in one transaction with one graph-version bump: the step after each
 * ingest run and bulk load, which may have recreated a retired person or put a split's papers back on the original.
 * Decisions whose persons are not in the graph wait for a later run. Costs nothing when there are no decisions.
 */
export async function applyDecisions(graph: Graph): Promise<{ active: number; changed: number }> {
  return graph.transaction(neo4j.session.WRITE, async (tx) => {
    const active = (await rows(tx, 'decisions/all')).map((r) => storedOf(r.d)).filter((s) => s.status === 'active');
    if (active.length === 0) return { active: 0, changed: 0 };
    await bumpGraphVersion(tx);
    let changed = 0;
    for (const s of active) if (await applyInTx(tx, s)) changed++;
    return { active: active.length, changed };
  });
}

/** applyDecisions as a step of the list that runs after every ingest run and bulk load ({name, run}). */
export const curationPostIngestStep = {
  name: 'curation decisions',
  run: async (graph: Graph): Promise<void> => {
    await applyDecisions(graph);
  },
};

/** A page of decisions, newest first. */
export async function listDecisions(graph: Graph, offset: number, limit: number): Promise<{ total: number; items: Decision[] }> {
  const [row] = await graph.read('decisions/page', { offset: neo4j.int(offset), limit: neo4j.int(limit) });
  return { total: row?.total ?? 0, items: (row?.items ?? []).map((n) => decisionOf(n)) };
}

/** Every decision, oldest first, as the export file. */
export async function exportDecisions(graph: Graph, now: () => Date = () => new Date()): Promise<DecisionFile> {
  const all = await graph.read('decisions/all');
  return { format: DECISION_FILE_FORMAT, version: 1, exportedAt: now().toISOString(), decisions: all.map((r) => decisionOf(r.d)) };
}

/**
 * Imports a decision file: each valid entry is recorded (with its own id, time, holder and reason, plus who imported it)
 * and applied in its own transaction, in file order. Entries recorded here already are skipped; invalid entries and
 * entries that conflict with the graph are reported by index and field and leave nothing behind; entries whose persons
 * are not in the graph are recorded and wait for an ingest. Throws ValidationError when the file itself is not one.
 */
export async function importDecisions(graph: Graph, json: unknown, by: string, now: () => Date = () => new Date()): Promise<ImportResponse> {
  const file = parseDecisionFile(json);
  if (file.envelope) throw new ValidationError(`Invalid body field '${file.envelope.field}': ${file.envelope.message}`, [file.envelope]);
  const out: ImportResponse = { applied: 0, pending: [], skipped: [], errors: [...file.errors] };
  const importedAt = now().toISOString();
  for (const { index, decision } of file.entries) {
    const outcome = await graph.transaction(neo4j.session.WRITE, async (tx) => {
      await bumpGraphVersion(tx);
      if ((await rows(tx, 'decisions/get', { id: decision.id })).length > 0) return { kind: 'skipped' as const, reason: 'already recorded here' };
      if (decision.undone) {
        await record(tx, decision, { importedAt, importedBy: by });
        return { kind: 'skipped' as const, reason: 'recorded as undone (no effect on the graph)' };
      }
      const plan = planDecision(decision, await stateOf(tx, idsToCheck(decision)));
      if (plan.status === 'conflict') return { kind: 'error' as const, field: plan.field, message: plan.message };
      await record(tx, decision, { importedAt, importedBy: by });
      if (plan.status === 'pending') return { kind: 'pending' as const };
      const changed = await applyInTx(tx, { decision, seq: 0, status: 'active', moved: [] });
      return changed || decision.kind === 'merge' ? { kind: 'applied' as const } : { kind: 'pending' as const };
    });
    if (outcome.kind === 'applied') out.applied++;
    else if (outcome.kind === 'pending') out.pending.push({ index, id: decision.id });
    else if (outcome.kind === 'skipped') out.skipped.push({ index, id: decision.id, reason: outcome.reason });
    else out.errors.push({ index, field: `decisions[${index}].${outcome.field}`, message: outcome.message });
  }
  out.errors.sort((a, b) => a.index - b.index);
  return out;
}

/** The decisions of a store about to be replaced by a bulk load (read before the load, restored after it). */
export function carryDecisions(graph: Graph): Promise<DecisionFile> {
  return exportDecisions(graph);
}

/**
 * After a bulk load: the carried decisions recorded into the new store (each applied as it is imported). The post-ingest
 * steps that follow every load apply all active decisions once more, which settles the pending ones.
 */
export async function restoreDecisions(graph: Graph, carried: DecisionFile | null): Promise<void> {
  if (carried && carried.decisions.length > 0) await importDecisions(graph, carried, 'bulk reload');
}
