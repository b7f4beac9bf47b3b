// The contract between the app shell and its views: the shell owns the URL, views render into an element.
import type { UrlState, View } from '../core/url-state.js';

export interface ViewContext {
  /** Changes the URL (push by default, replace for continuous changes such as dragging a slider) and re-renders. */
  navigate(state: UrlState, opts?: { replace?: boolean }): void;
  /** Replaces only this view's params in the URL without re-mounting the view (the view already shows them). */
  replaceParams(params: Record<string, string>): void;
  /** A non-blocking message (API errors, hints). */
  notify(message: string, kind?: 'info' | 'error'): void;
  /** Shows a loading indicator while `work` runs, if it takes longer than ~200 ms; returns its result. */
  withLoading<T>(work: Promise<T>): Promise<T>;
}

export interface ViewHandle {
  /** Called when the URL changes but the view stays the same (back/forward, filter changes): update in place. */
  update?(params: Record<string, string>): void;
  unmount(): void;
}

export interface ViewModule {
  /** Human title for the navigation. */
  title: string;
  mount(el: HTMLElement, params: Record<string, string>, ctx: ViewContext): ViewHandle;
}

/** Views load lazily so the first screen stays small. */
export type ViewLoader = Record<View, () => Promise<ViewModule>>;
