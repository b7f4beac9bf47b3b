// Client entry: theme, then the app shell (or the synthetic bench page when the URL asks for it).
import { startShell } from './app/shell.js';
import { initTheme } from './core/theme.js';
import { viewLoaders } from './views/registry.js';

initTheme();

const main = document.getElementById('view')!;
if (new URLSearchParams(location.search).get('bench') === 'synthetic') {
  // The bench renders a generated graph without the API (npm run bench:ui); loaded only when asked for.
  void import('./graph/bench-page.js').then((m) => m.runSyntheticBench(main));
} else {
  startShell(
    {
      nav: document.getElementById('nav')!,
      search: document.getElementById('search')!,
      status: document.getElementById('db-status')!,
      themeToggle: document.getElementById('theme-toggle') as HTMLButtonElement,
      loading: document.getElementById('loading')!,
      main,
    },
    viewLoaders,
  );
}
