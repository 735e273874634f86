/**
 * Operations executed as compiled code (docs/architecture.md, "One request"): graphql-jit
 * compiles each parsed document, once per operation in it, into a function that resolves its
 * fields and builds its answer, in place of graphql-js walking the document for every request.
 *
 * Why: graphql-js pays a fixed price per field of the answer, whatever the field does: it
 * coerces the field's arguments (`getArgumentValues`, even when it has none), builds a resolve
 * info of ten entries, and adds each result to an object without a prototype, which
 * `JSON.stringify` then writes slowly. A trace of 50 obligations has some two thousand fields:
 * profiled under load (bench/README.md), graphql-js and the stringify of its answer took a
 * fifth of the server's time; compiled, that share was a tenth, and the server answered 1.4×
 * the requests per second on the same Neo4j. An answer of few fields gains nothing and loses
 * nothing measurable.
 *
 * How: Apollo Server 5 takes another executor only as a gateway's (`gateway`, its interface
 * for federation), so this is one: it hands Apollo the schema once, and Apollo goes on doing
 * everything else as before (parsing, the document cache and persisted queries, validation
 * and every limit, the plugins, error formatting, the HTTP answer). Compiled functions are
 * kept per parsed document, in a WeakMap: Apollo's bounded document cache hands back the same
 * DocumentNode for the same text, so a compiled operation lives and dies with its entry.
 * Apollo instruments the schema's resolvers in place when a plugin asks to see each field
 * (`willResolveField`), before the first execution, so compiled code calls them too.
 *
 * Where graphql-jit 0.8 differs from graphql-js, this module makes it answer as graphql-js does
 * (test/unit/server/compiled-execution.test.ts runs both on the same operations):
 * - the variables are checked by graphql-js, which refuses a bad one in its own words (Apollo
 *   answers 400 BAD_USER_INPUT to those alone; graphql-jit's are worded otherwise);
 * - a variable of a non-null type with a default (`$key: String! = "1.53/1"`) that is not
 *   given takes its default, where graphql-jit refuses it as not provided;
 * - its errors carry no `extensions` unless their cause had some, and no `nodes`; each is
 *   made again as graphql-js would make it (its locations, path, cause and the cause's
 *   extensions), so the plugins and Apollo's formatting see what they always see.
 */
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { getVariableValues } from 'graphql/execution/values.js';
// From graphql's CommonJS entry, the one instance Apollo, graphql-jit and the schema use (see plugins/query-cost.ts).
import {
  GraphQLError,
  Kind,
  printSchema,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql/index.js';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/**
 * An operation compiled, with its variables' definitions and the defaults of those of a
 * non-null type (as a client would send them), or the errors that stopped it compiling.
 */
type Compiled = { query: CompiledQuery; variables: readonly VariableDefinitionNode[]; defaults: readonly (readonly [string, unknown])[] } | ExecutionResult;

/** As many variable errors as graphql-js's execute reports before it stops. */
const MAX_VARIABLE_ERRORS = 50;

/** The operation `operationName` names in `document` (or its only one), as graphql-js finds it. */
function operationOf(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  return operationName === undefined ? (operations.length === 1 ? operations[0] : undefined) : operations.find((operation) => operation.name?.value === operationName);
}

/** The variables of a non-null type that have a default, with it written as a client would send it. */
function nonNullDefaults(variables: readonly VariableDefinitionNode[]): (readonly [string, unknown])[] {
  return variables.flatMap((definition) =>
    definition.defaultValue !== undefined && definition.type.kind === Kind.NON_NULL_TYPE ? [[definition.variable.name.value, valueFromASTUntyped(definition.defaultValue)] as const] : [],
  );
}

/** The variables given, and the default of each non-null one that was not. */
function withDefaults(given: Readonly<Record<string, unknown>>, defaults: readonly (readonly [string, unknown])[]): Readonly<Record<string, unknown>> {
  const missing = defaults.filter(([name]) => !Object.hasOwn(given, name));
  return missing.length === 0 ? given : { ...given, ...Object.fromEntries(missing) };
}

/** graphql-jit's error made again as graphql-js makes one (see above); graphql-js's own (from a resolver) as it is. */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  if (Object.getPrototypeOf(error) === GraphQLError.prototype) return error;
  const made = new GraphQLError(error.message, {
    ...(error.path === undefined ? {} : { path: error.path }),
    ...(error.originalError === undefined || error.originalError === null ? {} : { originalError: error.originalError }),
    ...(error.extensions === undefined ? {} : { extensions: error.extensions }),
  });
  // graphql-js works out locations from nodes, which graphql-jit does not keep: it gives them as they are.
  if (error.locations !== undefined) Object.defineProperty(made, 'locations', { value: error.locations, enumerable: true });
  return made;
}

/** The executor, as the gateway Apollo Server asks for; the schema is this one, for good. */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const compiledFor = (document: DocumentNode, operationName: string | undefined): Compiled => {
    let byOperation = compiled.get(document);
    if (byOperation === undefined) compiled.set(document, (byOperation = new Map<string, Compiled>()));
    const name = operationName ?? '';
    let operation = byOperation.get(name);
    if (operation === undefined) {
      const query = compileQuery(schema, document, operationName);
      const variables = operationOf(document, operationName)?.variableDefinitions ?? [];
      operation = isCompiledQuery(query) ? { query, variables, defaults: nonNullDefaults(variables) } : query;
      byOperation.set(name, operation);
    }
    return operation;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    load: () =>
      Promise.resolve({
        executor: async ({ document, operationName, request, context }) => {
          const operation = compiledFor(document, operationName ?? undefined);
          if (!('query' in operation)) return operation;
          const given = request.variables ?? {};
          // graphql-js checks the variables, so a bad one is refused in its words (and Apollo's 400, BAD_USER_INPUT).
          if (operation.variables.length > 0) {
            const checked = getVariableValues(schema, operation.variables, given, { maxErrors: MAX_VARIABLE_ERRORS });
            if (checked.errors !== undefined) return { errors: checked.errors };
          }
          const result = await operation.query.query(undefined, context, withDefaults(given, operation.defaults));
          return result.errors === undefined ? result : { ...result, errors: result.errors.map(asGraphQLJsError) };
        },
      }),
    stop: () => Promise.resolve(),
  };
}
