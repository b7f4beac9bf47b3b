// Integration tests for db/local-neo4j.ts: they start real Neo4j JVMs in temp dirs (each start costs ~5–10 s).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findRunningLocalNeo4j,
  LocalNeo4jStartError,
  LocalNeo4jUnavailableError,
  resolveNeo4jJars,
  startLocalNeo4j,
  type LocalNeo4j,
} from '../../db/local-neo4j.js';
import { must } from '../../core/must.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(REPO_ROOT, 'test/db/fixtures/start-neo4j-child.ts');
// Small memory settings: several JVMs may run at once during the test run (the global-setup one included).
const SMALL = { heap: '512m', pageCache: '64m' } as const;
const START_TIMEOUT = 180_000;

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `papergraph-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

/** Alive and not a zombie: an exited child that nobody reaped yet still answers kill(pid, 0). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

async function authFails(uri: string, user: string, password: string): Promise<string | undefined> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  try {
    await driver.verifyConnectivity();
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  } finally {
    await driver.close();
  }
}

afterAll(async () => {
  await Promise.all(tempDirs.map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe('startLocalNeo4j (real Neo4j in a child JVM)', () => {
  let dataDir: string;
  let db: LocalNeo4j | undefined;
  let driver: Driver | undefined;
  const started = () => must(db, 'the Neo4j started in beforeAll');
  const connected = () => must(driver, 'the driver to the Neo4j started in beforeAll');

  beforeAll(async () => {
    dataDir = tempDir('local-neo4j');
    db = await startLocalNeo4j({ dataDir, port: 0, ...SMALL, log: () => {} });
    driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password));
  }, START_TIMEOUT);

  afterAll(async () => {
    await driver?.close();
    await db?.stop();
  }, 60_000);

  it('is Neo4j 5.26.31 Community, on loopback, reached with the generated password', async () => {
    expect(started().uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(started().password.length).toBeGreaterThanOrEqual(32);
    const result = await connected().executeQuery('CALL dbms.components() YIELD name, versions, edition RETURN *');
    const row = must(result.records[0], 'result.records[0]').toObject();
    expect(row).toMatchObject({ name: 'Neo4j Kernel', versions: ['5.26.31'], edition: 'community' });
  });

  it('has authentication on: a wrong password and the default neo4j/neo4j are refused', async () => {
    expect(await authFails(started().uri, 'neo4j', 'not-the-password')).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await authFails(started().uri, 'neo4j', 'neo4j')).toBe('Neo.ClientError.Security.Unauthorized');
  });

  it('keeps the password in a 0600 file in the data dir', async () => {
    const stat = await fs.stat(path.join(dataDir, 'password'));
    expect(stat.mode & 0o777).toBe(0o600);
    expect((await fs.readFile(path.join(dataDir, 'password'), 'utf8')).trim()).toBe(started().password);
    // The one-shot initial-password file is consumed and removed.
    await expect(fs.stat(path.join(dataDir, 'data/dbms/auth.ini'))).rejects.toThrow();
  });

  it('is found by findRunningLocalNeo4j through running.json', async () => {
    expect(await findRunningLocalNeo4j(dataDir)).toEqual({ uri: started().uri, user: 'neo4j', password: started().password });
    const runtime = JSON.parse(await fs.readFile(path.join(dataDir, 'running.json'), 'utf8'));
    expect(runtime).toMatchObject({ uri: started().uri, pid: started().pid, version: '5.26.31' });
    expect(await findRunningLocalNeo4j(tempDir('empty'))).toBeNull();
  });

  it('refuses LOAD CSV from file URLs and from any network address', async () => {
    for (const url of ['file:///etc/passwd', 'http://127.0.0.1:1/x.csv', 'http://[::1]:1/x.csv', 'http://192.0.2.1/x.csv']) {
      await expect(connected().executeQuery(`LOAD CSV FROM '${url}' AS line RETURN line LIMIT 1`)).rejects.toMatchObject({
        code: 'Neo.ClientError.Statement.ExternalResourceFailed',
      });
    }
  });

  it('runs with the JVM flags Neo4j needs (no degraded-mode warnings in debug.log)', async () => {
    const debugLog = await fs.readFile(path.join(dataDir, 'logs/debug.log'), 'utf8');
    expect(debugLog).not.toContain('Consider adding --add-opens');
    expect(debugLog).not.toContain('Incorrect file descriptor');
    expect(debugLog).toContain('internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0');
  });

  it('fails fast, naming the port, when a fixed port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const err = await startLocalNeo4j({ dataDir: tempDir('port'), port, ...SMALL, log: () => {} }).catch((e) => e);
      expect(err).toBeInstanceOf(LocalNeo4jStartError);
      expect(err.code).toBe('port-in-use');
      expect(err.message).toContain(`Port ${port}`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a second instance on the same data dir, also when running.json is gone (store lock)', async () => {
    const again = await startLocalNeo4j({ dataDir, ...SMALL, log: () => {} }).catch((e) => e);
    expect(again).toBeInstanceOf(LocalNeo4jStartError);
    expect(again.code).toBe('already-running');

    // Without the runtime file the second JVM really starts and runs into Neo4j's store lock.
    const runtimeFile = path.join(dataDir, 'running.json');
    await fs.rename(runtimeFile, `${runtimeFile}.hidden`);
    try {
      const locked = await startLocalNeo4j({ dataDir, ...SMALL, log: () => {} }).catch((e) => e);
      expect(locked).toBeInstanceOf(LocalNeo4jStartError);
      expect(locked.code).toBe('store-locked');
      expect(locked.message).toContain(dataDir);
      expect(locked.message).toContain('Lock file has been locked by another process'); // the JVM's log tail
    } finally {
      await fs.rename(`${runtimeFile}.hidden`, runtimeFile);
    }
    // The running instance is unaffected.
    expect(must((await connected().executeQuery('RETURN 1 AS one')).records[0], 'the row of RETURN 1 AS one').get('one').toNumber()).toBe(1);
  }, START_TIMEOUT);

  it('keeps data and password across stop and restart', async () => {
    await connected().executeQuery('CREATE (:Probe {name: $name})', { name: 'survives restart' });
    const { password, pid } = started();
    await connected().close();
    await started().stop();
    await started().stop(); // idempotent
    expect(isAlive(pid)).toBe(false);
    await expect(fs.stat(path.join(dataDir, 'running.json'))).rejects.toThrow();
    expect(await findRunningLocalNeo4j(dataDir)).toBeNull();

    db = await startLocalNeo4j({ dataDir, ...SMALL, log: () => {} });
    expect(db.password).toBe(password);
    driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password));
    const result = await driver.executeQuery('MATCH (p:Probe) RETURN p.name AS name');
    expect(result.records.map((r) => r.get('name'))).toEqual(['survives restart']);
  }, START_TIMEOUT);
});

describe('jar cache', () => {
  it('does not trust a partial copy, re-resolves it, then skips Maven', async () => {
    const jarsDir = path.join(tempDir('jars'), '5.26.31');
    await fs.mkdir(jarsDir);
    // Looks like an interrupted copy: a marker claiming the full set, but a single jar.
    await fs.writeFile(path.join(jarsDir, 'neo4j-5.26.31.jar'), 'partial');
    await fs.writeFile(
      path.join(jarsDir, '.papergraph-complete.json'),
      JSON.stringify({ version: '5.26.31', jarCount: 213, bytes: 127_988_332 }),
    );
    const lines: string[] = [];
    const first = await resolveNeo4jJars({ jarsDir, log: (l) => lines.push(l) }); // offline copy from ~/.m2
    expect(first).toMatchObject({ resolved: true, jarCount: 213 });
    expect(lines.join('\n')).toMatch(/Resolved 213 jars \(\d+\.\d MiB\)/);
    const second = await resolveNeo4jJars({ jarsDir, log: (l) => lines.push(l) });
    expect(second).toMatchObject({ resolved: false, jarCount: 213, bytes: first.bytes });
    expect((await fs.readdir(path.dirname(jarsDir))).filter((n) => n.includes('.partial-'))).toEqual([]);
  }, 600_000);
});

describe('no orphan JVM', () => {
  it('the JVM exits when its Node parent is killed with SIGKILL', async () => {
    const dataDir = tempDir('orphan');
    // Plain node with the tsx loader (not the tsx CLI, which would add a process in between).
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const javaPid = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /JAVA_PID (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`fixture exited (${code}) before Neo4j was ready:\n${stderr}`)));
    });
    try {
      expect(isAlive(javaPid)).toBe(true);
      child.kill('SIGKILL');
      const started = Date.now();
      const gone = await waitUntil(() => !isAlive(javaPid), 15_000);
      expect(gone, 'JVM still running 15 s after its parent was SIGKILLed').toBe(true);
      expect(Date.now() - started).toBeLessThan(15_000);
      // It shut down cleanly (stdin EOF → System.exit → shutdown hook), not just died.
      const debugLog = await fs.readFile(path.join(dataDir, 'logs/debug.log'), 'utf8');
      expect(debugLog).toMatch(/Stopped 'DatabaseId\{[^}]*\[neo4j\]\}' successfully/);
    } finally {
      if (isAlive(javaPid)) process.kill(javaPid, 'SIGKILL');
    }
  }, START_TIMEOUT);
});

describe('without Java or Maven', () => {
  it('names the three ways out when java is not on PATH', async () => {
    const emptyBin = tempDir('no-java');
    const err = await startLocalNeo4j({ dataDir: tempDir('x'), env: { PATH: emptyBin } }).catch((e) => e);
    expect(err).toBeInstanceOf(LocalNeo4jUnavailableError);
    expect(err.name).toBe('LocalNeo4jUnavailableError');
    expect(err.message).toContain('java: not found');
    expect(err.message).toMatch(/JDK 17.*Maven/);
    expect(err.message).toContain('docker compose up');
    expect(err.message).toContain('NEO4J_URI');
  });

  it('rejects a Java newer than Neo4j 5.26 supports', async () => {
    const bin = tempDir('java-25');
    // A fake `java` answering like JDK 25 does to -XshowSettings:properties -version.
    await fs.writeFile(
      path.join(bin, 'java'),
      '#!/bin/sh\necho "    java.home = /opt/jdk-25" >&2\necho "    java.specification.version = 25" >&2\n',
      { mode: 0o755 },
    );
    const err = await startLocalNeo4j({ dataDir: tempDir('x'), env: { PATH: `${bin}:/usr/bin:/bin` } }).catch((e) => e);
    expect(err).toBeInstanceOf(LocalNeo4jUnavailableError);
    expect(err.message).toContain('Java 25');
  });

  it('asks for Maven only when the jars still have to be fetched', async () => {
    const bin = tempDir('java-only');
    const realJava = execFileSync('sh', ['-c', 'command -v java']).toString().trim();
    await fs.symlink(realJava, path.join(bin, 'java'));
    const err = await startLocalNeo4j({
      dataDir: tempDir('x'),
      jarsDir: path.join(tempDir('no-jars'), 'jars'),
      env: { PATH: bin },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(LocalNeo4jUnavailableError);
    expect(err.message).toContain('mvn');
    expect(err.message).toContain('docker compose up');
  });
});
