/**
 * The embedded provider's sign-in page (server/auth/embedded-provider.ts): a form asking a
 * username and password, checked against the accounts of db/accounts.ts, under
 * /oidc/interaction/<uid>, then a page asking the person to confirm that the application may
 * act as them (oidc-provider asks it every time for a native client, since any program on the
 * machine can listen on a loopback port). Plain HTML with no script; its Content-Security-Policy allows only
 * its own stylesheet (by hash), the form posting to this origin, and the redirects of the
 * sign-in to the native client's loopback callback. A wrong password and an unknown name get
 * the same answer, in the same time.
 */
import { createHash } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type Provider from 'oidc-provider';
import type { Logger } from '../../core/log.ts';
import { checkCredentials, findAccountBySubject } from '../../db/accounts.ts';
import { deadlineIn, QueryRunner, type Database } from '../../db/run-query.ts';

const STYLE = 'body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}h1{font-size:1.4rem}label{display:block;margin-top:1rem}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem}.problem{color:#a00000}';

/** The policy of every HTML page of the provider: nothing but its own style, and forms to this origin and the loopback callback. */
export const SIGN_IN_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self' http://127.0.0.1:* http://localhost:*",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const page = (title: string, body: string): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;

/** A page saying what went wrong in a sign-in (no stack, no internals). */
export function errorPage(error: string, description: string): string {
  return page('Sign-in problem', `<h1>The sign-in could not go on</h1><p class="problem">${escapeHtml(description)}</p><p><small>${escapeHtml(error)}</small></p><p>Start again from the application that sent you here.</p>`);
}

function loginPage(uid: string, problem: string | null, username = ''): string {
  const action = `/oidc/interaction/${encodeURIComponent(uid)}/login`;
  return page(
    'Sign in to care-code-graph',
    `<h1>Sign in to care-code-graph</h1>` +
      (problem === null ? '' : `<p class="problem" role="alert">${escapeHtml(problem)}</p>`) +
      `<form method="post" action="${escapeHtml(action)}" autocomplete="on">` +
      `<label>Username<input name="username" autocomplete="username" required autofocus value="${escapeHtml(username)}"></label>` +
      `<label>Password<input name="password" type="password" autocomplete="current-password" required></label>` +
      `<button type="submit">Sign in</button></form>` +
      `<p><a href="/oidc/interaction/${escapeHtml(encodeURIComponent(uid))}/abort">Cancel</a></p>`,
  );
}

function consentPage(uid: string, username: string): string {
  const base = `/oidc/interaction/${encodeURIComponent(uid)}`;
  return page(
    'Allow access to care-code-graph',
    `<h1>Allow access to care-code-graph?</h1>` +
      `<p>An application on this computer asks to read and edit the Code as <strong>${escapeHtml(username)}</strong>, with your roles, until its access token runs out.</p>` +
      `<form method="post" action="${escapeHtml(base)}/confirm"><button type="submit">Allow</button></form>` +
      `<p><a href="${escapeHtml(base)}/abort">Cancel</a></p>`,
  );
}

const sendHtml = (res: Response, status: number, html: string): void => {
  res.status(status).set({ 'content-security-policy': SIGN_IN_CSP, 'cache-control': 'no-store' }).type('html').send(html);
};

export interface SignInRouterOptions {
  /** The mounted provider (made on first use, once the server listens and its origin is known). */
  provider: () => Promise<Provider | undefined>;
  db: Database;
  logger: Logger;
}

/** The routes of the sign-in interaction, to mount at /oidc before the provider itself. */
export function signInRouter({ provider, db, logger }: SignInRouterOptions): Router {
  const router = express.Router();
  const expired = (res: Response): void =>
    sendHtml(res, 400, errorPage('invalid_request', 'This sign-in has expired, or was opened in another browser. Start it again from your application.'));

  /** Runs one step with the provider's interaction, turning a lost or expired one into a page. */
  const step = (work: (oidc: Provider, req: Request, res: Response) => Promise<void>) => (req: Request, res: Response): void => {
    const run = async (): Promise<void> => {
      const oidc = await provider();
      if (oidc === undefined) expired(res);
      else await work(oidc, req, res);
    };
    run().catch((error: unknown) => {
      const name = error instanceof Error ? error.name : '';
      if (name === 'SessionNotFound' || name === 'InvalidRequest') {
        expired(res);
        return;
      }
      (req.log ?? logger).error({ err: error }, 'the sign-in page failed');
      if (!res.headersSent) sendHtml(res, 500, errorPage('server_error', 'Something went wrong on our side; the error has been logged.'));
    });
  };

  router.get(
    '/interaction/:uid',
    step(async (oidc, req, res) => {
      const details = await oidc.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        sendHtml(res, 200, loginPage(details.uid, null));
        return;
      }
      if (details.prompt.name === 'consent') {
        const account = details.session?.accountId === undefined ? null : await findAccountBySubject(new QueryRunner(db, undefined, deadlineIn(10_000)), details.session.accountId);
        sendHtml(res, 200, consentPage(details.uid, account?.displayName ?? 'you'));
        return;
      }
      await oidc.interactionFinished(req, res, { error: 'access_denied', error_description: `the sign-in asked for ${details.prompt.name}, which this provider does not offer` }, { mergeWithLastSubmission: false });
    }),
  );

  router.post(
    '/interaction/:uid/login',
    express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 10 }),
    step(async (oidc, req, res) => {
      const details = await oidc.interactionDetails(req, res);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const username = typeof body['username'] === 'string' ? body['username'].slice(0, 64) : '';
      const password = typeof body['password'] === 'string' ? body['password'].slice(0, 1024) : '';
      const account = await checkCredentials(new QueryRunner(db, undefined, deadlineIn(10_000)), username, password);
      if (account === null) {
        (req.log ?? logger).warn('sign-in refused: wrong username or password');
        sendHtml(res, 401, loginPage(details.uid, 'The username or the password is wrong.', username));
        return;
      }
      await oidc.interactionFinished(req, res, { login: { accountId: account.subject } }, { mergeWithLastSubmission: false });
    }),
  );

  router.post(
    '/interaction/:uid/confirm',
    step(async (oidc, req, res) => {
      const details = await oidc.interactionDetails(req, res);
      const accountId = details.session?.accountId;
      const clientId = details.params['client_id'];
      if (details.prompt.name !== 'consent' || accountId === undefined || typeof clientId !== 'string') {
        expired(res);
        return;
      }
      const grant = (details.grantId === undefined ? undefined : await oidc.Grant.find(details.grantId)) ?? new oidc.Grant({ accountId, clientId });
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
      if (missing.missingOIDCScope !== undefined) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims !== undefined) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
      const grantId = await grant.save();
      await oidc.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }),
  );

  router.get(
    '/interaction/:uid/abort',
    step(async (oidc, req, res) => {
      await oidc.interactionFinished(req, res, { error: 'access_denied', error_description: 'the person cancelled the sign-in' }, { mergeWithLastSubmission: false });
    }),
  );

  return router;
}
