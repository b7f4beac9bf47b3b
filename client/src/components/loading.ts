// The loading bar: shown only for work that takes longer than ~200 ms, so quick requests don't flicker.

export const LOADING_DELAY_MS = 200;

/** Returns withLoading(work): counts running work and shows `bar` once any of it has run past the delay. */
export function createLoading(bar: HTMLElement, delay = LOADING_DELAY_MS): <T>(work: Promise<T>) => Promise<T> {
  let running = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const set = (on: boolean) => {
    bar.hidden = !on;
    document.body.setAttribute('aria-busy', on ? 'true' : 'false');
  };
  set(false);
  return async <T>(work: Promise<T>): Promise<T> => {
    running++;
    if (running === 1) timer = setTimeout(() => set(true), delay);
    try {
      return await work;
    } finally {
      running--;
      if (running === 0) {
        if (timer) clearTimeout(timer);
        set(false);
      }
    }
  };
}
