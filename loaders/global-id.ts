/**
 * Global ids of the Relay `Node` interface (docs/graph-model.md, "Global ids"): opaque to
 * clients, stable, and decodable here into the node's type and its key (shared nodes) or uid
 * (revision-owned nodes, `<revision key>|<key>`). They are base64 of `Type:key-or-uid`.
 */
import { GraphShapeError } from '../core/errors.ts';

export const NODE_TYPES = [
  'Revision',
  'Heading',
  'Clause',
  'Principle',
  'Standard',
  'Obligation',
  'Term',
  'Footnote',
  'Body',
  'Instrument',
  'LegalProvision',
  'ToolkitItem',
  'Organisation',
  'Theme',
  'SourceDocument',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface DecodedId {
  type: NodeType;
  /** The key of a shared node, or the uid of a revision-owned node. */
  key: string;
}

export function toGlobalId(type: NodeType, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64');
}

/** The type and key inside a global id, or null when it is not one this API gives. */
export function fromGlobalId(id: string): DecodedId | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(id)) return null;
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  if (toGlobalIdUnchecked(decoded) !== id) return null;
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return null;
  const type = NODE_TYPES.find((candidate) => candidate === decoded.slice(0, colon));
  if (type === undefined) return null;
  return { type, key: decoded.slice(colon + 1) };
}

const toGlobalIdUnchecked = (decoded: string): string => Buffer.from(decoded, 'utf8').toString('base64');

/** The uid of a revision-owned node: `<revision key>|<key>` (docs/graph-model.md, "Keys"). */
export const uidOf = (revision: string, key: string): string => `${revision}|${key}`;

/** Where a uid made by uidOf divides its revision from its key; a uid without one is the graph's fault. */
function divider(uid: string): number {
  const at = uid.indexOf('|');
  if (at < 0) throw new GraphShapeError(`the uid ${JSON.stringify(uid)} is not <revision>|<key>`);
  return at;
}

/** The key of a uid made by uidOf: what follows the revision. */
export const keyOfUid = (uid: string): string => uid.slice(divider(uid) + 1);

/** The revision of a uid made by uidOf (a revision's key holds no `|`). */
export const revisionOfUid = (uid: string): string => uid.slice(0, divider(uid));
