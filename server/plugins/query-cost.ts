/**
 * The cost limit (docs/architecture.md, "Limits"): before any resolver runs, estimates how many
 * objects an operation may return, refuses it with QUERY_TOO_COMPLEX when that passes the
 * limit, and reports `extensions.cost { requested, limit }` in every response so clients can
 * see how close they are. The estimate needs the operation's variables (`first: $n`), so it
 * runs once the operation is resolved rather than as a static validation rule, and is kept per
 * document and values of the variables that can change it.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
// The type predicates below check `instanceof`, so they must come from the one graphql
// instance Apollo and the schema use. Node resolves 'graphql' to its CommonJS index.js;
// vitest would pick the .mjs copy (the package's "module" field) for our code and for any
// package under a dist/esm/ folder, a second graphql ("from another module or realm").
// Naming the file and taking graphql-query-complexity's CommonJS entry keep one instance.
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  visit,
  type ASTNode,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql/index.js';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity/cjs';
import { apiError } from '../../core/errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../domain/page-request.ts';

/** Length assumed for a plain list field that takes no size argument (a trace has about 8 steps). */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Plain lists whose length is known better than ASSUMED_LIST_SIZE, by `Type.field`. A diff
 * (schema/diff.graphql) has an entry for every provision and every obligation of either
 * revision, as many as a whole revision (the Code in force has 111 provisions and 104
 * obligations), so each list counts as a full page, as the same obligations would through
 * `obligations(first: 100)`. The lists inside one entry hold what changed about one provision
 * or obligation (most entries of a diff are unchanged, and theirs are empty): at most the four
 * bodies that can be bound (a local authority, a local health board, an NHS trust, a provider:
 * docs/graph-model.md, "Relationships"), a body or two named, a few runs of changed words; they
 * count four.
 */
export const KNOWN_LIST_SIZES: Readonly<Record<string, number>> = {
  'RevisionDiff.provisions': MAX_PAGE_SIZE,
  'RevisionDiff.obligations': MAX_PAGE_SIZE,
  // A revision's headings and glossary terms (37 in the Code in force): a page's worth.
  'Query.topics': MAX_PAGE_SIZE,
  // The options of each filter (schema/facets.graphql): the Code has 23 headings, 11 standards, 12 instruments cited.
  ...Object.fromEntries(['appliesTo', 'modality', 'force', 'principle', 'standard', 'heading', 'qualifier', 'citing'].map((facet) => [`ObligationFacets.${facet}`, 30])),
  'ProvisionChange.hunks': 4,
  'ObligationChange.hunks': 4,
  'ObligationChange.addresseesAdded': 4,
  'ObligationChange.addresseesRemoved': 4,
  'ObligationChange.bindsNow': 4,
  'ObligationChange.bindsNoLonger': 4,
  'ObligationChange.bindsStill': 4,
  'ObligationChange.applicabilityChanged': 4,
};

const isConnection = (type: GraphQLNamedType): boolean => type.name.endsWith('Connection');
const isEdge = (type: GraphQLNamedType): boolean => type.name.endsWith('Edge');

function pageSize(args: Record<string, unknown>, fallback: number): number {
  const asked = [args['first'], args['last'], args['limit']].find((v): v is number => typeof v === 'number');
  return Math.min(Math.max(asked ?? fallback, 0), MAX_PAGE_SIZE);
}

/** The length of `ids` or `keys`, such as `nodes(ids: [...])`: one answer per item asked for. */
function listArgumentLength(args: Record<string, unknown>): number | undefined {
  const list = [args['ids'], args['keys']].find((v): v is unknown[] => Array.isArray(v));
  return list === undefined ? undefined : Math.min(list.length, MAX_PAGE_SIZE);
}

/**
 * Cost = the objects an operation may return: each object counts 1, scalars count 0, a
 * connection multiplies what each of its nodes costs by its page size (`first`, default 20,
 * at most 100), and a plain list by the length of its `ids` (or `keys`) argument or, without
 * one, by its KNOWN_LIST_SIZES entry or else ASSUMED_LIST_SIZE. Introspection is free, so the IDE can always load the schema.
 */
export const pageAwareEstimator: ComplexityEstimator = ({ type, field, args: rawArgs, childComplexity }) => {
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  const args: Record<string, unknown> = rawArgs;
  const named = getNamedType(field.type);
  const own = isLeafType(named) ? 0 : 1;
  if (isConnection(named)) return own + pageSize(args, DEFAULT_PAGE_SIZE) * childComplexity;
  if (isListType(getNullableType(field.type))) {
    // A connection's `nodes` and `edges` were already multiplied by its page size.
    if (isConnection(type) || isEdge(type)) return own + childComplexity;
    const size = listArgumentLength(args) ?? KNOWN_LIST_SIZES[`${type.name}.${field.name}`] ?? pageSize(args, ASSUMED_LIST_SIZE);
    return size * (own + childComplexity);
  }
  return own + childComplexity;
};

export interface CostReport {
  requested: number;
  limit: number;
}

/** Estimates an operation's cost the way the server does (used by the plugin and the tests). */
export function estimateCost(options: Omit<Parameters<typeof getComplexity>[0], 'estimators'>): number {
  return getComplexity({ ...options, estimators: [pageAwareEstimator] });
}

/** The arguments the estimator reads (pageSize, listArgumentLength): only their variables can change a cost. */
const SIZE_ARGUMENTS: ReadonlySet<string> = new Set(['first', 'last', 'limit', 'ids', 'keys']);

/** The most estimates kept for one document, one per operation and values of its size variables. */
export const ESTIMATES_PER_DOCUMENT = 32;

/**
 * The variables whose values can change a document's estimate: those inside a size argument
 * (SIZE_ARGUMENTS) or a directive (`@include(if: $x)` decides what counts). Any other variable,
 * such as `$key` in `provision(key: $key)`, leaves the estimate as it is.
 */
export function costVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: ASTNode): void => {
    visit(node, { Variable: (variable) => void names.add(variable.name.value) });
  };
  visit(document, {
    Field: (field) => {
      for (const argument of field.arguments ?? []) if (SIZE_ARGUMENTS.has(argument.name.value)) collect(argument.value);
    },
    Directive: (directive) => {
      collect(directive);
    },
  });
  return [...names];
}

interface DocumentEstimates {
  costVariables: readonly string[];
  /** By operation name and the values of costVariables; at most ESTIMATES_PER_DOCUMENT, oldest out. Each report is shared by the requests it answers. */
  estimates: Map<string, Readonly<CostReport>>;
}

/** The key of an estimate: the operation's name alone when no variable can change it (most documents), else with their values. */
function estimateKey(costVariables: readonly string[], variables: Record<string, unknown>, operationName: string | null): string {
  if (costVariables.length === 0) return operationName ?? '';
  return `${operationName ?? ''}\u0000${JSON.stringify(costVariables.map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : [])))}`;
}

/**
 * The cost limit as a plugin. The estimate is kept per parsed document (Apollo Server's
 * document store hands back the same DocumentNode for the same text, so this cache lives and
 * dies with its entry), per operation and per values of the variables that can change it: a
 * document asked again costs a map lookup, not a walk of the operation. A first estimate also
 * coerces the variables (and refuses bad ones, as execution would); a kept one leaves that to
 * execution, which refuses them with the same message.
 */
export function queryCostPlugin(limit: number): ApolloServerPlugin {
  const byDocument = new WeakMap<DocumentNode, DocumentEstimates>();
  const estimateOf = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | null): Readonly<CostReport> => {
    let kept = byDocument.get(document);
    if (kept === undefined) byDocument.set(document, (kept = { costVariables: costVariablesOf(document), estimates: new Map() }));
    const key = estimateKey(kept.costVariables, variables, operationName);
    const known = kept.estimates.get(key);
    if (known !== undefined) return known;
    let requested: number;
    try {
      requested = estimateCost({ schema, query: document, variables, ...(operationName === null ? {} : { operationName }) });
    } catch (error) {
      // Only the coercion of the variables can fail here; say so as execution would.
      const message = error instanceof GraphQLError ? error.message : 'The variables do not fit the operation';
      throw apiError('BAD_USER_INPUT', message, { http: { status: 400 } });
    }
    if (kept.estimates.size >= ESTIMATES_PER_DOCUMENT) kept.estimates.delete(kept.estimates.keys().next().value ?? '');
    const report = Object.freeze({ requested, limit });
    kept.estimates.set(key, report);
    return report;
  };
  /** Each request's report, from didResolveOperation to willSendResponse (Apollo hands both the same request context). */
  const reports = new WeakMap<object, Readonly<CostReport>>();
  const listener: GraphQLRequestListener<BaseContext> = {
    didResolveOperation: (requestContext) => {
      const { schema, document, request, operationName } = requestContext;
      const report = estimateOf(schema, document, request.variables ?? {}, operationName);
      reports.set(requestContext, report);
      if (report.requested > limit) {
        throw apiError(
          'QUERY_TOO_COMPLEX',
          `This operation could return about ${report.requested} objects (its estimated cost); the limit is ${limit}. ` +
            `Please ask for smaller pages (for instance first: ${DEFAULT_PAGE_SIZE}) or fewer nested lists, ` +
            'and fetch the rest with the cursors of pageInfo.',
          { limit: 'cost', cost: { ...report }, http: { status: 400 } },
        );
      }
      return Promise.resolve();
    },
    willSendResponse: (requestContext) => {
      const { response } = requestContext;
      const report = reports.get(requestContext);
      if (report !== undefined && response.body.kind === 'single') {
        response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: report };
      }
      return Promise.resolve();
    },
  };
  const started = Promise.resolve(listener);
  return { requestDidStart: () => started };
}
