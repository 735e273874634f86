/**
 * The HTTP server of an Express app, made so that Express never changes a request's prototype.
 *
 * Express 5 gives every request and response its app's prototypes (`app.request`,
 * `app.response`) with `Object.setPrototypeOf`, once per request (express/lib/application.js,
 * `app.handle`). Changing the prototype of an object V8 has already shaped gives it a new hidden
 * class, and every property Express, Apollo and this service add to it afterwards a new one again,
 * so the property caches of all the code that touches a request miss; and, measured here, it kept
 * each request's objects alive through young-generation collections until a full one (on
 * `{ __typename }`, 10 KB a request surviving on a bare Apollo Server, 21 KB on this API: half of
 * the difference between the two was that copying: docs/architecture.md, "One request").
 *
 * Node's http server makes its requests and responses from the classes it is given
 * (`http.createServer({ IncomingMessage, ServerResponse })`, documented for extending them). Here
 * they are classes whose prototypes are put in the app's place: each request is made with the
 * prototype Express would give it, and Express's `setPrototypeOf` finds it already there and
 * changes nothing (the way expressjs/express#5998 proposes). Everything the app's prototypes carry
 * (Express's methods, the `app`, server/request-log.ts's `req.log`) is still found, through them.
 */
import http from 'node:http';
import type { Express } from 'express';

/** Puts `child` in front of `parent` in the prototype chain: it then has all of `parent`'s members, and its own. */
function inFrontOf<T extends object>(child: object, parent: T): T {
  Object.setPrototypeOf(child, parent);
  // It inherits every member of T from `parent` (just set), so it is a T.
  return child as T;
}

/** An HTTP server for `app`, whose requests and responses are made with `app`'s prototypes. */
export function createExpressServer(app: Express): http.Server {
  class Request extends http.IncomingMessage {}
  class Response extends http.ServerResponse {}
  app.request = inFrontOf(Request.prototype, app.request);
  app.response = inFrontOf(Response.prototype, app.response);
  return http.createServer({ IncomingMessage: Request, ServerResponse: Response }, app);
}
