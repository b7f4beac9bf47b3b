// Bulk load: author identity for the staged papers, with the transactional path's own steps (ingest/authors/resolve.ts)
// so both paths build the same persons, redirects and suggestions.
//
// The model decides within a block group (name blocks joined by shared source ids), so the papers' mentions are
// replayed per group rather than per batch of the whole corpus:
//   1. while staging, each paper version is appended to a spool with its batch, sequence number and the sequence
//      number of the version it replaces, and a union-find joins the name blocks that share a source id;
//   2. the spool is split into bucket files by group (a hash of the group's root block), a paper with authors in
//      several buckets written to each of them, so one bucket holds whole groups;
//   3. each bucket is read on its own and each of its groups replays its batches in order through resolveBatch, with
//      the group's persons, redirects and authorship edges in memory as the graph would hold them after each batch.
// Memory: the union-find and one bucket at a time (buckets are sized from the spool, ~32 MB of text each).
import { closeSync, createReadStream, openSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { must } from '../../core/must.js';
import { createHash } from 'node:crypto';
import type { WritablePaper } from '../batch.js';
import { blockOfMention } from '../identity/index.js';
import {
  authorProps,
  mentionAt,
  mentionKey,
  suggestionRows,
  type AuthorProps,
  type BatchMention,
  type SplitRow,
  type VariantRow,
} from '../authors/persons.js';
import { PersonIndex } from '../authors/person-index.js';
import { resolveBatch, type IdentitySource, type StoredAuthorship } from '../authors/resolve.js';
import type { PaperRecord } from '../record.js';

/** What a paper version contributes to identity (what mentionsOfRecord reads). */
interface SpooledPaper {
  /** Batch number (1-based) and sequence number of this version; `v`: sequence number of the version it replaces. */
  b: number;
  s: number;
  v: number | null;
  r: Pick<PaperRecord, 'id' | 'authors' | 'categories' | 'year' | 'sourceTopics'>;
  t: string[];
}

/** One bucket line: a paper version and the positions of its authors whose group falls into this bucket. */
interface BucketLine extends SpooledPaper {
  pos: number[];
}

/** Everything identity writes, emitted group by group. */
export interface IdentitySink {
  person(id: string, props: AuthorProps): void;
  redirect(id: string, redirectTo: string, reason: string, block: string): void;
  variant(row: VariantRow): void;
  split(row: SplitRow): void;
  /** An AUTHORED edge of a paper's final version (position 1-based). */
  authored(author: string, paperId: string, position: number, asWritten: string): void;
}

class BlockUnion {
  private parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // Path compression.
    for (let y = x, p = this.parent.get(y); p !== undefined && p !== root; p = this.parent.get(y)) {
      this.parent.set(y, root);
      y = p;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/** Text of the spool per bucket the replay reads at once. */
const BUCKET_BYTES = 32 * 2 ** 20;

/** Collects the staged papers' identity inputs, then resolves them group by group (see the module comment). */
export class BulkIdentity {
  private readonly spoolPath: string;
  private fd: number;
  private buf: string[] = [];
  private bufChars = 0;
  private readonly union = new BlockUnion();
  private readonly byId = new Map<string, string>();

  constructor(private readonly dir: string) {
    this.spoolPath = path.join(dir, 'identity.spool.jsonl');
    this.fd = openSync(this.spoolPath, 'w');
  }

  /** Adds a batch's paper versions in batch order; `seqOf` and `prevSeqOf` give each version's numbers. */
  addBatch(batchNo: number, papers: { paper: WritablePaper; seq: number; prevSeq: number | null }[]): void {
    for (const { paper, seq, prevSeq } of papers) {
      const r = paper.record;
      const line: SpooledPaper = {
        b: batchNo,
        s: seq,
        v: prevSeq,
        r: { id: r.id, authors: r.authors, categories: r.categories, year: r.year, sourceTopics: [] },
        t: paper.topics.map((t) => t.id),
      };
      for (const a of r.authors) {
        const block = blockOfMention(a);
        this.union.find(block);
        for (const id of [a.orcid ? `orcid:${a.orcid}` : null, a.openalexId ? `openalex:${a.openalexId}` : null]) {
          if (id === null) continue;
          const other = this.byId.get(id);
          if (other === undefined) this.byId.set(id, block);
          else this.union.union(block, other);
        }
      }
      const text = JSON.stringify(line);
      this.buf.push(text);
      this.bufChars += text.length;
      if (this.bufChars > 1 << 20) this.flush();
    }
  }

  private flush(): void {
    if (this.buf.length === 0) return;
    writeSync(this.fd, `${this.buf.join('\n')}\n`);
    this.buf = [];
    this.bufChars = 0;
  }

  /**
   * Resolves every group and emits what the transactional path would leave in the graph; `finalSeq` is the sequence
   * number of each paper's last version (only its AUTHORED edges remain). Returns the number of persons.
   */
  async resolve(finalSeq: ReadonlyMap<string, number>, sink: IdentitySink): Promise<{ persons: number; buckets: number }> {
    this.flush();
    closeSync(this.fd);
    this.byId.clear();
    const buckets = Math.max(1, Math.ceil(statSync(this.spoolPath).size / BUCKET_BYTES));
    const bucketPath = (i: number) => path.join(this.dir, `identity.bucket-${i}.jsonl`);
    const out = Array.from({ length: buckets }, (_, i) => ({ fd: openSync(bucketPath(i), 'w'), lines: [] as string[], chars: 0 }));
    const flushBucket = (b: (typeof out)[number]) => {
      if (b.lines.length === 0) return;
      writeSync(b.fd, `${b.lines.join('\n')}\n`);
      b.lines = [];
      b.chars = 0;
    };
    const bucketOf = (root: string) => (buckets === 1 ? 0 : createHash('sha1').update(root).digest().readUInt32BE(0) % buckets);
    const lines = readline.createInterface({ input: createReadStream(this.spoolPath, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const text of lines) {
      if (!text) continue;
      const p = JSON.parse(text) as SpooledPaper;
      const byBucket = new Map<number, number[]>();
      p.r.authors.forEach((a, i) => {
        const k = bucketOf(this.union.find(blockOfMention(a)));
        let list = byBucket.get(k);
        if (!list) byBucket.set(k, (list = []));
        list.push(i);
      });
      for (const [k, pos] of byBucket) {
        const b = must(out[k], `identity bucket ${k}`);
        const line = JSON.stringify({ ...p, pos } satisfies BucketLine);
        b.lines.push(line);
        b.chars += line.length;
        if (b.chars > 1 << 20) flushBucket(b);
      }
    }
    for (const b of out) {
      flushBucket(b);
      closeSync(b.fd);
    }
    rmSync(this.spoolPath, { force: true });

    const emitted = new Set<string>();
    let persons = 0;
    for (let i = 0; i < buckets; i++) {
      const groups = new Map<string, { line: BucketLine; pos: number }[]>();
      const reader = readline.createInterface({ input: createReadStream(bucketPath(i), { encoding: 'utf8' }), crlfDelay: Infinity });
      for await (const text of reader) {
        if (!text) continue;
        const line = JSON.parse(text) as BucketLine;
        for (const pos of line.pos) {
          const root = this.union.find(blockOfMention(must(line.r.authors[pos], `author ${pos} of spooled paper ${line.r.id}`)));
          let list = groups.get(root);
          if (!list) groups.set(root, (list = []));
          list.push({ line, pos });
        }
      }
      rmSync(bucketPath(i), { force: true });
      for (const [, events] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        persons += await replayGroup(events, finalSeq, emitted, sink);
      }
    }
    return { persons, buckets };
  }
}

interface Redirect {
  redirectTo: string;
  reason: string;
  block: string;
}

/** Consecutive runs of events from one batch (events sorted by batch). */
function* runsOfBatch<E extends { line: { b: number } }>(events: readonly E[]): Generator<E[]> {
  let run: E[] = [];
  for (const e of events) {
    if (run.length > 0 && run[0]?.line.b !== e.line.b) {
      yield run;
      run = [];
    }
    run.push(e);
  }
  if (run.length > 0) yield run;
}

/** Replays one group's mentions batch by batch as the transactional writer would see and write them. */
async function replayGroup(
  events: { line: BucketLine; pos: number }[],
  finalSeq: ReadonlyMap<string, number>,
  emitted: Set<string>,
  sink: IdentitySink,
): Promise<number> {
  // Batch order, then the order the writer builds mentions in (papers in batch order = sequence, authors by position).
  events.sort((x, y) => x.line.s - y.line.s || x.pos - y.pos);
  // Profiles are kept across batches: a person the model touches gets a new summary object (so its mutated profile is
  // never looked up again), an untouched one keeps its summary and its profile.
  const persons = new PersonIndex();
  const redirects = new Map<string, Redirect>();
  const edges = new Map<string, StoredAuthorship & { seq: number }>();
  const variants = new Map<string, VariantRow>();
  const splits = new Map<string, SplitRow>();
  const live = (id: string) => redirects.get(id)?.redirectTo ?? id;

  for (const batchEvents of runsOfBatch(events)) {
    const prevSeq = new Map<string, number | null>();
    const seqOf = new Map<string, number>();
    const mentions: BatchMention[] = batchEvents.map(({ line, pos }) => {
      prevSeq.set(line.r.id, line.v);
      seqOf.set(line.r.id, line.s);
      const m = mentionAt(line.r, line.t, pos);
      return { mention: m, block: blockOfMention(m), asWritten: must(line.r.authors[pos], `author ${pos} of spooled paper ${line.r.id}`).asWritten };
    });
    const source: IdentitySource = {
      profileOf: persons.profileOf,
      async authorship(paperIds) {
        const out = new Map<string, StoredAuthorship>();
        for (const m of mentions) {
          const key = mentionKey(m.mention.paperId, m.mention.position);
          const e = edges.get(key);
          if (e !== undefined && e.seq === prevSeq.get(m.mention.paperId) && paperIds.includes(m.mention.paperId)) {
            out.set(key, { author: live(e.author), asWritten: e.asWritten });
          }
        }
        return out;
      },
      async persons(lookup) {
        return persons.matching(lookup);
      },
      async takenIds(lookup) {
        const blocks = new Set(lookup.blocks);
        const out = [...redirects].filter(([, r]) => blocks.has(r.block)).map(([id]) => id);
        for (const id of lookup.candidateIds) if (persons.has(id) || redirects.has(id) || emitted.has(id)) out.push(id);
        return [...new Set(out)];
      },
    };
    const resolved = await resolveBatch(mentions, source);
    const result = resolved.result;
    if (result) {
      // In the writer's order: persons stored, retired ids redirected (their suggestions dropped), then suggestions.
      // What the graph would hold: the summary without its mention list (summaryJson / parseSummary).
      for (const { mentionRefs: _refs, ...p } of result.persons) persons.put(p);
      for (const r of result.retired) {
        const old = persons.get(r.id);
        if (!old || !persons.has(r.redirectTo)) continue;
        persons.remove(r.id);
        for (const [, other] of redirects) if (other.redirectTo === r.id) other.redirectTo = r.redirectTo;
        redirects.set(r.id, { redirectTo: r.redirectTo, reason: r.reason, block: old.blocks[0] ?? '' });
        for (const [k, v] of variants) if (v.a === r.id || v.b === r.id) variants.delete(k);
        for (const [k, s] of splits) if (s.person === r.id) splits.delete(k);
      }
      const { variants: vs, splits: ss } = suggestionRows(result.suggestions);
      for (const v of vs) if (persons.has(v.a) && persons.has(v.b)) variants.set(`${v.a}|${v.b}`, v);
      for (const s of ss) splits.set(s.id, s);
    }
    for (const m of mentions) {
      const key = mentionKey(m.mention.paperId, m.mention.position);
      const author = resolved.authorOf.get(key);
      if (author === undefined) throw new Error(`Internal error: no person for ${key}`);
      edges.set(key, { author, asWritten: m.asWritten, seq: must(seqOf.get(m.mention.paperId), `the sequence number of ${m.mention.paperId}`) });
    }
  }

  for (const [id, p] of persons.entries()) {
    if (emitted.has(id)) throw new Error(`bulk identity: person id ${id} was given twice (two name groups chose it)`);
    emitted.add(id);
    sink.person(id, authorProps(p));
  }
  for (const [id, r] of redirects) {
    emitted.add(id);
    sink.redirect(id, r.redirectTo, r.reason, r.block);
  }
  for (const v of [...variants.values()].sort((a, b) => (a.a + a.b < b.a + b.b ? -1 : 1))) sink.variant(v);
  for (const s of splits.values()) sink.split(s);
  for (const [key, e] of edges) {
    const hash = key.lastIndexOf('#');
    const paperId = key.slice(0, hash);
    if (finalSeq.get(paperId) !== e.seq) continue;
    sink.authored(live(e.author), paperId, Number(key.slice(hash + 1)) + 1, e.asWritten);
  }
  return persons.size;
}
