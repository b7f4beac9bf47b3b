// The review view's sign-in: the admin token taken once from the sign-in URL the server prints, kept in sessionStorage
// for this tab, and sent as `Authorization: Bearer` (see server/http/admin-token.ts for why a header, not a cookie).

const KEY = 'papergraph.adminToken';

/** The parts of window this module touches, so tests can hand in their own. */
export interface SignInEnv {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
}

function browserEnv(): SignInEnv {
  let storage: SignInEnv['storage'] = null;
  try {
    storage = window.sessionStorage;
  } catch {
    // Storage disabled (privacy settings): the token then lives only until the page is left.
  }
  return { location: window.location, history: window.history, storage };
}

let memoryToken: string | null = null;

/**
 * Run once at start, before the shell reads the URL: a `token` parameter is stored and removed from the address bar
 * with history.replaceState, so it never stays in the tab's history or in links copied from it. True when one was found.
 */
export function captureSignInToken(env: SignInEnv = browserEnv()): boolean {
  const url = new URL(env.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return false;
  url.searchParams.delete('token');
  if (token !== '') storeToken(token, env);
  env.history.replaceState(env.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return true;
}

/** The admin token of this tab, or null when not signed in. */
export function storedToken(env: SignInEnv = browserEnv()): string | null {
  return env.storage?.getItem(KEY) ?? memoryToken;
}

export function storeToken(token: string, env: SignInEnv = browserEnv()): void {
  memoryToken = token;
  env.storage?.setItem(KEY, token);
}

export function forgetToken(env: SignInEnv = browserEnv()): void {
  memoryToken = null;
  env.storage?.removeItem(KEY);
}
