// The admin token: parsing PAPERGRAPH_ADMIN_TOKEN, the generated token, holder lookup and the sign-in URL.
import { describe, expect, it } from 'vitest';
import { loadConfig, parseAdminTokens } from '../../../core/config.js';
import { adminTokens, holderOf, signInUrl } from '../../../server/http/admin-token.js';
import { must } from '../../../core/must.js';

describe('admin tokens', () => {
  it('reads one bare token or label:token pairs', () => {
    expect(parseAdminTokens('s3cret-s3cret-s3cret')).toEqual([{ label: 'admin', token: 's3cret-s3cret-s3cret' }]);
    expect(parseAdminTokens('alice:aaaaaaaaaaaaaaaa, bob:b:bbbbbbbbbbbbbbb')).toEqual([
      { label: 'alice', token: 'aaaaaaaaaaaaaaaa' },
      { label: 'bob', token: 'b:bbbbbbbbbbbbbbb' },
    ]);
  });

  it('refuses a short token at start, naming the variable', () => {
    expect(() => loadConfig({ PAPERGRAPH_ADMIN_TOKEN: 'alice:short' })).toThrow(/PAPERGRAPH_ADMIN_TOKEN: every token must be at least 16/);
    expect(loadConfig({ PAPERGRAPH_ADMIN_TOKEN: 'x'.repeat(16) }).PAPERGRAPH_ADMIN_TOKEN).toBe('x'.repeat(16));
    expect(loadConfig({}).PAPERGRAPH_ADMIN_TOKEN).toBeUndefined();
  });

  it('finds the holder of a token and nobody for a wrong, longer, shorter or empty one', () => {
    const t = adminTokens('alice:aaaaaaaaaaaaaaaa,bob:bbbbbbbbbbbbbbbb');
    expect(t.generated).toBeUndefined();
    expect(holderOf(t, 'aaaaaaaaaaaaaaaa')).toBe('alice');
    expect(holderOf(t, 'bbbbbbbbbbbbbbbb')).toBe('bob');
    for (const wrong of ['aaaaaaaaaaaaaaab', 'aaaaaaaaaaaaaaaaa', 'aaaa', '']) expect(holderOf(t, wrong)).toBeNull();
  });

  it('generates a fresh random token when none is set, and prints it as a sign-in URL', () => {
    const a = adminTokens(undefined);
    const b = adminTokens(undefined);
    expect(a.generated).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a.generated).not.toBe(b.generated);
    expect(holderOf(a, must(a.generated, 'the generated token of a'))).toBe('admin');
    expect(holderOf(a, must(b.generated, 'the generated token of b'))).toBeNull();
    expect(signInUrl('http://127.0.0.1:3000/', 'a+b')).toBe('http://127.0.0.1:3000/?view=review&token=a%2Bb');
  });
});
