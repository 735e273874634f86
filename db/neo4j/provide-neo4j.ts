/**
 * Finds a real Neo4j for the service or the tests, in the order the README promises:
 * a server named by NEO4J_URI, else a Docker container (testcontainers), else a local
 * Neo4j 5.26 started with Java. Whatever is chosen is described in one line.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import type { Neo4jConfig } from '../../core/config.ts';
import { javaAndMavenAvailable, startLocalNeo4j } from './local-neo4j.ts';

export const NEO4J_DOCKER_IMAGE = 'neo4j:5.26-community';

export type ProvidedMode = 'uri' | 'docker' | 'local';

export interface ProvidedNeo4j {
  mode: ProvidedMode;
  uri: string;
  user: string;
  password: string;
  database: string;
  /** One line for the start-up log: which Neo4j, where. */
  description: string;
  /** Stops what was started here (nothing for a given server). */
  stop(): Promise<void>;
}

export class NoNeo4jError extends Error {
  constructor(detail?: string) {
    super(
      'No Neo4j is available: set NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to use a running Neo4j, ' +
        'or start a Docker engine, or install JDK 17+ and Maven so the project can run a local Neo4j.' +
        (detail === undefined ? '' : ` (${detail})`),
    );
    this.name = 'NoNeo4jError';
  }
}

export interface ProvideOptions {
  /** Overrides the local data folder (tests use a throwaway one). */
  localDataDir?: string;
  /** Overrides the local Bolt port (tests use 0: any free port). */
  localPort?: number;
  onProgress?: (line: string) => void;
}

/** True when a Docker (or compatible) engine answers; fast when there is none. */
export async function dockerAvailable(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

async function startDocker(config: Neo4jConfig): Promise<ProvidedNeo4j> {
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const password = 'care-code-graph';
  const container = await new Neo4jContainer(NEO4J_DOCKER_IMAGE).withPassword(password).start();
  const uri = container.getBoltUri();
  return {
    mode: 'docker',
    uri,
    user: 'neo4j',
    password,
    database: config.database,
    description: `Neo4j in Docker (${NEO4J_DOCKER_IMAGE}) at ${uri}`,
    stop: async () => {
      await container.stop();
    },
  };
}

/**
 * Where a running local Neo4j says where it listens, beside its data folder (not in it: the
 * folder is Neo4j's). A second process of the project (npm run seed, user, token, audit,
 * backup) reads it and uses that Neo4j over Bolt instead of trying to start another on a
 * folder that is locked.
 */
export const boltFileOf = (dataDir: string): string => `${dataDir.replace(/[\\/]+$/, '')}.bolt.json`;

interface BoltFile {
  uri: string;
  pid: number;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when something accepts a TCP connection at the Bolt address, within a second. */
async function listening(uri: string): Promise<boolean> {
  const match = /^bolt:\/\/([^:/]+):(\d+)/.exec(uri);
  if (match === null) return false;
  return new Promise((resolve) => {
    const socket = net.connect({ host: match[1], port: Number(match[2]) });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The local Neo4j another process of the project runs on this folder, if it is alive. */
async function runningLocal(dataDir: string): Promise<BoltFile | null> {
  let file: BoltFile;
  try {
    file = JSON.parse(readFileSync(boltFileOf(dataDir), 'utf8')) as BoltFile;
  } catch {
    return null;
  }
  if (typeof file.uri !== 'string' || typeof file.pid !== 'number' || !processAlive(file.pid)) return null;
  return (await listening(file.uri)) ? file : null;
}

async function startLocal(config: Neo4jConfig, options: ProvideOptions): Promise<ProvidedNeo4j> {
  const dataDir = options.localDataDir ?? config.localDataDir;
  const running = await runningLocal(dataDir);
  if (running !== null) {
    return {
      mode: 'local',
      uri: running.uri,
      user: 'neo4j',
      password: config.password,
      database: 'neo4j',
      description: `the local Neo4j 5.26 already running on ${dataDir} (Java, pid ${running.pid}) at ${running.uri}`,
      // Not ours to stop: the process that started it does.
      stop: () => Promise.resolve(),
    };
  }
  const local = await startLocalNeo4j({
    dataDir,
    port: options.localPort ?? config.localPort,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const boltFile = boltFileOf(dataDir);
  writeFileSync(boltFile, `${JSON.stringify({ uri: local.uri, pid: local.pid } satisfies BoltFile)}\n`);
  return {
    mode: 'local',
    uri: local.uri,
    user: 'neo4j',
    password: config.password,
    database: 'neo4j',
    description: `local Neo4j 5.26 (Java, pid ${local.pid}) at ${local.uri}, data in ${dataDir}`,
    stop: async () => {
      rmSync(boltFile, { force: true });
      await local.stop();
    },
  };
}

/**
 * Chooses and starts a Neo4j per config.mode ('auto' tries uri, docker, local in turn).
 * Throws NoNeo4jError with one sentence naming the three options when none is possible.
 */
export async function provideNeo4j(config: Neo4jConfig, options: ProvideOptions = {}): Promise<ProvidedNeo4j> {
  const useUri = config.mode === 'uri' || (config.mode === 'auto' && config.uri !== undefined);
  if (useUri && config.uri !== undefined) {
    return {
      mode: 'uri',
      uri: config.uri,
      user: config.user,
      password: config.password,
      database: config.database,
      description: `Neo4j at ${config.uri} (from NEO4J_URI), database "${config.database}"`,
      stop: () => Promise.resolve(),
    };
  }
  if (config.mode === 'docker' || (config.mode === 'auto' && (await dockerAvailable()))) {
    return startDocker(config);
  }
  if (config.mode === 'local' || config.mode === 'auto') {
    if (!(await javaAndMavenAvailable())) {
      throw new NoNeo4jError(config.mode === 'local' ? 'NEO4J_MODE=local but java 17+ or mvn is missing' : undefined);
    }
    return startLocal(config, options);
  }
  throw new NoNeo4jError();
}
