// The review view's sign-in: the token is taken from the sign-in URL once, stored for the tab, and removed from the
// address bar (replaceState, so it is not left in history).
import { describe, expect, it } from 'vitest';
import { captureSignInToken, forgetToken, type SignInEnv, storedToken } from '../../../client/src/views/review/sign-in.js';

function fakeEnv(href: string) {
  const store = new Map<string, string>();
  const replaced: string[] = [];
  const env: SignInEnv = {
    location: { href },
    history: { state: { keep: 1 }, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) },
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v), removeItem: (k) => void store.delete(k) },
  };
  return { env, store, replaced };
}

describe('captureSignInToken', () => {
  it('stores the token and replaces the URL with one without it, keeping the other parameters', () => {
    const { env, replaced } = fakeEnv('http://127.0.0.1:3000/?view=review&token=abc%2Bdef&status=rejected#top');
    expect(captureSignInToken(env)).toBe(true);
    expect(storedToken(env)).toBe('abc+def');
    expect(replaced).toEqual(['/?view=review&status=rejected#top']);
    forgetToken(env);
    expect(storedToken(env)).toBeNull();
  });

  it('leaves a URL without a token alone', () => {
    const { env, replaced, store } = fakeEnv('http://127.0.0.1:3000/?view=overview');
    expect(captureSignInToken(env)).toBe(false);
    expect(replaced).toEqual([]);
    expect(store.size).toBe(0);
  });

  it('drops an empty token parameter without signing in', () => {
    const { env, replaced } = fakeEnv('http://127.0.0.1:3000/?token=&view=review');
    expect(captureSignInToken(env)).toBe(true);
    expect(storedToken(env)).toBeNull();
    expect(replaced).toEqual(['/?view=review']);
  });
});
