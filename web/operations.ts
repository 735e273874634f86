/**
 * The pages' named operations (web/operations/*.graphql), each made into a document of its own
 * with the fragments it uses, so that the API checks, limits and answers a page's request as
 * it would any client's. The types of their variables and answers come from codegen
 * (web/__generated__/operations.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql/index.js';

const OPERATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'operations');

/** The operations' names, as the .graphql files name them. */
export type OperationName = 'HomePage' | 'SearchPage' | 'ObligationPage' | 'ProvisionPage' | 'BodyPage' | 'InstrumentPage' | 'LegalProvisionPage' | 'LegislationListPage' | 'RevisionPage';

/** An error as the API formats it (server/format-error.ts): a message and a code. */
export interface ApiError {
  message: string;
  extensions?: Record<string, unknown> & { code?: unknown };
}

/** The API's answer to one operation. */
export interface ApiAnswer<T> {
  data: T | null;
  errors: readonly ApiError[];
}

/** Runs one operation against the API in-process (server/app.ts gives it). */
export type ExecuteOperation = (request: { query: string; operationName: string; variables: Record<string, unknown>; requestId: string }) => Promise<ApiAnswer<unknown>>;

function fragmentsUsed(node: DefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen = new Set<string>()): Set<string> {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      const fragment = fragments.get(name);
      if (seen.has(name) || fragment === undefined) return;
      seen.add(name);
      fragmentsUsed(fragment, fragments, seen);
    },
  });
  return seen;
}

/** Every operation of web/operations/, as the text of a document holding it and its fragments. */
export function loadOperations(dir = OPERATIONS_DIR): ReadonlyMap<string, string> {
  const definitions = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .flatMap((file) => parse(readFileSync(path.join(dir, file), 'utf8')).definitions);
  const fragments = new Map(
    definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const documents = new Map<string, string>();
  for (const operation of definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
    const name = operation.name?.value;
    if (name === undefined) throw new Error('every operation of web/operations/ must be named');
    const used = [...fragmentsUsed(operation, fragments)].sort().map((fragmentName) => fragments.get(fragmentName));
    documents.set(name, [operation, ...used].map((definition) => (definition === undefined ? '' : print(definition))).join('\n\n'));
  }
  return documents;
}

/** The pages' way to the API: one named operation, typed by codegen. */
export class PageApi {
  private readonly documents: ReadonlyMap<string, string>;

  constructor(private readonly execute: ExecuteOperation, documents = loadOperations()) {
    this.documents = documents;
  }

  async run<TData, TVariables extends Record<string, unknown>>(operationName: OperationName, variables: TVariables, requestId = ''): Promise<ApiAnswer<TData>> {
    const query = this.documents.get(operationName);
    if (query === undefined) throw new Error(`no operation ${operationName} in web/operations/`);
    // The answer's shape is the operation's (codegen's TData), as the API checked it against the schema.
    return (await this.execute({ query, operationName, variables, requestId })) as ApiAnswer<TData>;
  }
}
