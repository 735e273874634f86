/**
 * The open downloads (README "Downloads"), read through the loaders as the API reads:
 *
 * - `GET /exports/obligations.csv` and `/exports/obligations.json`: the obligations of a
 *   revision that match a filter given as query parameters named like the fields of the API's
 *   `ObligationFilter` (`?appliesTo=local-health-board&force=REQUIREMENT&asOf=2024-09-01`,
 *   `revision=2024-09-01`), checked by the API's own rules (export-query.ts), streamed page by
 *   page (loaders/obligation-export.ts); the CSV is UTF-8 with a byte-order mark, its first row
 *   names the revision, its second the columns;
 * - `GET /exports/revisions/<key>.jsonld`: the revision in the ELI vocabulary (revision-jsonld.ts);
 * - `GET /exports/revisions/<key>.akn.xml`: the revision's text in Akoma Ntoso (revision-akn.ts).
 *
 * Who is asking is read as on /graphql (server/auth/bearer-auth.ts): drafts are seen only by
 * the signed-in editorial team, and answer NOT_FOUND to anyone else, as in the API. Every
 * refusal is JSON with the API's code, sent before the first byte of a download.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { GraphQLSchema } from 'graphql/index.js';
import { codeOf, shortenQuotes, type ErrorCode, type HttpErrorCode } from '../../core/errors.ts';
import { hasRole } from '../../core/viewer.ts';
import { ROLES } from '../../core/vocabulary.ts';
import { reviewDue } from '../../domain/legal-events.ts';
import { QueryRunner, type Database } from '../../db/run-query.ts';
import { createLoaders, type Loaders } from '../../loaders/create-loaders.ts';
import { openObligationExport, type ObligationExport } from '../../loaders/obligation-export.ts';
import type { RevisionModel } from '../../loaders/revision.ts';
import { loadRevisionText } from '../../loaders/revision-text.ts';
import { viewerOf } from '../auth/bearer-auth.ts';
import { sendHttpError } from '../http-errors.ts';
import { EXPORT_EXAMPLE, exportParameters, parseExportQuery } from './export-query.ts';
import { OBLIGATION_COLUMNS, obligationRecord, titleRecord } from './obligations-table.ts';
import { revisionAkn } from './revision-akn.ts';
import { revisionDownloads, revisionJsonLd } from './revision-jsonld.ts';

export const EXPORTS_PATH = '/exports';

export interface ExportsRouterOptions {
  db: Database;
  /** The API's schema: the downloads' parameters are the filter's fields (export-query.ts). */
  schema: GraphQLSchema;
  /** The bearer-token check of /graphql, so a signed-in editor may download a draft. */
  authenticate: RequestHandler;
  /** The public origin links are written under (PUBLIC_URL, else the request's host). */
  origin: (req: Request) => string;
}

/** The HTTP status of each code a download can refuse with; anything else is masked as a fault of ours. */
const STATUS: Partial<Record<ErrorCode, { status: number; code: HttpErrorCode }>> = {
  BAD_USER_INPUT: { status: 400, code: 'BAD_USER_INPUT' },
  NOT_FOUND: { status: 404, code: 'NOT_FOUND' },
  SERVICE_UNAVAILABLE: { status: 503, code: 'SERVICE_UNAVAILABLE' },
  OPERATION_TIMED_OUT: { status: 503, code: 'SERVICE_UNAVAILABLE' },
};

/** The extensions of our errors a caller may see (never a cause or a query). */
const PUBLIC_EXTENSIONS = ['argument', 'example', 'asOf', 'firstInForceFrom', 'firstRevision'] as const;

/** Answers a refusal as JSON before anything else was sent; after that, cuts the download short. */
function fail(req: Request, res: Response, error: unknown): void {
  if (res.headersSent) {
    req.log.error({ err: error }, 'a download failed after it began; the response was cut short');
    res.destroy();
    return;
  }
  const code = codeOf(error);
  const known = code === undefined ? undefined : STATUS[code];
  if (known === undefined || !(error instanceof Error)) {
    req.log.error({ err: error }, 'masked an unexpected error of a download as INTERNAL_SERVER_ERROR');
    sendHttpError(res, 500, 'INTERNAL_SERVER_ERROR', 'Something went wrong on our side; the error has been logged');
    return;
  }
  const extensions = 'extensions' in error && typeof error.extensions === 'object' && error.extensions !== null ? (error.extensions as Record<string, unknown>) : {};
  const extra = Object.fromEntries(PUBLIC_EXTENSIONS.flatMap((name) => (extensions[name] === undefined ? [] : [[name, extensions[name]]])));
  sendHttpError(res, known.status, known.code, shortenQuotes(error.message), extra);
}

/** Writes a chunk, waiting while the client is slower than the database. */
async function write(stream: Writable, chunk: unknown): Promise<void> {
  if (stream.destroyed) throw new Error('the client went away');
  if (!stream.write(chunk)) await once(stream, 'drain');
}

const reviewDueOf = (revision: RevisionModel): string | null => (revision.inForceFrom === null ? null : reviewDue(revision.inForceFrom, revision.reviewIntervalYears ?? 2));

/** The CSV download: the byte-order mark, the title row, the column row, then every obligation. */
async function sendCsv(res: Response, exported: ObligationExport, given: [string, string][]): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
  res.setHeader('Content-Disposition', `attachment; filename="obligations-${exported.revision.key}.csv"`);
  // Excel reads UTF-8 only after a byte-order mark; a cell that starts like a formula is
  // written with a leading apostrophe so that a spreadsheet never runs it.
  const csv = stringify({ bom: true, escape_formulas: true, record_delimiter: 'windows' });
  csv.pipe(res);
  await write(csv, titleRecord({ revision: exported.revision, given, totalCount: exported.totalCount, graphLoadedAt: exported.graphLoadedAt }));
  await write(csv, [...OBLIGATION_COLUMNS]);
  for await (const page of exported.pages()) for (const row of page) await write(csv, obligationRecord(row));
  csv.end();
  await once(res, 'finish');
}

/** The JSON download: what was asked and of which revision, the count, then every obligation, written as they are read. */
async function sendJson(res: Response, exported: ObligationExport, given: [string, string][], origin: string): Promise<void> {
  const { revision } = exported;
  const about = {
    revision: {
      key: revision.key,
      title: revision.title,
      status: revision.status,
      inForceFrom: revision.inForceFrom,
      inForceUntil: revision.inForceUntil,
      reviewDue: reviewDueOf(revision),
      downloads: revisionDownloads(origin, revision.key),
    },
    graphLoadedAt: exported.graphLoadedAt,
    filter: Object.fromEntries(given),
    totalCount: exported.totalCount,
  };
  res.status(200);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  await write(res, `${JSON.stringify(about).slice(0, -1)},"obligations":[`);
  let first = true;
  for await (const page of exported.pages()) {
    for (const row of page) {
      await write(res, `${first ? '' : ','}\n${JSON.stringify(row)}`);
      first = false;
    }
  }
  res.end(']}\n');
  await once(res, 'finish');
}

/** `2024-09-01.jsonld` or `2024-09-01.akn.xml`: the revision's key and the format. */
const REVISION_FILE = /^(.+)\.(jsonld|akn\.xml)$/;

export function exportsRouter({ db, schema, authenticate, origin }: ExportsRouterOptions): Router {
  const parameters = exportParameters(schema);
  const loadersFor = (req: Request) => {
    const viewer = viewerOf(req);
    const canSeeDrafts = ROLES.some((role) => hasRole(viewer, role));
    return (): Loaders => createLoaders(new QueryRunner(db), { batching: true, canSeeDrafts });
  };
  const router = Router();
  router.use(EXPORTS_PATH, authenticate);

  const obligations = (format: 'csv' | 'json'): RequestHandler => (req, res) => {
    void (async () => {
      const asked = parseExportQuery(req.query, parameters);
      const exported = await openObligationExport(loadersFor(req), asked.choice, asked.filter);
      if (format === 'csv') await sendCsv(res, exported, asked.given);
      else await sendJson(res, exported, asked.given, origin(req));
    })().catch((error: unknown) => fail(req, res, error));
  };
  router.get(`${EXPORTS_PATH}/obligations.csv`, obligations('csv'));
  router.get(`${EXPORTS_PATH}/obligations.json`, obligations('json'));

  router.get(`${EXPORTS_PATH}/revisions/:file`, (req, res, next) => {
    const match = REVISION_FILE.exec(req.params['file'] ?? '');
    if (match === null) {
      next();
      return;
    }
    const [, key = '', format] = match;
    void (async () => {
      const loaders = loadersFor(req)();
      const revision = await loaders.revisionFor({ revision: key });
      if (format === 'jsonld') {
        const text = await loadRevisionText(loaders, revision);
        res.status(200).type('application/ld+json; charset=utf-8').send(JSON.stringify(revisionJsonLd(text, origin(req)), null, 2));
        return;
      }
      if (!revision.hasText) {
        const withText = (await loaders.revisions()).find((r) => r.hasText)?.key ?? '2024-09-01';
        sendHttpError(res, 404, 'NOT_FOUND', `Revision ${revision.key} has no text in the graph, so it has no Akoma Ntoso; its description is at /exports/revisions/${revision.key}.jsonld, and a revision with text is /exports/revisions/${withText}.akn.xml`);
        return;
      }
      const text = await loadRevisionText(loaders, revision);
      res.status(200).type('application/akn+xml; charset=utf-8').send(revisionAkn(text));
    })().catch((error: unknown) => fail(req, res, error));
  });

  // Anything else under /exports: say what can be downloaded.
  router.use(EXPORTS_PATH, (req, res) => {
    sendHttpError(
      res,
      404,
      'NOT_FOUND',
      `There is no download at ${shortenQuotes(`"${req.originalUrl.split('?')[0] ?? ''}"`)}; the downloads are /exports/obligations.csv and /exports/obligations.json (with the filter's fields as parameters, such as ${EXPORT_EXAMPLE}), /exports/revisions/2024-09-01.jsonld and /exports/revisions/2024-09-01.akn.xml`,
    );
  });
  return router;
}
