// The ingest's spool folder: where it lives, who owns it, and its removal on exit, on signals and after a kill.
//
// A spool is `<dir>/papergraph-ingest-<pid>-<random>/` (dir: os.tmpdir() unless told otherwise) holding `records.jsonl`
// and an `owner.json` with the pid of the ingest that made it. The ingest removes it when it ends, whether it succeeds
// or fails, on SIGINT/SIGTERM/SIGHUP, and on process.exit(); a SIGKILL leaves it behind, and the next ingest removes the
// spools whose process is gone (sweepStaleSpools).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SPOOL_PREFIX = 'papergraph-ingest-';
const OWNER_FILE = 'owner.json';
/** A spool without an owner file (written by an older version) is stale once nothing in it changed for this long. */
const UNOWNED_STALE_MS = 60 * 60 * 1000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Whether a process with this pid runs (a process of another user counts as running). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid a spool folder records, or null when it has none (or an unreadable one). */
function ownerPid(dir: string): number | null {
  try {
    const data = JSON.parse(readFileSync(path.join(dir, OWNER_FILE), 'utf8')) as { pid?: unknown };
    return Number.isInteger(data.pid) && (data.pid as number) > 0 ? (data.pid as number) : null;
  } catch {
    const m = new RegExp(`^${SPOOL_PREFIX}(\\d+)-`).exec(path.basename(dir));
    return m ? Number(m[1]) : null;
  }
}

/** Newest modification time of the folder and the files directly in it. */
function lastChange(dir: string): number {
  let t = statSync(dir).mtimeMs;
  for (const f of readdirSync(dir)) {
    try {
      t = Math.max(t, statSync(path.join(dir, f)).mtimeMs);
    } catch {
      /* removed meanwhile */
    }
  }
  return t;
}

/**
 * Removes the spool folders in `dir` left by ingests that no longer run (killed with SIGKILL, or a crashed machine):
 * those whose recorded pid is not a running process, and those without an owner that nothing touched for an hour.
 * Returns the folders removed.
 */
export function sweepStaleSpools(dir: string = os.tmpdir(), now: number = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(SPOOL_PREFIX));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    try {
      if (!statSync(full).isDirectory()) continue;
      const pid = ownerPid(full);
      const stale = pid === null ? now - lastChange(full) > UNOWNED_STALE_MS : pid !== process.pid && !isProcessAlive(pid);
      if (!stale) continue;
      rmSync(full, { recursive: true, force: true });
      removed.push(full);
    } catch {
      /* another ingest removed it first, or it is not ours to remove */
    }
  }
  return removed;
}

export interface Spool {
  dir: string;
  /** The records file inside the folder. */
  file: string;
  /** Removes the folder and the exit/signal hooks; safe to call more than once. */
  remove(): void;
}

/**
 * Creates a spool folder owned by this process in `dir` and removes it when the process exits or is told to stop by a
 * signal. A signal handler only cleans up: when no other handler listens for that signal, the signal is raised again
 * so the process still ends as it would have; otherwise the other handlers (a server's shutdown) decide.
 */
export function createSpool(dir: string = os.tmpdir()): Spool {
  const spoolDir = mkdtempSync(path.join(dir, `${SPOOL_PREFIX}${process.pid}-`));
  writeFileSync(path.join(spoolDir, OWNER_FILE), `${JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() })}\n`);
  let removed = false;
  const rm = () => {
    if (removed) return;
    removed = true;
    try {
      // The ingest may still be writing into the folder (a signal arrives mid-write): a file created between the
      // listing and the rmdir gives ENOTEMPTY, which a retry clears.
      rmSync(spoolDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } catch {
      // Cleanup never throws from an exit or signal handler; a folder left behind is removed by the next ingest's
      // sweep of spools whose owner is dead.
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const remove = () => {
    rm();
    process.off('exit', rm);
    for (const s of SIGNALS) process.off(s, onSignal);
  };
  process.on('exit', rm);
  for (const s of SIGNALS) process.on(s, onSignal);
  return { dir: spoolDir, file: path.join(spoolDir, 'records.jsonl'), remove };
}
