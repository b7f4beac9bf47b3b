// Progress of a bulk load per phase: counts, rate and ETA, redrawn in place on a TTY, a line every few seconds
// otherwise, and one line when a phase ends.
import type { BulkProgress } from './run.js';

function duration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

function amount(n: number, unit: string): string {
  if (unit === 'bytes') return `${(n / 2 ** 20).toFixed(1)} MiB`;
  return `${n.toLocaleString('en-US')}${unit.startsWith('%') ? '' : ' '}${unit}`;
}

/** One progress line (pure, for tests): phase, count (of total), rate, ETA when the total is known. */
export function formatBulkProgress(p: BulkProgress, phaseElapsedMs: number): string {
  const secs = Math.max(phaseElapsedMs / 1000, 0.001);
  const rate = p.done / secs;
  if (p.unit.startsWith('%')) return `${p.phase} (${p.unit.slice(1).trim()}): ${p.done}%`;
  const parts = [`${p.phase}:`, amount(p.done, p.unit)];
  if (p.total !== null && p.total > 0) {
    parts.push(`of ${amount(p.total, p.unit)}`);
    const frac = Math.min(1, p.done / p.total);
    parts.push(`${Math.round(frac * 100)}%`);
    if (frac > 0 && frac < 1) parts.push(`ETA ${duration((secs / frac) * (1 - frac))}`);
  }
  parts.push(p.unit === 'bytes' ? `${(rate / 2 ** 20).toFixed(1)} MiB/s` : `${Math.round(rate)} ${p.unit}/s`);
  return parts.join(' ');
}

export function bulkProgressReporter(stream: NodeJS.WriteStream, everyMs = 5_000): {
  update: (p: BulkProgress) => void;
  done: () => void;
} {
  let phase: string | null = null;
  let phaseStart = Date.now();
  let last = 0;
  let drawn = false;
  let lastLine = '';
  const endPhase = () => {
    if (phase === null) return;
    if (stream.isTTY && drawn) stream.write(`\r\x1b[2K`);
    stream.write(`${lastLine || phase} — done in ${((Date.now() - phaseStart) / 1000).toFixed(1)} s\n`);
    drawn = false;
  };
  return {
    update(p) {
      const now = Date.now();
      if (p.phase !== phase) {
        endPhase();
        phase = p.phase;
        phaseStart = now;
        last = 0;
      }
      lastLine = formatBulkProgress(p, now - phaseStart);
      if (stream.isTTY) {
        if (now - last < 100) return;
        stream.write(`\r\x1b[2K${lastLine}`);
        drawn = true;
      } else {
        if (now - last < everyMs) return;
        stream.write(`${lastLine}\n`);
      }
      last = now;
    },
    done() {
      endPhase();
      phase = null;
    },
  };
}
