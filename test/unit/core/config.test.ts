import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../core/config.js';

describe('loadConfig', () => {
  it('has safe defaults and no default secret', () => {
    const c = loadConfig({}, '/repo');
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.PORT).toBe(3000);
    expect(c.NEO4J_URI).toBeUndefined();
    expect(c.NEO4J_PASSWORD).toBeUndefined();
    expect(c.dataDir).toBe(path.resolve('/repo', '.data'));
    expect(c.LOAD_SAMPLE).toBe(true);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', NEO4J_URI: 'http://x', NEO4J_HEAP: 'lots' })).toThrowError(ConfigError);
    try {
      loadConfig({ PORT: 'abc', NEO4J_URI: 'http://x', NEO4J_HEAP: 'lots' });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toMatch(/PORT/);
      expect(msg).toMatch(/NEO4J_URI/);
      expect(msg).toMatch(/NEO4J_HEAP/);
    }
  });

  it('accepts a remote URI with or without a password (a server may have auth off)', () => {
    const noPassword = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(noPassword.NEO4J_URI).toBe('bolt://127.0.0.1:1');
    expect(noPassword.NEO4J_PASSWORD).toBeUndefined();
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://x.databases.neo4j.io', NEO4J_PASSWORD: 'pw' }).NEO4J_URI).toMatch(/^neo4j\+s/);
  });

  it('treats empty strings as unset and parses booleans', () => {
    expect(loadConfig({ PORT: '', LOAD_SAMPLE: '0' })).toMatchObject({ PORT: 3000, LOAD_SAMPLE: false });
    expect(loadConfig({ DATA_DIR: '/tmp/pg' }).dataDir).toBe('/tmp/pg');
  });
});
