/**
 * `npm start`'s entry: the service as it runs in production. NODE_ENV must be set before any
 * library is loaded, as graphql-js reads it once, at load: outside production every failed
 * `instanceof` of its type checks (isListType, isNonNullType, … for every field of every
 * answer) goes on to look for a second copy of the library, about 5% of the time of a page of
 * traces. A NODE_ENV given is kept (NODE_ENV=development npm start); an empty one counts as none. Nothing of the API's
 * own behaviour depends on it: introspection, stack traces and errors are configured
 * explicitly (server/app.ts, server/http-errors.ts); `npm run dev` runs server/main.ts as it is.
 */
process.env['NODE_ENV'] ||= 'production';
await import('./main.ts');
