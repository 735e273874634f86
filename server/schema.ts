/**
 * Builds the executable schema from the SDL files in schema/ and the merged resolvers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from '../resolvers/index.ts';
import { PROJECT_ROOT } from '../core/config.ts';

export function loadTypeDefs(dir = path.join(PROJECT_ROOT, 'schema')): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(path.join(dir, file), 'utf8'));
}

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}
