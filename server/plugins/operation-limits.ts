/**
 * Validation rules that refuse an operation too deep, with too many aliases or too many
 * directives, before any resolver runs (docs/architecture.md, "Limits"). The counting is
 * GraphQL Armor's; what this module adds is the wording: each rejection names the limit, the
 * value found, and what to do instead, and carries `extensions.limit` so a client can tell them
 * apart. Apollo reports validation failures with code GRAPHQL_VALIDATION_FAILED and HTTP 400.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, type ValidationRule } from 'graphql';
import type { Limits } from '../../core/config.ts';

export type LimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost';

/** What each limit tells the caller to do instead. */
const ADVICE: Record<Exclude<LimitName, 'tokens' | 'cost'>, string> = {
  depth: 'nest fewer fields, or split it into two operations (for instance fetch an obligation, then its trace)',
  aliases: 'ask for a list instead (for instance nodes(ids: [...]) or obligations(filter: ...)) rather than one alias per item',
  directives: 'remove repeated @include/@skip directives, or split it into smaller operations',
};

const NOUN: Record<keyof typeof ADVICE, string> = {
  depth: 'nests fields {found} levels deep',
  aliases: 'uses {found} aliases',
  directives: 'uses {found} directives',
};

/** Reports a rejection in our words; Armor's own message ("Syntax Error: ...") is misleading. */
function rejectWith(limit: keyof typeof ADVICE, max: number): GraphQLArmorRejectCallback {
  return (context, armorError) => {
    const found = Number(/found (\d+)/.exec(armorError.message)?.[1] ?? Number.NaN);
    const what = NOUN[limit].replace('{found}', Number.isNaN(found) ? `more than ${max}` : String(found));
    context?.reportError(
      new GraphQLError(`This operation ${what}; the limit is ${max}. Please ${ADVICE[limit]}.`, {
        extensions: { limit, max, ...(Number.isNaN(found) ? {} : { found }) },
      }),
    );
  };
}

/**
 * The depth, alias and directive limits as validation rules. Introspection's own nesting
 * is not counted, so the IDE's schema query always passes.
 */
export function operationLimitRules(limits: Pick<Limits, 'depth' | 'aliases' | 'directives'>): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.depth, ignoreIntrospection: true, propagateOnRejection: false, onReject: [rejectWith('depth', limits.depth)] }),
    // Aliases of __typename count too (Armor lets them through by default): each costs work.
    maxAliasesRule({
      n: limits.aliases,
      allowList: [],
      propagateOnRejection: false,
      onReject: [rejectWith('aliases', limits.aliases)],
    }),
    maxDirectivesRule({
      n: limits.directives,
      propagateOnRejection: false,
      onReject: [rejectWith('directives', limits.directives)],
    }),
  ];
}
