/**
 * Finds a real Neo4j for the service or the tests, in the order the README promises:
 * a server named by NEO4J_URI, else a Docker container (testcontainers), else a local
 * Neo4j 5.26 started with Java. Whatever is chosen is described in one line.
 */
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

async function startLocal(config: Neo4jConfig, options: ProvideOptions): Promise<ProvidedNeo4j> {
  const dataDir = options.localDataDir ?? config.localDataDir;
  const local = await startLocalNeo4j({
    dataDir,
    port: options.localPort ?? config.localPort,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  return {
    mode: 'local',
    uri: local.uri,
    user: 'neo4j',
    password: config.password,
    database: 'neo4j',
    description: `local Neo4j 5.26 (Java, pid ${local.pid}) at ${local.uri}, data in ${dataDir}`,
    stop: () => local.stop(),
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
