// Web Worker: runs computeLayout off the main thread so the page stays responsive while a big graph settles.
import { computeLayout, type LayoutInput } from './layout-core.js';

self.onmessage = (ev: MessageEvent<{ id: number; input: LayoutInput }>) => {
  const { id, input } = ev.data;
  try {
    (self as unknown as Worker).postMessage({ id, result: computeLayout(input) });
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, error: (err as Error).message });
  }
};
