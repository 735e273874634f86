/**
 * How an obligation binds each body through its legal basis (schema/legal-basis.graphql;
 * docs/reading-rules.md, "Legal basis per body"). `Obligation.legalBasis(body:)` is in
 * resolvers/obligation.ts.
 */
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { present } from './support.ts';

export const legalBasisResolvers: Resolvers = {
  LegalBasisBinding: {
    body: async (binding, _args, { loaders }) => present(await loaders.bodyByKey.load(binding.body), `body ${binding.body}`),
  },
};
