// The Neo4j hardening list (db/neo4j-hardening.conf) is what both runtimes apply: the Launcher loads the file itself,
// and docker-compose.yml must carry every entry, with the same value, as a NEO4J_* environment entry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';

/** key → value of a neo4j.conf-style file (comments and blank lines skipped). */
export function readConf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    const eq = t.indexOf('=');
    if (eq <= 0) throw new Error(`db/neo4j-hardening.conf:${i + 1}: expected key=value, got ${JSON.stringify(t)}`);
    out.set(t.slice(0, eq).trim(), t.slice(eq + 1).trim());
  });
  return out;
}

/** The Neo4j image's naming: `_` in a key becomes `__`, `.` becomes `_`, prefixed with NEO4J_. */
export const envName = (key: string) => `NEO4J_${key.replace(/_/g, '__').replace(/\./g, '_')}`;

/** NEO4J_* entries of the neo4j service's environment block in docker-compose.yml, values unquoted. */
export function composeNeo4jEnv(yml: string): Map<string, string> {
  const service = /^ {2}neo4j:\n((?: {4}.*\n|\n)*)/m.exec(yml);
  if (!service) throw new Error('docker-compose.yml: no neo4j service');
  const env = /^ {4}environment:\n((?: {6}.*\n)*)/m.exec(must(service[1], 'service[1]'));
  if (!env) throw new Error('docker-compose.yml: the neo4j service has no environment block');
  const out = new Map<string, string>();
  for (const m of must(env[1], 'env[1]').matchAll(/^ {6}(NEO4J_\w+):\s*(.*)$/gm)) {
    out.set(must(m[1], 'm[1]'), must(m[2], 'm[2]').trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1'));
  }
  return out;
}

describe('Neo4j hardening list', () => {
  const list = readConf(readFileSync('db/neo4j-hardening.conf', 'utf8'));

  it('holds the settings that keep the console off files and the network', () => {
    expect(list.get('dbms.security.allow_csv_import_from_file_urls')).toBe('false');
    expect(list.get('internal.dbms.cypher_ip_blocklist')).toBe('0.0.0.0/0,::/0');
    expect(list.get('dbms.security.auth_enabled')).toBe('true');
  });

  it('docker-compose.yml applies every entry with the same value', () => {
    const env = composeNeo4jEnv(readFileSync('docker-compose.yml', 'utf8'));
    const missing = [...list].filter(([key, value]) => env.get(envName(key)) !== value).map(([key, value]) => `${envName(key)}: "${value}"`);
    expect(missing, 'add these to the neo4j service environment in docker-compose.yml').toEqual([]);
  });

  it('docker-compose.yml sets no security setting that is not on the list', () => {
    const env = composeNeo4jEnv(readFileSync('docker-compose.yml', 'utf8'));
    const listed = new Set([...list.keys()].map(envName));
    const extra = [...env.keys()].filter((name) => /security|blocklist|usage__report|routing/.test(name) && !listed.has(name));
    expect(extra, 'security settings belong in db/neo4j-hardening.conf').toEqual([]);
  });

  it('the Launcher loads the list and sets none of its keys itself', () => {
    const launcher = readFileSync('db/Launcher.java', 'utf8');
    expect(launcher).toContain('loadPropertiesFromFile(opts.hardening)');
    expect(launcher).toContain('"neo4j-hardening.conf"');
    for (const name of ['allow_file_urls', 'cypher_ip_blocklist', 'auth_enabled', 'udc_enabled', 'routing_enabled']) {
      expect(launcher, `Launcher.java sets ${name} outside the list`).not.toContain(`cfg.put(GraphDatabaseSettings.${name}`);
      expect(launcher).not.toContain(`Settings.${name},`);
    }
  });

  it('parses the compose environment the way the test expects', () => {
    const yml = 'services:\n  neo4j:\n    image: x\n    environment:\n      NEO4J_a_b__c: "1,2"\n      OTHER: y\n    ports: []\n  app:\n    environment:\n      NEO4J_a_b__c: nope\n';
    expect([...composeNeo4jEnv(yml)]).toEqual([['NEO4J_a_b__c', '1,2']]);
    expect(envName('dbms.security.allow_csv_import_from_file_urls')).toBe('NEO4J_dbms_security_allow__csv__import__from__file__urls');
  });
});
