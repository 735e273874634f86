/**
 * The peer under load, in its own process like bench/serve-app.ts: `tsx bench/serve-peer.ts
 * '<json>'` with the Neo4j to use. Two plain Apollo Servers on one Express 5 app, the HTTP
 * stack the API uses (`@apollo/server` 5, `@as-integrations/express5`, `express.json`), with
 * nothing else in front (no limits, no rate limit, no logging, no security headers):
 *
 * - `/graphql`: `@neo4j/graphql` 7.6 over the same graph (bench/peer-type-defs.ts), which
 *   compiles each operation into one Cypher statement;
 * - `/bare`: a schema of one field and no database, the fixed cost of Apollo Server and
 *   Express alone (the reference for `{ __typename }`).
 *
 * Prints `READY <base url>` once it listens; stops on SIGTERM. Not a test.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import { buildSchema } from 'graphql';
import { createDriver } from '../db/create-driver.ts';
import { PEER_TYPE_DEFS } from './peer-type-defs.ts';

export interface ServePeerOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ServePeerOptions;
const driver = createDriver(options, { connectionTimeoutMs: 10_000 });
const peerSchema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
const peer = new ApolloServer({ schema: peerSchema, plugins: [ApolloServerPluginLandingPageDisabled()] });
const bare = new ApolloServer({ schema: buildSchema('type Query { ok: Boolean }'), plugins: [ApolloServerPluginLandingPageDisabled()] });
await Promise.all([peer.start(), bare.start()]);

const app = express();
app.use('/graphql', express.json({ limit: '100kb' }), expressMiddleware(peer, { context: () => Promise.resolve({ sessionConfig: { database: options.database } }) }));
app.use('/bare', express.json({ limit: '100kb' }), expressMiddleware(bare));
const server = http.createServer(app);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
process.stdout.write(`READY http://127.0.0.1:${port}\n`);
process.once('SIGTERM', () => {
  server.close();
  void Promise.all([peer.stop(), bare.stop()])
    .then(() => driver.close())
    .then(() => process.exit(0));
});
