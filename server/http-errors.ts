/**
 * Errors of the HTTP layer, before GraphQL runs, in the same JSON shape as every GraphQL
 * error (docs/architecture.md, "Errors"): `{ "errors": [{ "message", "extensions": { "code" } }] }`.
 * Express's own handler answers an HTML page with a stack trace and the installation's paths
 * (outside production); these answer JSON with a code whatever NODE_ENV is, and quote the
 * caller's input only briefly.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { shortenQuotes, type HttpErrorCode } from '../core/errors.ts';
import type { Logger } from '../core/log.ts';

export interface HttpErrorBody {
  errors: { message: string; extensions: { code: HttpErrorCode } & Record<string, unknown> }[];
}

/** Sends one HTTP-layer error as JSON. */
export function sendHttpError(res: Response, status: number, code: HttpErrorCode, message: string, extra: Record<string, unknown> = {}): void {
  const body: HttpErrorBody = { errors: [{ message, extensions: { code, ...extra } }] };
  res.status(status).type('application/json').send(JSON.stringify(body));
}

const EXAMPLE = 'send a JSON body such as {"query": "{ __typename }"} with content-type: application/json';

/** What body-parser and Express say about a request, as our codes and sentences. */
function describe(error: { type?: unknown; status?: unknown; message?: unknown; charset?: unknown; encoding?: unknown }, bodyLimit: string): { status: number; code: HttpErrorCode; message: string } | null {
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: `The request body is not valid JSON (${shortenQuotes(typeof error.message === 'string' ? error.message : 'unreadable')}); ${EXAMPLE}` };
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than this API accepts (${bodyLimit}); send a shorter operation, and pass long values as variables` };
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `The charset "${shortenQuotes(typeof error.charset === 'string' ? error.charset : '', 20)}" is not supported; send UTF-8 (content-type: application/json; charset=utf-8)` };
    case 'encoding.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `The content encoding "${shortenQuotes(typeof error.encoding === 'string' ? error.encoding : '', 20)}" is not supported; send the body as it is, or gzip or deflate it` };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return { status: 400, code: 'BAD_REQUEST', message: `The request body could not be read in full; ${EXAMPLE}` };
    default:
      return typeof error.status === 'number' && error.status >= 400 && error.status < 500
        ? { status: error.status, code: 'BAD_REQUEST', message: `The request could not be read; ${EXAMPLE}` }
        : null;
  }
}

/** The last error handler: every error an Express middleware passes on becomes JSON with a code. */
export function jsonErrorHandler(bodyLimit: string, logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = typeof error === 'object' && error !== null ? describe(error, bodyLimit) : null;
    if (known !== null) {
      sendHttpError(res, known.status, known.code, known.message);
      return;
    }
    (req.log ?? logger).error({ err: error }, 'masked an unexpected HTTP error as INTERNAL_SERVER_ERROR');
    sendHttpError(res, 500, 'INTERNAL_SERVER_ERROR', 'Something went wrong on our side; the error has been logged');
  };
}

/** No route matched: a JSON 404 that says where the API is. */
export const jsonNotFound: RequestHandler = (req, res) => {
  sendHttpError(res, 404, 'NOT_FOUND', `There is nothing at ${shortenQuotes(`"${req.path}"`)}; the GraphQL API is at /graphql (POST JSON, or open it in a browser for the IDE)`);
};
