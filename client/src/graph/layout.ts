// Layout client: sends a LayoutInput to the worker and resolves with positions; falls back to the main thread.
import { computeLayout, type LayoutInput, type LayoutResult } from './layout-core.js';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: LayoutResult) => void; reject: (e: Error) => void }>();

function getWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<{ id: number; result?: LayoutResult; error?: string }>) => {
      const p = pending.get(ev.data.id);
      if (!p) return;
      pending.delete(ev.data.id);
      if (ev.data.result) p.resolve(ev.data.result);
      else p.reject(new Error(ev.data.error ?? 'layout failed'));
    };
    worker.onerror = () => {
      // A worker that fails to load (old browser, CSP) must not hang the map: finish the queue on the main thread.
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(new Error('layout worker failed'));
      }
      worker = null;
    };
    return worker;
  } catch {
    return null;
  }
}

/** Lays out off the main thread; resolves with positions and the time spent. */
export function runLayout(input: LayoutInput): Promise<LayoutResult> {
  const w = getWorker();
  if (!w) return Promise.resolve(computeLayout(input));
  const id = nextId++;
  return new Promise<LayoutResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, input });
  }).catch(() => computeLayout(input));
}

/** Starts the worker ahead of the first layout, so loading its script overlaps fetching or building the graph. */
export function warmLayoutWorker(): void {
  getWorker();
}
