// Light/dark theme: follows prefers-color-scheme until the user picks one, which is then remembered.
export type Theme = 'light' | 'dark';
const KEY = 'pg-theme';

/** The stored choice, or null when following the system. */
export function storedTheme(): Theme | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null;
  }
}

/** The theme in effect now. */
export function currentTheme(): Theme {
  return (document.documentElement.dataset.theme as Theme | undefined) ?? 'light';
}

function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
  document.dispatchEvent(new CustomEvent('pg-theme', { detail: theme }));
}

/** Applies the stored or system theme and follows system changes while no choice is stored. */
export function initTheme(): void {
  apply(storedTheme() ?? systemTheme());
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (!storedTheme()) apply(systemTheme());
  });
}

/** Switches to the other theme and remembers it. */
export function toggleTheme(): Theme {
  const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // Private mode: the theme still switches for this page.
  }
  apply(next);
  return next;
}

/** Calls `fn` on every theme change; returns the unsubscribe function. */
export function onThemeChange(fn: (t: Theme) => void): () => void {
  const h = (e: Event) => fn((e as CustomEvent<Theme>).detail);
  document.addEventListener('pg-theme', h);
  return () => document.removeEventListener('pg-theme', h);
}
