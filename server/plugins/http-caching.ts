/**
 * Published law is cacheable (README "Caching"; docs/architecture.md, "One request"): a `GET`
 * whose answer reads only published revisions pinned by key never changes, so it is sent with
 * `Cache-Control: public, max-age=86400` and a strong `ETag`, the sha256 of the response body;
 * Express then answers a matching `If-None-Match` with 304 and no body (`res.send` checks
 * `req.fresh`). Everything else is `private, no-store`: a `POST` (no shared cache keeps one),
 * a mutation, a signed-in viewer's request, an answer with errors, and any operation that reads
 * today's date (no `revision`, or `asOf`), a draft, or a fact that changes with time.
 *
 * What "pinned" means is decided from the operation itself against the schema, once per
 * document (Apollo keeps parsed documents, so the same object comes back for the same text),
 * and defaults to no-store:
 * - every root field is one of PINNED_ROOT_FIELDS, which read one revision's text;
 * - every field, at any depth, whose definition takes a `revision` argument is given one (a
 *   string or a variable) and no `asOf` or `prospective`;
 * - of a `Revision`, only the fields of STABLE_REVISION_FIELDS are asked for: its status, its
 *   events, its review dates and the like change while its text does not;
 * - each revision key given (after the variables) is a published revision.
 * A field added to the schema is therefore no-store until it is named here.
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
// The type predicates check `instanceof`, so they come from the one graphql instance (see query-cost.ts).
import {
  Kind,
  OperationTypeNode,
  getNamedType,
  isInterfaceType,
  isObjectType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql/index.js';
import type { Context } from '../context.ts';

/** How long a shared cache may keep a pinned published answer: a day (README "Caching" says why). */
export const PUBLISHED_MAX_AGE_SECONDS = 86_400;
export const PUBLIC_CACHE_CONTROL = `public, max-age=${PUBLISHED_MAX_AGE_SECONDS}`;
export const NO_STORE = 'private, no-store';

/** The root fields that read the text of one revision, with the arguments that name it. */
export const PINNED_ROOT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  provision: ['revision'],
  provisions: ['revision'],
  obligation: ['revision'],
  obligations: ['revision'],
  heading: ['revision'],
  term: ['revision'],
  terms: ['revision'],
  topics: ['revision'],
  search: ['revision'],
  revisionDiff: ['from', 'to'],
};

/** The fields of a published Revision that never change (its status, events and review dates do). */
export const STABLE_REVISION_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'key',
  'title',
  'published',
  'hasText',
  'headings',
  'provisions',
  'instrument',
  'sources',
  'evidence',
  'supersedes',
  'copiedFrom',
  'createdBy',
]);

/** Where a revision key of the operation comes from: written in it, or a variable. */
export type Pin = { literal: string } | { variable: string };

/** The pins of an operation that may be cached, or null when its answer must never be. */
export type Analysis = readonly Pin[] | null;

class Unpinned extends Error {}

/** Reads the pins of one operation (throws Unpinned at the first thing that cannot be cached). */
function pinsOf(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Pin[] {
  if (operation.operation !== OperationTypeNode.QUERY) throw new Unpinned();
  const pins: Pin[] = [];
  const visit = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, root: boolean): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment === undefined) throw new Unpinned();
        visit(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent, root);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition === undefined ? parent : schema.getType(selection.typeCondition.name.value);
        visit(selection.selectionSet, type ?? parent, root);
        continue;
      }
      const name = selection.name.value;
      if (name === '__typename') continue;
      const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      if (definition === undefined || name.startsWith('__')) throw new Unpinned();
      if (parent.name === 'Revision' && !STABLE_REVISION_FIELDS.has(name)) throw new Unpinned();
      const given = new Map((selection.arguments ?? []).map((argument) => [argument.name.value, argument.value]));
      if (given.has('asOf') || given.has('prospective')) throw new Unpinned();
      const pinArguments = root ? PINNED_ROOT_FIELDS[name] : definition.args.some((arg) => arg.name === 'revision') ? ['revision'] : [];
      if (pinArguments === undefined) throw new Unpinned();
      for (const argument of pinArguments) {
        const value = given.get(argument);
        if (value?.kind === Kind.STRING) pins.push({ literal: value.value });
        else if (value?.kind === Kind.VARIABLE) pins.push({ variable: value.name.value });
        else throw new Unpinned();
      }
      if (selection.selectionSet !== undefined) visit(selection.selectionSet, getNamedType(definition.type), false);
    }
  };
  const root = schema.getQueryType();
  if (root === null || root === undefined) throw new Unpinned();
  visit(operation.selectionSet, root, true);
  if (pins.length === 0) throw new Unpinned();
  return pins;
}

/**
 * The revision keys an operation's answer is pinned to (each must turn out to be a published
 * revision for the answer to be cached), or null when it may never be cached: the rules above.
 */
export function cachePinsOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Analysis {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  try {
    return pinsOf(schema, operation, fragments);
  } catch (error) {
    if (error instanceof Unpinned) return null;
    throw error;
  }
}

/** The same text as Apollo Server's body (runHttpQuery: errors, data, extensions, then a newline). */
const bodyOf = (result: { errors?: unknown; data?: unknown; extensions?: unknown }): string =>
  `${JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions })}\n`;

/** A strong validator: the sha256 of the exact body, base64url. */
export const etagOf = (body: string): string => `"${createHash('sha256').update(body).digest('base64url')}"`;

/** Must be the last plugin: it hashes the body once every other plugin has written its extensions. */
export function httpCachingPlugin(): ApolloServerPlugin<Context> {
  // Per parsed document, per operation: Apollo's document store hands back the same object.
  const analyses = new WeakMap<DocumentNode, Map<string, Analysis>>();
  const analysisOf = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Analysis => {
    let byOperation = analyses.get(document);
    if (byOperation === undefined) analyses.set(document, (byOperation = new Map<string, Analysis>()));
    const name = operation.name?.value ?? '';
    let analysis = byOperation.get(name);
    if (analysis === undefined && !byOperation.has(name)) byOperation.set(name, (analysis = cachePinsOf(schema, document, operation)));
    return analysis ?? null;
  };
  // One listener for every request (a request's method is read when its answer is sent).
  const listener: GraphQLRequestListener<Context> = {
    willSendResponse: async ({ request, response, contextValue, schema, document, operation }) => {
      const headers = response.http.headers;
      headers.set('cache-control', NO_STORE);
      if (request.http?.method !== 'GET' || response.body.kind !== 'single' || document === undefined || operation === undefined) return;
      const result = response.body.singleResult;
      if (result.errors !== undefined || contextValue.viewer !== null || (response.http.status ?? 200) !== 200) return;
      const pins = analysisOf(schema, document, operation);
      if (pins === null) return;
      for (const pin of pins) {
        const key: unknown = 'literal' in pin ? pin.literal : request.variables?.[pin.variable];
        if (typeof key !== 'string') return;
        const revision = await contextValue.loaders.revisionByKey(key);
        if (revision?.published !== true) return;
      }
      headers.set('cache-control', PUBLIC_CACHE_CONTROL);
      headers.set('etag', etagOf(bodyOf(result)));
    },
  };
  const started = Promise.resolve(listener);
  return { requestDidStart: () => started };
}
