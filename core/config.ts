/**
 * The only reader of process.env (docs/architecture.md, "The floors").
 * Every variable is validated at start and every problem is reported at once,
 * each naming the variable and showing a valid example.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOG_LEVELS, type LogLevel } from './log.ts';

/** How the service finds its Neo4j: a given server, a Docker container, or a local JVM. */
export type Neo4jMode = 'auto' | 'uri' | 'docker' | 'local';

export interface Neo4jConfig {
  mode: Neo4jMode;
  /** Set only when NEO4J_URI is given. */
  uri: string | undefined;
  user: string;
  password: string;
  database: string;
  /** Where the local (Java) Neo4j keeps its data. */
  localDataDir: string;
  /** Bolt port of the local Neo4j; 0 picks a free port. */
  localPort: number;
  /** Upper bound of one transaction, so no request hangs on a lost database. */
  queryTimeoutMs: number;
  /** Upper bound for getting a connection from the pool (and the driver's retry window). */
  connectionTimeoutMs: number;
}

/**
 * Limits every operation must keep to before any resolver runs (docs/architecture.md, "Limits").
 * Tuned so the README's example operations pass and a 100 × 100 nested fan-out fails.
 */
export interface Limits {
  /** Deepest nesting of fields (introspection's own nesting is not counted). */
  depth: number;
  /** Most aliased fields in one operation. */
  aliases: number;
  /** Most directives in one operation. */
  directives: number;
  /** Most lexical tokens in one document; the parser stops at the first one over. */
  tokens: number;
  /** Highest estimated cost: roughly the number of objects the operation may return. */
  cost: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = { depth: 12, aliases: 30, directives: 20, tokens: 2000, cost: 5000 };

/** How many requests one client may make in a window (docs/architecture.md, "Limits"). */
export interface RateLimit {
  /** Most requests per client per window; 0 turns the limit off. */
  max: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: Readonly<RateLimit> = { max: 600, windowMs: 60_000 };

/** The one deadline an operation gets by default (OPERATION_TIMEOUT_MS). */
export const DEFAULT_OPERATION_TIMEOUT_MS = 15_000;

/** What the service does at start about the graph's constraints and indexes (db/graph-schema.ts). */
export type SchemaOnStart = 'create' | 'check';

export interface Config {
  host: string;
  port: number;
  bodyLimit: string;
  /** Reports round trips and Cypher statements in each response's extensions. */
  debugQueries: boolean;
  /** Seed an empty database at start. */
  seedOnStart: boolean;
  /** The least severe level the service logs (LOG_LEVEL). */
  logLevel: LogLevel;
  limits: Limits;
  /** One deadline for the whole of an operation, shared by all its statements. */
  operationTimeoutMs: number;
  rateLimit: RateLimit;
  /** Express's `trust proxy`: false, a number of proxies, or their addresses. */
  trustProxy: boolean | number | string[];
  schemaOnStart: SchemaOnStart;
  neo4j: Neo4jConfig;
  projectRoot: string;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(
      `The configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Loads a `.env` file of the project into process.env when there is one (variables already
 * set in the shell win). Documented in `.env.example`.
 */
export function loadEnvFile(root: string = PROJECT_ROOT): void {
  const file = path.join(root, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

const NEO4J_SCHEMES = ['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'];

/**
 * Reads and validates the configuration from an environment (process.env by default).
 * Throws ConfigError listing every problem found, never just the first.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };

  const integer = (name: string, fallback: number, min: number, max: number, example: string): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, like ${name}=${example}; got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false, like ${name}=true; got "${raw}"`);
    return fallback;
  };

  const port = integer('PORT', 4000, 0, 65535, '4000');
  const host = read('HOST') ?? '127.0.0.1';
  const bodyLimit = read('BODY_LIMIT') ?? '100kb';
  if (!/^\d+(b|kb|mb)$/i.test(bodyLimit)) {
    problems.push(`BODY_LIMIT must be a size like BODY_LIMIT=100kb (b, kb or mb); got "${bodyLimit}"`);
  }

  const uri = read('NEO4J_URI');
  if (uri !== undefined) {
    const scheme = /^([a-z0-9+]+):\/\/[^/\s]+/i.exec(uri)?.[1]?.toLowerCase();
    if (scheme === undefined || !NEO4J_SCHEMES.includes(scheme)) {
      problems.push(
        `NEO4J_URI must be a Neo4j address such as NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io or ` +
          `NEO4J_URI=bolt://localhost:7687 (schemes: ${NEO4J_SCHEMES.join(', ')}); got "${uri}"`,
      );
    }
  }

  const modeRaw = (read('NEO4J_MODE') ?? 'auto').toLowerCase();
  const modes: readonly Neo4jMode[] = ['auto', 'uri', 'docker', 'local'];
  const mode = modes.find((m) => m === modeRaw);
  if (mode === undefined) {
    problems.push(`NEO4J_MODE must be one of ${modes.join(', ')}, like NEO4J_MODE=local; got "${modeRaw}"`);
  } else if (mode === 'uri' && uri === undefined) {
    problems.push('NEO4J_MODE=uri needs NEO4J_URI, like NEO4J_URI=bolt://localhost:7687');
  }

  const user = read('NEO4J_USER') ?? 'neo4j';
  const password = read('NEO4J_PASSWORD') ?? '';
  if (uri !== undefined && password === '') {
    problems.push('NEO4J_PASSWORD is needed with NEO4J_URI, like NEO4J_PASSWORD=secret (the password of NEO4J_USER)');
  }
  const database = read('NEO4J_DATABASE') ?? 'neo4j';
  if (!/^[A-Za-z][A-Za-z0-9.-]{2,62}$/.test(database)) {
    problems.push(`NEO4J_DATABASE must be a Neo4j database name like NEO4J_DATABASE=neo4j; got "${database}"`);
  }

  const projectRoot = PROJECT_ROOT;
  const localDataDir = path.resolve(projectRoot, read('NEO4J_DATA_DIR') ?? '.data/neo4j');
  const localPort = integer('NEO4J_LOCAL_PORT', 7687, 0, 65535, '7687');
  const queryTimeoutMs = integer('NEO4J_QUERY_TIMEOUT_MS', 15000, 100, 600000, '15000');
  const connectionTimeoutMs = integer('NEO4J_CONNECTION_TIMEOUT_MS', 5000, 100, 120000, '5000');
  const debugQueries = boolean('DEBUG_QUERIES', false);
  const seedOnStart = boolean('SEED_ON_START', true);
  const logLevelRaw = (read('LOG_LEVEL') ?? 'info').toLowerCase();
  const logLevel = LOG_LEVELS.find((level) => level === logLevelRaw);
  if (logLevel === undefined) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, like LOG_LEVEL=info; got "${logLevelRaw}"`);
  }
  const operationTimeoutMs = integer('OPERATION_TIMEOUT_MS', DEFAULT_OPERATION_TIMEOUT_MS, 100, 600000, String(DEFAULT_OPERATION_TIMEOUT_MS));
  const rateLimit: RateLimit = {
    max: integer('RATE_LIMIT_MAX', DEFAULT_RATE_LIMIT.max, 0, 1_000_000_000, String(DEFAULT_RATE_LIMIT.max)),
    windowMs: integer('RATE_LIMIT_WINDOW_MS', DEFAULT_RATE_LIMIT.windowMs, 1000, 86_400_000, String(DEFAULT_RATE_LIMIT.windowMs)),
  };
  const trustProxyRaw = read('TRUST_PROXY') ?? 'false';
  let trustProxy: boolean | number | string[] = false;
  if (/^(false|no|off|0)$/i.test(trustProxyRaw)) trustProxy = false;
  else if (/^[1-9]$/.test(trustProxyRaw)) trustProxy = Number(trustProxyRaw);
  else {
    const entries = trustProxyRaw.split(',').map((entry) => entry.trim());
    if (entries.every((entry) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(entry))) trustProxy = entries;
    else {
      problems.push(
        `TRUST_PROXY must be false, the number of proxies in front (1 to 9), or their addresses, like TRUST_PROXY=1 or TRUST_PROXY=loopback,10.0.0.0/8; got "${trustProxyRaw}"`,
      );
    }
  }
  const schemaRaw = (read('SCHEMA_ON_START') ?? 'create').toLowerCase();
  const schemaModes: readonly SchemaOnStart[] = ['create', 'check'];
  const schemaOnStart = schemaModes.find((m) => m === schemaRaw);
  if (schemaOnStart === undefined) {
    problems.push(`SCHEMA_ON_START must be create or check, like SCHEMA_ON_START=create; got "${schemaRaw}"`);
  }
  const limits: Limits = {
    depth: integer('MAX_DEPTH', DEFAULT_LIMITS.depth, 1, 100, String(DEFAULT_LIMITS.depth)),
    aliases: integer('MAX_ALIASES', DEFAULT_LIMITS.aliases, 0, 1000, String(DEFAULT_LIMITS.aliases)),
    directives: integer('MAX_DIRECTIVES', DEFAULT_LIMITS.directives, 0, 1000, String(DEFAULT_LIMITS.directives)),
    tokens: integer('MAX_TOKENS', DEFAULT_LIMITS.tokens, 100, 100000, String(DEFAULT_LIMITS.tokens)),
    cost: integer('MAX_COST', DEFAULT_LIMITS.cost, 1, 10000000, String(DEFAULT_LIMITS.cost)),
  };

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    host,
    port,
    bodyLimit,
    debugQueries,
    seedOnStart,
    logLevel: logLevel ?? 'info',
    limits,
    operationTimeoutMs,
    rateLimit,
    trustProxy,
    schemaOnStart: schemaOnStart ?? 'create',
    projectRoot,
    neo4j: {
      mode: mode ?? 'auto',
      uri,
      user,
      password,
      database,
      localDataDir,
      localPort,
      queryTimeoutMs,
      connectionTimeoutMs,
    },
  };
}
