/**
 * What every resolver receives (docs/architecture.md, "One request"): the request's
 * DataLoaders. The composition root (server/context.ts) builds one per request, with what
 * the server itself needs beside it; resolvers only read it.
 */
import type { Viewer } from '../core/viewer.ts';
import type { EditingCommands } from '../editing/commands.ts';
import type { Loaders } from '../loaders/create-loaders.ts';

export interface ResolverContext {
  loaders: Loaders;
  /** Who is asking: the signed-in person a verified token names, or null (anonymous). */
  viewer: Viewer | null;
  /** The write side's commands, bound to this request (each checks who may use it). */
  editing: EditingCommands;
}
