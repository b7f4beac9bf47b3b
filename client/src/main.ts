// Client entry: theme, then the app shell (or the synthetic bench page when the URL asks for it).
import { must } from '../../shared/must.js';
import { startShell } from './app/shell.js';
import { initTheme } from './core/theme.js';
import { viewLoaders } from './views/registry.js';
import { captureSignInToken } from './views/review/sign-in.js';

initTheme();
// A sign-in URL's token is stored and taken out of the address bar before the shell reads the URL.
captureSignInToken();

const main = must(document.getElementById('view'), 'the #view element');
if (new URLSearchParams(location.search).get('bench') === 'synthetic') {
  // The bench renders a generated graph without the API (npm run bench:ui); loaded only when asked for.
  void import('./graph/bench-page.js').then((m) => m.runSyntheticBench(main));
} else {
  startShell(
    {
      nav: must(document.getElementById('nav'), 'the #nav element'),
      search: must(document.getElementById('search'), 'the #search element'),
      status: must(document.getElementById('db-status'), 'the #db-status element'),
      themeToggle: document.getElementById('theme-toggle') as HTMLButtonElement,
      loading: must(document.getElementById('loading'), 'the #loading element'),
      main,
    },
    viewLoaders,
  );
}
