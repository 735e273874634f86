/**
 * The IDE's HTML page and its start-up script. Every URL in them is relative to the page,
 * which is served at /graphql and /ide alike, so the IDE and the API share one origin and
 * nothing is fetched from anywhere else (it works offline).
 */
import type { ExampleOperation } from './examples.ts';

/** Monaco's web workers, by the label Monaco asks for, under the names we serve them. */
export const WORKER_FILES = {
  editorWorkerService: 'editor.worker.js',
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
} as const;

/** JSON that is safe inside a <script> element: no "</script>" can close it early. */
const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** The page: GraphiQL's stylesheet, its options as inert JSON, and one module script. */
export function idePage(examples: readonly ExampleOperation[]): string {
  const options = {
    title: 'care-code-graph',
    endpoint: 'graphql',
    query: examples[0]?.text,
    defaultTabs: examples.map((example) => ({ query: example.text })),
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>care-code-graph · GraphiQL</title>
    <!-- An empty icon, so the browser does not ask for /favicon.ico. -->
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="ide/assets/graphiql.css" />
    <style>html, body, #root { height: 100%; margin: 0; }</style>
  </head>
  <body>
    <noscript>The GraphQL IDE needs JavaScript. The API itself answers POST requests at this address.</noscript>
    <div id="root"></div>
    <script type="application/json" id="ide-options">${scriptSafeJson(options)}</script>
    <script type="module" src="ide/assets/ide.js"></script>
  </body>
</html>
`;
}

/**
 * The page's script: tells Monaco where its workers are (our origin), then loads GraphiQL
 * and renders it with the options of the page. Monaco reads MonacoEnvironment when it
 * starts a worker, so it is set before GraphiQL's module is imported.
 */
export const IDE_SCRIPT = `const workers = ${JSON.stringify(WORKER_FILES)};
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: (_moduleId, label) => new URL(workers[label] ?? workers.editorWorkerService, import.meta.url).href,
};
const { renderYogaGraphiQL } = await import('./yoga-graphiql.es.js');
const options = JSON.parse(document.getElementById('ide-options').textContent);
renderYogaGraphiQL(document.getElementById('root'), options);
`;
