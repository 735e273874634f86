/**
 * What every page handler shares: the request's "as at" day, the strings, the links that keep
 * the day, and the reading of the API's errors into the page a person should see (the banner
 * for a day with no revision in force, 404 for an unknown key, 400 with an example for a value
 * the API refuses, 503 when the database is away).
 */
import { todayInWales } from '../domain/revision-in-force.ts';
import { asAtBanner, parseAsOf, type Banner, type FrameRevision } from './frame.ts';
import type { ApiAnswer, ApiError } from './operations.ts';
import type { Strings } from './strings/en.ts';

/** A page to render: its template, status and values. */
export interface Rendered {
  status: number;
  template: string;
  view: Record<string, unknown>;
}

/** The request as a page handler sees it. */
export interface PageRequest {
  path: string;
  /** The query string's parameters, each as the list of its values. */
  params: ReadonlyMap<string, readonly string[]>;
  /** Route parameters (:key ...). */
  route: Readonly<Record<string, string>>;
}

export interface PageContext {
  strings: Strings;
  /** The day asked for, or null for today. */
  asOf: string | null;
  /** The day the page reads the Code as at. */
  day: string;
  /** A link to `path` with `params`, keeping the "as at" day. */
  href: (path: string, params?: readonly (readonly [string, string])[]) => string;
}

export function hrefWith(asOf: string | null) {
  return (path: string, params: readonly (readonly [string, string])[] = []): string => {
    const all = asOf === null ? params : [...params.filter(([name]) => name !== 'asOf'), ['asOf', asOf] as const];
    const query = new URLSearchParams(all.map(([name, value]): [string, string] => [name, value])).toString();
    return query === '' ? path : `${path}?${query}`;
  };
}

/** The page context of a request, or the 400 page when its `asOf` is not a day. */
export function pageContext(request: PageRequest, strings: Strings): PageContext | Rendered {
  const given = request.params.get('asOf')?.[0];
  const parsed = parseAsOf(given, strings);
  if ('problem' in parsed) return problemPage(400, strings.error.badRequestTitle, parsed.problem, `${request.path}?asOf=2024-09-01`, strings);
  const asOf = parsed.asOf;
  return { strings, asOf, day: asOf ?? todayInWales(), href: hrefWith(asOf) };
}

export const isRendered = (value: PageContext | Rendered): value is Rendered => 'template' in value;

/** The error of a day with no revision in force (domain/revision-in-force.ts gives it `asOf`). */
export const isNoRevisionInForce = (error: ApiError): boolean => error.extensions?.code === 'NOT_FOUND' && typeof error.extensions['asOf'] === 'string';

/** An error page: its status, title and message (and a valid example, when the API gave one). */
export function problemPage(status: number, title: string, message: string, example: string | null, strings: Strings): Rendered {
  return { status, template: 'problem.njk', view: { t: strings, title, message, example, banner: null, asOf: null, day: todayInWales(), href: hrefWith(null), path: '/', keep: {} } };
}

/**
 * The page for the API's errors, when they are not the banner's: NOT_FOUND 404, BAD_USER_INPUT
 * 400 (its message says what is wrong and gives an example), anything else 503.
 */
export function errorPage(errors: readonly ApiError[], strings: Strings): Rendered | null {
  const error = errors.find((e) => !isNoRevisionInForce(e));
  if (error === undefined) return null;
  const code = error.extensions?.code;
  const example = typeof error.extensions?.['example'] === 'string' ? error.extensions['example'] : null;
  if (code === 'NOT_FOUND') return problemPage(404, strings.error.notFoundTitle, error.message, example, strings);
  if (code === 'BAD_USER_INPUT' || code === 'QUERY_TOO_COMPLEX') return problemPage(400, strings.error.badRequestTitle, error.message, example, strings);
  return problemPage(503, strings.error.unavailableTitle, strings.error.unavailable, null, strings);
}

/** The banner of a page from its answer's revisions and the day. */
export function bannerOf(answer: ApiAnswer<{ revisions: readonly FrameRevision[] }>, context: PageContext): Banner | null {
  return asAtBanner(answer.data?.revisions ?? [], context.day, context.strings);
}

/** The values every template receives: the strings, the day, the banner (its link keeps the page's other parameters), the parameters the "as at" form keeps. */
export function frameView(context: PageContext, banner: Banner | null, request: PageRequest): Record<string, unknown> {
  const keep = Object.fromEntries([...request.params].filter(([name]) => name !== 'asOf' && name !== 'page'));
  const others = Object.entries(keep).flatMap(([name, values]) => values.map((value) => [name, value] as const));
  const bannerView = banner === null ? null : { text: banner.text, link: banner.link === null ? null : { text: banner.link.text, href: hrefWith(banner.link.asOf)(request.path, others) } };
  return { t: context.strings, asOf: context.asOf, day: context.day, banner: bannerView, href: context.href, path: request.path, keep };
}
