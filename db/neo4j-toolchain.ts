// The toolchain of the built-in Neo4j: finding Java and Maven, and the cached jar set Maven resolves from db/pom.xml.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pinned Neo4j version; db/pom.xml declares the same. */
export const NEO4J_VERSION = '5.26.31';

const DB_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.dirname(DB_DIR);
const POM = path.join(DB_DIR, 'pom.xml');
const JARS_MARKER = '.papergraph-complete.json';
/** Lines of a failed command's output kept in its error. */
export const TAIL_LINES = 30;

/** Java or Maven is missing or unusable, so no local Neo4j can be started on this machine. */
export class LocalNeo4jUnavailableError extends Error {
  override name = 'LocalNeo4jUnavailableError';
  constructor(problem: string) {
    super(
      `Cannot run a local Neo4j: ${problem}\n` +
        'Ways out:\n' +
        '  1. install a JDK 17 and Maven 3 (e.g. `apt-get install openjdk-17-jdk-headless maven`), then retry;\n' +
        '  2. run Neo4j in Docker with `docker compose up`;\n' +
        '  3. set NEO4J_URI (and NEO4J_PASSWORD) to use a Neo4j you already have.',
    );
  }
}

/** Why a local Neo4j did not start. */
export type LocalNeo4jStartErrorCode =
  | 'bad-options'
  | 'port-in-use'
  | 'store-locked'
  | 'already-running'
  | 'resolve-failed'
  | 'timeout'
  | 'exited';

/** The JVM or the jar resolution failed; the message carries the last JVM and Neo4j log lines when there are any. */
export class LocalNeo4jStartError extends Error {
  override name = 'LocalNeo4jStartError';
  constructor(
    readonly code: LocalNeo4jStartErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The Java that will run Neo4j. */
export interface JavaInfo {
  /** Absolute path of the java binary. */
  java: string;
  /** Its java.home, handed to Maven so both use the same JDK. */
  javaHome: string;
  major: number;
}

/** Default jar cache: env PAPERGRAPH_NEO4J_JARS, else `<repo>/.data/jars/<version>` (gitignored). */
export function defaultJarsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PAPERGRAPH_NEO4J_JARS
    ? path.resolve(env.PAPERGRAPH_NEO4J_JARS)
    : path.join(REPO_ROOT, '.data', 'jars', NEO4J_VERSION);
}

/**
 * Copies Neo4j's runtime classpath into `jarsDir` with Maven (db/pom.xml) unless a complete copy is already there.
 * The copy is made in a sibling temp dir and renamed into place, so an interrupted run never looks complete.
 */
export async function resolveNeo4jJars(opts: {
  jarsDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  javaHome?: string;
}): Promise<{ jarsDir: string; jarCount: number; bytes: number; resolved: boolean }> {
  const env = opts.env ?? process.env;
  const jarsDir = opts.jarsDir ?? defaultJarsDir(env);
  const log = opts.log ?? ((line: string) => process.stderr.write(`[local-neo4j] ${line}\n`));
  const existing = await jarsComplete(jarsDir);
  if (existing) return { jarsDir, jarCount: existing.jarCount, bytes: existing.bytes, resolved: false };

  const mvn = await findMaven(env);
  const javaHome = opts.javaHome ?? (await findJava(env)).javaHome;
  const parent = path.dirname(jarsDir);
  await fs.mkdir(parent, { recursive: true });
  const tmp = `${jarsDir}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  log(
    `Fetching org.neo4j:neo4j:${NEO4J_VERSION} and its runtime dependencies with Maven into ${jarsDir} ` +
      '(about 213 jars, ~122 MiB; only what ~/.m2 lacks is downloaded; later starts skip this)',
  );
  const started = Date.now();
  try {
    await run(
      mvn,
      [
        '-q',
        '-B',
        '-f',
        POM,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${tmp}`,
        '-DincludeScope=runtime',
      ],
      { cwd: parent, env: { ...env, JAVA_HOME: javaHome }, timeoutMs: 15 * 60_000 },
    );
    const { jarCount, bytes } = await measureJars(tmp);
    if (jarCount === 0) throw new Error('Maven copied no jars');
    const marker = { version: NEO4J_VERSION, jarCount, bytes, resolvedAt: new Date().toISOString() };
    await fs.writeFile(path.join(tmp, JARS_MARKER), JSON.stringify(marker, null, 2) + '\n');
    // A leftover dir without a valid marker is an older partial copy: replace it.
    if (existsSync(jarsDir) && !(await jarsComplete(jarsDir))) await fs.rm(jarsDir, { recursive: true, force: true });
    try {
      await fs.rename(tmp, jarsDir);
    } catch (err) {
      // Another process finished first (rename onto a non-empty dir fails); its copy is as good as ours.
      if (!(await jarsComplete(jarsDir))) throw err;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(`Resolved ${jarCount} jars (${(bytes / 2 ** 20).toFixed(1)} MiB) in ${seconds} s`);
    return { jarsDir, jarCount, bytes, resolved: true };
  } catch (err) {
    throw new LocalNeo4jStartError(
      'resolve-failed',
      `Could not fetch the Neo4j ${NEO4J_VERSION} jars with Maven: ${(err as Error).message}`,
    );
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

/** Finds a usable Java (17–21): JAVA_HOME first, then `java` on PATH. */
export async function findJava(env: NodeJS.ProcessEnv = process.env): Promise<JavaInfo> {
  const candidates: string[] = [];
  if (env.JAVA_HOME) candidates.push(path.join(env.JAVA_HOME, 'bin', 'java'));
  candidates.push('java');
  const problems: string[] = [];
  for (const candidate of candidates) {
    let output: string;
    try {
      // -XshowSettings prints java.home, which resolves a PATH lookup to the real JDK directory.
      output = await run(candidate, ['-XshowSettings:properties', '-version'], { env, timeoutMs: 30_000 });
    } catch (err) {
      problems.push(`${candidate}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (err as Error).message}`);
      continue;
    }
    const version = /java\.specification\.version = (\d+)(?:\.(\d+))?/.exec(output);
    const home = /java\.home = (.+)/.exec(output);
    if (!version || !home) {
      problems.push(`${candidate}: cannot read its version`);
      continue;
    }
    // "1.8" style versions put the major after the dot.
    const major = version[1] === '1' ? Number(version[2]) : Number(version[1]);
    // Neo4j 5.26 supports Java 17 and 21; on 25 it starts but warns "unsupported version of the Java runtime".
    if (major < 17 || major > 21) {
      problems.push(`${candidate} is Java ${major}, but Neo4j ${NEO4J_VERSION} needs Java 17 (or 21)`);
      continue;
    }
    const javaHome = home[1]!.trim();
    return { java: path.join(javaHome, 'bin', 'java'), javaHome, major };
  }
  throw new LocalNeo4jUnavailableError(`no usable Java found (${problems.join('; ')}).`);
}

/** Finds Maven (`mvn` on PATH), needed only until the jars are cached. */
export async function findMaven(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    await run('mvn', ['-v'], { env, timeoutMs: 60_000 });
    return 'mvn';
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found on PATH' : (err as Error).message;
    throw new LocalNeo4jUnavailableError(
      `Maven is needed once to fetch the Neo4j ${NEO4J_VERSION} jars, but \`mvn\` is ${why}.`,
    );
  }
}

/** A jar dir counts as complete only with its marker and as many jars as the marker recorded. */
export async function jarsComplete(jarsDir: string): Promise<{ jarCount: number; bytes: number } | null> {
  try {
    const marker = JSON.parse(await fs.readFile(path.join(jarsDir, JARS_MARKER), 'utf8')) as {
      version?: string;
      jarCount?: number;
      bytes?: number;
    };
    if (marker.version !== NEO4J_VERSION) return null;
    const actual = await measureJars(jarsDir);
    return actual.jarCount === marker.jarCount && actual.bytes === marker.bytes ? actual : null;
  } catch {
    return null;
  }
}

async function measureJars(dir: string): Promise<{ jarCount: number; bytes: number }> {
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.jar'));
  const sizes = await Promise.all(names.map(async (n) => (await fs.stat(path.join(dir, n))).size));
  return { jarCount: names.length, bytes: sizes.reduce((a, b) => a + b, 0) };
}

/** Runs a command, resolving with stdout+stderr; rejects with the output tail on a non-zero exit. */
export function run(cmd: string, args: string[], opts: { cwd?: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { cwd: opts.cwd, env: opts.env, timeout: opts.timeoutMs, maxBuffer: 16 * 2 ** 20 },
      (err, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        if (err) {
          const tail = output.trim().split('\n').slice(-TAIL_LINES).join('\n');
          const wrapped = Object.assign(new Error(tail ? `${err.message.split('\n')[0]}\n${tail}` : err.message), {
            code: (err as NodeJS.ErrnoException).code,
          });
          reject(wrapped);
        } else {
          resolve(output);
        }
      },
    );
  });
}
