/**
 * The web pages for policy officers (README "The pages"), served at / by the same server as the
 * API and built by running the named operations of web/operations/ against it in-process:
 * server-rendered HTML that works without JavaScript, in the GOV.UK Design System's patterns
 * (without the GOV.UK crown, logo or typeface), every asset served from here and a strict
 * Content-Security-Policy with no inline script.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from '../core/log.ts';
import { isRendered, pageContext, problemPage, type PageContext, type PageRequest, type Rendered } from './page.ts';
import { PageApi, type ExecuteOperation } from './operations.ts';
import { bodyPage } from './pages/body.ts';
import { homePage } from './pages/home.ts';
import { legislationListPage, legislationPage } from './pages/legislation.ts';
import { obligationPage } from './pages/obligation.ts';
import { provisionPage } from './pages/provision.ts';
import { revisionPage } from './pages/revision.ts';
import { searchPage } from './pages/search.ts';
import { createTemplates, GOVUK_FRONTEND_DIST } from './render.ts';
import { en, type Strings } from './strings/en.ts';
import { stylesheet } from './stylesheet.ts';

const ASSETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

/** The pages' policy: everything from this server, nothing inline, no frames, forms only to here. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

type Handler = (api: PageApi, context: PageContext, request: PageRequest) => Promise<Rendered>;

export interface WebRouterOptions {
  execute: ExecuteOperation;
  logger: Logger;
  strings?: Strings;
}

function pageRequestOf(req: Request): PageRequest {
  const url = new URL(req.originalUrl, 'http://pages.invalid');
  const params = new Map<string, string[]>();
  for (const [name, value] of url.searchParams) params.set(name, [...(params.get(name) ?? []), value]);
  const route: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.params as Record<string, string | string[]>)) route[name] = Array.isArray(value) ? value.join('/') : value;
  return { path: url.pathname, params, route };
}

/**
 * For a person's browser (it prefers HTML to JSON), the page-not-found page; for any other
 * client, the next handler (the API's JSON 404).
 */
export function htmlNotFound(strings: Strings = en) {
  const templates = createTemplates();
  return (req: Request, res: Response, next: () => void): void => {
    if (req.method !== 'GET' || req.accepts(['json', 'html']) !== 'html') {
      next();
      return;
    }
    const rendered = problemPage(404, strings.error.notFoundTitle, `${strings.error.notFoundTitle}: ${req.path.slice(0, 200)}`, null, strings);
    res.status(404).set({ 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' }).send(templates.render(rendered.template, rendered.view));
  };
}

export function webRouter({ execute, logger, strings = en }: WebRouterOptions): Router {
  const router = express.Router();
  const api = new PageApi(execute);
  const templates = createTemplates();
  // Compiled once per server (and kept on disk between servers: web/stylesheet.ts).
  let css: Promise<string> | undefined;

  const send = (res: Response, rendered: Rendered): void => {
    const html = templates.render(rendered.template, rendered.view);
    res.status(rendered.status).set({ 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' }).send(html);
  };
  /** A page that could not be built or rendered: logged, and a plain "unavailable" page (or, failing that too, text). */
  const fail = (res: Response, error: unknown, path: string): void => {
    logger.error({ err: error, path }, 'a page could not be built');
    try {
      send(res, problemPage(500, strings.error.unavailableTitle, strings.error.unavailable, null, strings));
    } catch {
      res.status(500).type('text/plain').send(strings.error.unavailable);
    }
  };
  const page = (handler: Handler) => (req: Request, res: Response): void => {
    const request = pageRequestOf(req);
    const build = async (): Promise<void> => {
      const context = pageContext(request, strings);
      send(res, isRendered(context) ? context : await handler(api, context, request));
    };
    build().catch((error: unknown) => fail(res, error, request.path));
  };

  router.get('/', page(homePage));
  router.get('/search', page(searchPage));
  router.get('/obligations/:provision/:number', page(obligationPage));
  router.get('/provisions/:key', page(provisionPage));
  router.get('/revisions/:key', page(revisionPage));
  router.get('/bodies/:key', page(bodyPage));
  router.get('/legislation', page(legislationListPage));
  router.get('/legislation/*key', page(legislationPage));

  router.get('/assets/app.css', (_req, res, next) => {
    css ??= stylesheet();
    css.then((text) => res.type('text/css').set('cache-control', 'public, max-age=3600').send(text), next);
  });
  router.get('/assets/app.js', (_req, res) => {
    res.type('text/javascript').set('cache-control', 'public, max-age=3600').sendFile(path.join(ASSETS_DIR, 'app.js'));
  });
  router.get('/assets/govuk-frontend.min.js', (_req, res) => {
    res.type('text/javascript').set('cache-control', 'public, max-age=3600').sendFile(path.join(GOVUK_FRONTEND_DIST, 'govuk', 'govuk-frontend.min.js'));
  });
  // The favicon a browser asks for unprompted: none (the GOV.UK crown is not ours to use).
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  return router;
}
