/**
 * Serves the GraphQL IDE (GraphiQL 5, prebuilt by @graphql-yoga/graphiql) from this server's
 * own origin: the page at GET /ide, and at GET /graphql for a browser (Accept: text/html,
 * no query), and its script, stylesheet and Monaco workers under /ide/assets/. No CDN.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Request, type RequestHandler, type Response, type NextFunction, type Router } from 'express';
import { loadExamples } from './examples.ts';
import { IDE_SCRIPT, idePage, WORKER_FILES } from './ide-page.ts';

const GRAPHIQL_DIST = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json')),
  'dist',
);

/** Each asset the page may ask for, and the file of the package that answers it. */
export const IDE_ASSETS: ReadonlyMap<string, string> = new Map([
  ['graphiql.css', 'graphiql.css'],
  ['yoga-graphiql.es.js', 'yoga-graphiql.es.js'],
  [WORKER_FILES.editorWorkerService, 'monacoeditorwork/editor.worker.bundle.js'],
  [WORKER_FILES.json, 'monacoeditorwork/json.worker.bundle.js'],
  // The package's own file name has the double dot.
  [WORKER_FILES.graphql, 'monacoeditorwork/graphql.worker..bundle.js'],
]);

/** Browsers allow only this origin: the page cannot load or send anything elsewhere. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  // Monaco and GraphiQL set styles inline; the <style> of the page is inline too.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True for a browser's navigation to /graphql: it prefers HTML and asks no operation. */
export function wantsIde(req: Request): boolean {
  return req.method === 'GET' && req.query['query'] === undefined && req.query['extensions'] === undefined && req.accepts(['application/json', 'text/html']) === 'text/html';
}

/** The IDE's page, made once per server (examples and all) and shared by its two addresses. */
function sendIde(): (req: Request, res: Response) => void {
  const page = idePage(loadExamples());
  return (_req, res) => {
    res.set('content-security-policy', CONTENT_SECURITY_POLICY).type('html').send(page);
  };
}

/**
 * The first handler of /graphql: a browser's navigation gets the IDE, anything else goes on to
 * GraphQL. A POST is passed on at the first comparison, so operations pay nothing for it.
 */
export function ideAtGraphql(): RequestHandler {
  const sendPage = sendIde();
  return (req: Request, res: Response, next: NextFunction) => {
    if (wantsIde(req)) sendPage(req, res);
    else next();
  };
}

/** The IDE at /ide and its assets under /ide/assets/ (at /graphql it is ideAtGraphql's). */
export function ideRouter(): Router {
  const sendPage = sendIde();
  const router = express.Router();
  router.get('/ide', sendPage);
  router.get('/ide/assets/ide.js', (_req, res) => {
    res.type('text/javascript').send(IDE_SCRIPT);
  });
  router.get('/ide/assets/:file', (req, res, next) => {
    const file = IDE_ASSETS.get(req.params.file);
    if (file === undefined) {
      next();
      return;
    }
    res.sendFile(file, { root: GRAPHIQL_DIST, maxAge: '1d' });
  });
  return router;
}
