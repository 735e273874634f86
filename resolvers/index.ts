/**
 * Merges the per-domain resolver maps (one file per schema file) into one.
 */
import { DateResolver } from 'graphql-scalars';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { baseResolvers } from './base.ts';

export const resolvers: Resolvers[] = [{ Date: DateResolver }, baseResolvers];
