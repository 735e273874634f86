/**
 * Starts the project's own Neo4j 5.26 Community (db/neo4j/launcher/, embedded, Bolt on 127.0.0.1)
 * with Java 17+ and Maven, for machines with neither a Neo4j server nor a Docker engine.
 *
 * Guarantees: the first start builds the launcher and downloads Neo4j's artifacts through
 * Maven (progress reported), later starts reuse the build; the promise resolves only once
 * Bolt accepts connections; the JVM holds the data folder alone (a second start on the same
 * folder fails with DATA_DIR_IN_USE); the JVM exits when stop() is called and also when this
 * process dies by any means, because it watches the stdin pipe this process holds open.
 */
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export type LocalNeo4jErrorCode = 'JAVA_MISSING' | 'BUILD_FAILED' | 'DATA_DIR_IN_USE' | 'START_FAILED' | 'START_TIMEOUT';

export class LocalNeo4jError extends Error {
  readonly code: LocalNeo4jErrorCode;
  constructor(code: LocalNeo4jErrorCode, message: string) {
    super(message);
    this.name = 'LocalNeo4jError';
    this.code = code;
  }
}

export interface LocalNeo4jOptions {
  /** Folder holding the database; created when missing. */
  dataDir: string;
  /** Bolt port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The project's root (holds db/neo4j/launcher/); defaults to this repository. */
  projectRoot?: string;
  /** Receives human-readable progress lines (build, downloads, start). */
  onProgress?: (line: string) => void;
  /** How long to wait for Bolt to answer; default 180 s. */
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  /** Stops the JVM cleanly (SIGKILL after 30 s); resolves once it has exited. */
  stop(): Promise<void>;
}

const DEFAULT_PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN_CLASS = 'carecodegraph.LocalNeo4j';
/** Small heap: the Code's graph is a few thousand nodes; the page cache is set in the launcher. */
const JVM_OPTIONS = ['-Xms128m', '-Xmx512m', '-XX:+ExitOnOutOfMemoryError', '-XX:+UseSerialGC'];
const STOP_GRACE_MS = 30_000;

interface LauncherPaths {
  dir: string;
  pom: string;
  source: string;
  classes: string;
  classpathFile: string;
  stamp: string;
}

function launcherPaths(projectRoot: string): LauncherPaths {
  const dir = path.join(projectRoot, 'db/neo4j/launcher');
  return {
    dir,
    pom: path.join(dir, 'pom.xml'),
    source: path.join(dir, 'src/main/java/carecodegraph/LocalNeo4j.java'),
    classes: path.join(dir, 'target/classes'),
    classpathFile: path.join(dir, 'target/classpath.txt'),
    stamp: path.join(dir, 'target/build.stamp'),
  };
}

/** Major version of `java` on the PATH, or undefined when there is none. */
async function javaMajorVersion(): Promise<number | undefined> {
  try {
    const { stderr, stdout } = await execFileAsync('java', ['-version'], { timeout: 15_000 });
    const match = /version "(\d+)(?:\.(\d+))?/.exec(stderr + stdout);
    if (match?.[1] === undefined) return undefined;
    const major = Number(match[1]);
    // Java 8 and older report "1.8".
    return major === 1 ? Number(match[2]) : major;
  } catch {
    return undefined;
  }
}

async function mavenAvailable(): Promise<boolean> {
  try {
    await execFileAsync('mvn', ['-v'], { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

function isBuilt(paths: LauncherPaths): boolean {
  if (!existsSync(paths.stamp) || !existsSync(paths.classpathFile)) return false;
  const built = statSync(paths.stamp).mtimeMs;
  if (statSync(paths.pom).mtimeMs > built || statSync(paths.source).mtimeMs > built) return false;
  // A wiped Maven cache leaves a classpath naming jars that are gone.
  return readFileSync(paths.classpathFile, 'utf8')
    .split(path.delimiter)
    .filter((jar) => jar.length > 0)
    .every((jar) => existsSync(jar));
}

/** True when this machine can run the local Neo4j: Java 17+ and Maven (or a finished build). */
export async function javaAndMavenAvailable(projectRoot: string = DEFAULT_PROJECT_ROOT): Promise<boolean> {
  const major = await javaMajorVersion();
  if (major === undefined || major < 17) return false;
  return isBuilt(launcherPaths(projectRoot)) || (await mavenAvailable());
}

/** Compiles the launcher and resolves Neo4j's jars with Maven; skipped when up to date. */
async function buildLauncher(paths: LauncherPaths, onProgress: (line: string) => void): Promise<void> {
  if (isBuilt(paths)) return;
  onProgress('Building the local Neo4j launcher with Maven (the first time downloads Neo4j 5.26 and the Maven plugins, about 150 MB)...');
  const args = ['-B', 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${paths.classpathFile}`];
  const child = spawn('mvn', args, { cwd: paths.dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  let downloaded = 0;
  const remember = (line: string): void => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
    if (line.includes('Downloaded from')) {
      downloaded += 1;
      if (downloaded % 25 === 0) onProgress(`  ...${downloaded} artifacts downloaded`);
    }
  };
  createInterface({ input: child.stdout }).on('line', remember);
  createInterface({ input: child.stderr }).on('line', remember);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).catch((error: unknown) => {
    throw new LocalNeo4jError('BUILD_FAILED', `Could not run Maven (mvn): ${String(error)}`);
  });
  if (code !== 0) {
    const errors = tail.filter((line) => line.includes('ERROR')).slice(0, 8);
    throw new LocalNeo4jError(
      'BUILD_FAILED',
      `Maven could not build the local Neo4j launcher in ${paths.dir} (exit ${String(code)}):\n${errors.join('\n')}`,
    );
  }
  if (downloaded > 0) onProgress(`  ${downloaded} artifacts downloaded; later starts use the Maven cache`);
  writeFileSync(paths.stamp, new Date().toISOString() + '\n');
}

/**
 * Starts the local Neo4j on `dataDir` and resolves once its Bolt connector answers.
 * Rejects with LocalNeo4jError (JAVA_MISSING, BUILD_FAILED, DATA_DIR_IN_USE, START_FAILED,
 * START_TIMEOUT); on rejection no JVM is left running.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const onProgress = options.onProgress ?? (() => undefined);
  const major = await javaMajorVersion();
  if (major === undefined || major < 17) {
    throw new LocalNeo4jError(
      'JAVA_MISSING',
      major === undefined ? 'Java is not installed (java not found on PATH); install JDK 17+.' : `Java ${major} is too old; install JDK 17+.`,
    );
  }
  const paths = launcherPaths(options.projectRoot ?? DEFAULT_PROJECT_ROOT);
  await buildLauncher(paths, onProgress);

  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const classpath = [paths.classes, readFileSync(paths.classpathFile, 'utf8').trim()].join(path.delimiter);
  onProgress(`Starting local Neo4j 5.26 on ${dataDir}...`);
  const child = spawn('java', [...JVM_OPTIONS, '-cp', classpath, MAIN_CLASS, dataDir, String(options.port ?? 0)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Our end of the pipe must not keep this process alive on its own.
  child.stdin.on('error', () => undefined);

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
  });

  const kill = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin.end();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  const uri = await new Promise<string>((resolve, reject) => {
    const timeoutMs = options.startTimeoutMs ?? 180_000;
    const timer = setTimeout(() => {
      reject(new LocalNeo4jError('START_TIMEOUT', `Local Neo4j did not open Bolt within ${timeoutMs / 1000} s (data in ${dataDir}).`));
    }, timeoutMs);
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('NEO4J_READY ')) {
        clearTimeout(timer);
        resolve(line.slice('NEO4J_READY '.length).trim());
      } else if (line.startsWith('NEO4J_ERROR ')) {
        clearTimeout(timer);
        const [, code = 'START_FAILED', ...rest] = line.split(' ');
        const sentence = rest.join(' ');
        reject(
          code === 'DATA_DIR_IN_USE'
            ? new LocalNeo4jError('DATA_DIR_IN_USE', `Cannot start local Neo4j: ${sentence}. Stop the other service, or set NEO4J_DATA_DIR to another folder.`)
            : new LocalNeo4jError('START_FAILED', `Local Neo4j failed to start: ${sentence}`),
        );
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new LocalNeo4jError('START_FAILED', `Could not run java: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new LocalNeo4jError(
          'START_FAILED',
          `Local Neo4j exited before it was ready (${signal ?? `exit ${String(code)}`}):\n${stderrTail.slice(-8).join('\n')}`,
        ),
      );
    });
  }).catch(async (error: unknown) => {
    await kill();
    throw error;
  });

  const pid = child.pid;
  if (pid === undefined) throw new LocalNeo4jError('START_FAILED', 'java started without a process id');
  return { uri, pid, stop: kill };
}
