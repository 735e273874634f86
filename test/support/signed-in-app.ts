/**
 * The app over HTTP with people signed in through the real embedded OpenID provider, as the
 * editors' integration tests need it: accounts created in the graph, the server started on a
 * free port, an access token issued for each account, and one way to ask a GraphQL question
 * as one of them (or as nobody).
 */
import { DEFAULT_AUTH, type AuthConfig } from '../../core/config.ts';
import { createLogger } from '../../core/log.ts';
import type { Role } from '../../core/vocabulary.ts';
import { createAccount } from '../../db/accounts.ts';
import { QueryRunner } from '../../db/run-query.ts';
import { startApp, type App } from '../../server/app.ts';
import { issueToken } from '../../server/cli/issue-token.ts';
import type { TestDatabase } from './test-neo4j.ts';

export const TEST_AUTH: AuthConfig = { ...DEFAULT_AUTH, issuer: undefined };
export const TEST_PASSWORD = 'correct horse battery staple';

/** A GraphQL answer as the tests read it. */
export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; argument?: string } }[];
  extensions?: { queries?: { roundTrips: number; statements: string[] } };
}

export interface TestAccount {
  username: string;
  displayName: string;
  roles: readonly Role[];
}

export interface SignedInApp {
  app: App;
  /** Each account's access token, by username. */
  tokens: Record<string, string>;
  /** Asks `query` as `who` (a username, or null for an anonymous caller). */
  ask(who: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLBody>;
  stop(): Promise<void>;
}

/** The error code of an answer's first error, or OK. */
export const outcomeOf = (body: GraphQLBody): string => body.errors?.[0]?.extensions?.code ?? 'OK';

export async function startSignedInApp(db: TestDatabase, accounts: readonly TestAccount[], options: { debugQueries?: boolean; revisionCacheMs?: number } = {}): Promise<SignedInApp> {
  const runner = new QueryRunner(db);
  for (const account of accounts) await createAccount(runner, { ...account, roles: [...account.roles], password: TEST_PASSWORD });
  const app = await startApp({ config: { host: '127.0.0.1', port: 0, bodyLimit: '100kb', debugQueries: options.debugQueries ?? false, auth: TEST_AUTH, ...(options.revisionCacheMs === undefined ? {} : { revisionCacheMs: options.revisionCacheMs }) }, db, logger: createLogger('silent') });
  const origin = new URL(app.url).origin;
  const tokens: Record<string, string> = {};
  for (const { username } of accounts) tokens[username] = (await issueToken({ auth: TEST_AUTH, publicUrl: origin, host: '127.0.0.1', port: 0, trustProxy: false }, db, username)).token;
  return {
    app,
    tokens,
    ask: async (who, query, variables = {}) => {
      const token = who === null ? undefined : tokens[who];
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLBody;
    },
    stop: () => app.stop(),
  };
}
