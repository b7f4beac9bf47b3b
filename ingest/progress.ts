// Progress reporting for the ingest CLI: a one-line bar on a TTY, plain periodic lines otherwise.
import type { IngestProgress } from './pipeline.js';

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

/** Formats one progress line (pure, for tests): phase, records, rate, bytes and an ETA when the total size is known. */
export function formatProgress(p: IngestProgress, elapsedMs: number): string {
  const secs = Math.max(elapsedMs / 1000, 0.001);
  const count = p.phase === 'parse' ? p.records : p.written;
  const rate = count / secs;
  const parts = [`${p.phase === 'parse' ? 'parsed' : 'written'} ${count.toLocaleString('en-US')} papers`, `${Math.round(rate)}/s`];
  if (p.phase === 'parse' && p.bytesTotal) {
    const frac = Math.min(1, p.bytesRead / p.bytesTotal);
    const width = 20;
    const filled = Math.round(frac * width);
    const eta = frac > 0 ? (secs / frac) * (1 - frac) : Infinity;
    parts.unshift(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(frac * 100)}%`);
    parts.push(`${mb(p.bytesRead)} / ${mb(p.bytesTotal)}`, `ETA ${duration(eta)}`);
  } else if (p.phase === 'write') {
    parts.push(`of ${p.records.toLocaleString('en-US')}`);
  }
  return parts.join('  ');
}

/** Returns an onProgress callback writing to `stream`: redraws in place on a TTY, one line every `everyMs` otherwise. */
export function progressReporter(stream: NodeJS.WriteStream, everyMs = 5_000): {
  update: (p: IngestProgress) => void;
  done: () => void;
} {
  const started = Date.now();
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      const now = Date.now();
      if (stream.isTTY) {
        if (now - last < 100) return;
        stream.write(`\r\x1b[2K${formatProgress(p, now - started)}`);
        drawn = true;
      } else {
        if (now - last < everyMs) return;
        stream.write(`${formatProgress(p, now - started)}\n`);
      }
      last = now;
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}
