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

/** How long a server keeps the published revisions between requests by default (REVISION_CACHE_MS). */
export const DEFAULT_REVISION_CACHE_MS = 10_000;

/** What the service does at start about the graph's constraints and indexes (db/graph-schema.ts). */
export type SchemaOnStart = 'create' | 'check';

/**
 * Sign-in (server/auth/, README "Sign-in"): who may issue the access tokens the API accepts,
 * and how they are checked. One code path for every issuer: the embedded provider is checked
 * through its discovery document and JWKS exactly as Microsoft Entra ID would be.
 */
export interface AuthConfig {
  /** AUTH_ISSUER: an external OpenID Connect issuer; undefined = the embedded provider at `<publicUrl>/oidc`. */
  issuer: string | undefined;
  /** AUTH_AUDIENCE: the `aud` every token must carry. */
  audience: string;
  /** AUTH_ROLES_CLAIM: the claim holding the person's roles (a dotted path such as realm_access.roles works too). */
  rolesClaim: string;
  /** AUTH_ALGORITHMS: the only signature algorithms accepted (never none, never HS*). */
  algorithms: readonly string[];
  /** AUTH_CLOCK_TOLERANCE_S: leeway on exp and nbf for clocks that disagree a little. */
  clockToleranceS: number;
  /** AUTH_TOKEN_TTL_S: how long a token of the embedded provider lives. */
  tokenTtlS: number;
}

/** The audience of the embedded provider's tokens when AUTH_AUDIENCE is not set. */
export const DEFAULT_AUTH_AUDIENCE = 'care-code-graph';

/** Asymmetric JWS algorithms a token may be signed with; HS* (a shared secret) and none never. */
export const SIGNING_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

/** The embedded provider signs with this one (db/signing-keys.ts), so AUTH_ALGORITHMS must allow it without AUTH_ISSUER. */
export const EMBEDDED_SIGNING_ALGORITHM = 'RS256';

export const DEFAULT_AUTH: Readonly<Omit<AuthConfig, 'issuer'>> = {
  audience: DEFAULT_AUTH_AUDIENCE,
  rolesClaim: 'roles',
  algorithms: ['RS256', 'PS256', 'ES256'],
  clockToleranceS: 30,
  tokenTtlS: 600,
};

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
  /**
   * REVISION_CACHE_MS: how long the published revisions are kept between requests at most, so
   * how long a change made through another instance may go unseen here (0 = read every time).
   */
  revisionCacheMs: number;
  rateLimit: RateLimit;
  /** Express's `trust proxy`: false, a number of proxies, or their addresses. */
  trustProxy: boolean | number | string[];
  schemaOnStart: SchemaOnStart;
  /** PUBLIC_URL: the origin callers reach the service at; undefined = http://HOST:PORT (as it listens). */
  publicUrl: string | undefined;
  auth: AuthConfig;
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

/** True for an http(s) URL. */
function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** An issuer is reached over https, or over http only on this machine (a test issuer). */
function isIssuerUrl(text: string): boolean {
  if (!isHttpUrl(text)) return false;
  const url = new URL(text);
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** True for an http(s) origin: scheme, host and optional port, no path, query or fragment. */
const isOrigin = (text: string): boolean => isHttpUrl(text) && /^https?:\/\/[^/?#]+\/?$/i.test(text);

/**
 * The origin callers reach the service at: PUBLIC_URL, else http://HOST:PORT as it listens
 * (a wildcard HOST, 0.0.0.0 or ::, is reached at 127.0.0.1 from this machine). The embedded
 * provider's issuer is this origin followed by /oidc.
 */
export function publicOrigin(config: { publicUrl?: string | undefined; host: string }, port: number): string {
  if (config.publicUrl !== undefined) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
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
  const revisionCacheMs = integer('REVISION_CACHE_MS', DEFAULT_REVISION_CACHE_MS, 0, 3_600_000, String(DEFAULT_REVISION_CACHE_MS));
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

  const publicUrl = read('PUBLIC_URL');
  if (publicUrl !== undefined && !isOrigin(publicUrl)) {
    problems.push(`PUBLIC_URL must be the http(s) origin callers reach the service at, with no path, like PUBLIC_URL=https://code.example.gov.wales; got "${publicUrl}"`);
  }
  const issuer = read('AUTH_ISSUER');
  if (issuer !== undefined && !isIssuerUrl(issuer)) {
    problems.push(`AUTH_ISSUER must be the https URL of an OpenID Connect issuer (http only on this machine), like AUTH_ISSUER=https://login.microsoftonline.com/<tenant-id>/v2.0; got "${issuer}"`);
  }
  const audience = read('AUTH_AUDIENCE');
  if (issuer !== undefined && audience === undefined) {
    problems.push('AUTH_AUDIENCE is needed with AUTH_ISSUER: the audience its tokens carry for this API, like AUTH_AUDIENCE=api://<app-id>');
  }
  const rolesClaim = read('AUTH_ROLES_CLAIM') ?? DEFAULT_AUTH.rolesClaim;
  if (!/^[\x21-\x7e]{1,200}$/.test(rolesClaim)) {
    problems.push(`AUTH_ROLES_CLAIM must be the name of a claim, like AUTH_ROLES_CLAIM=roles (or realm_access.roles); got "${rolesClaim}"`);
  }
  const algorithmsRaw = read('AUTH_ALGORITHMS');
  const algorithms = algorithmsRaw === undefined ? [...DEFAULT_AUTH.algorithms] : algorithmsRaw.split(',').map((a) => a.trim()).filter((a) => a !== '');
  const unsafe = algorithms.filter((a) => a.toLowerCase() === 'none' || /^HS/i.test(a));
  const unknown = algorithms.filter((a) => !unsafe.includes(a) && !SIGNING_ALGORITHMS.some((known) => known === a));
  if (unsafe.length > 0) {
    problems.push(
      `AUTH_ALGORITHMS may not include ${unsafe.join(', ')}: an unsigned token, or one signed with a shared secret, could be forged; use asymmetric ones, like AUTH_ALGORITHMS=RS256,PS256,ES256`,
    );
  }
  if (unknown.length > 0 || algorithms.length === 0) {
    problems.push(`AUTH_ALGORITHMS must list algorithms from ${SIGNING_ALGORITHMS.join(', ')}, like AUTH_ALGORITHMS=RS256,PS256,ES256; got "${algorithmsRaw ?? ''}"`);
  } else if (issuer === undefined && unsafe.length === 0 && !algorithms.includes(EMBEDDED_SIGNING_ALGORITHM)) {
    problems.push(`AUTH_ALGORITHMS must include ${EMBEDDED_SIGNING_ALGORITHM} without AUTH_ISSUER, since the embedded provider signs with it, like AUTH_ALGORITHMS=RS256,PS256,ES256; got "${algorithmsRaw ?? ''}"`);
  }
  const auth: AuthConfig = {
    // Kept exactly as given: an issuer is compared character for character (Auth0's ends with a slash, Entra ID's does not).
    issuer,
    audience: audience ?? DEFAULT_AUTH.audience,
    rolesClaim,
    algorithms,
    clockToleranceS: integer('AUTH_CLOCK_TOLERANCE_S', DEFAULT_AUTH.clockToleranceS, 0, 300, String(DEFAULT_AUTH.clockToleranceS)),
    tokenTtlS: integer('AUTH_TOKEN_TTL_S', DEFAULT_AUTH.tokenTtlS, 60, 86_400, String(DEFAULT_AUTH.tokenTtlS)),
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
    revisionCacheMs,
    rateLimit,
    trustProxy,
    schemaOnStart: schemaOnStart ?? 'create',
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    auth,
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
