/**
 * Obligations as the reader found them in the text: by uid, stated in a provision, who they
 * apply to and why (APPLIES_TO), and the legislation that gives them force
 * (docs/reading-rules.md, "Applicability" and "Legal basis per body").
 */
import { inKeyOrder, makeLoader, manyEach, manyEachTarget, oneEach, type LoaderOptions } from './batch.ts';
import { toBodyAsRead, type BodyModel } from './body.ts';
import { keyOfUid, revisionOfUid } from './global-id.ts';
import type { WithPlanned } from './planned.ts';
import type { ProvisionModel } from './provision.ts';
import type { TraceStepModel } from './trace.ts';
import { assignModelProperties, property, Reads, toAllModelProperties, type FieldReads, type PropertyReaders } from './projection.ts';
import { asProps, flag, integer, oneOf, oneOfList, optionalText, text, textList, type Props } from '../db/graph-values.ts';
import { GraphShapeError } from '../core/errors.ts';
import { toLegalProvision, type LegalProvisionModel } from './instrument.ts';
import type { QueryRunner } from '../db/run-query.ts';
import type { LegalBasisRelation } from '../domain/legal-basis-order.ts';
import { bindLegalBasis } from '../domain/legal-basis-per-body.ts';
import {
  APPLICABILITY_REASONS,
  BINDING_RELATIONS,
  ENABLING_RELATIONS,
  FORCES,
  MODALITIES,
  QUALIFIERS,
  type ApplicabilityReason,
  type Force,
  type Modality,
  type Qualifier,
} from '../core/vocabulary.ts';

/** What every obligation model carries, however it was read: who it is. */
interface ObligationIdentity {
  __typename: 'Obligation';
  uid: string;
  key: string;
  revision: string;
}

/** An obligation's properties, as its fields read them (each read by a planned statement only when asked). */
export interface ObligationProperties {
  text: string;
  modality: Modality;
  force: Force;
  trigger: string;
  triggerStart: number;
  triggerEnd: number;
  qualifiers: Qualifier[];
  fromOverride: boolean;
  overrideReason: string | null;
  /**
   * This obligation's part of its sentence (reader stage 9), its offsets in the provision's text,
   * and the subject it restores.
   */
  statement: string;
  statementStart: number;
  statementEnd: number;
  restoredSubject: string | null;
  order: number;
  /** Stays the same across revisions, whatever the key becomes (domain/lineage.ts). */
  lineage: string;
}

/**
 * An obligation as read: its identity, and the properties its reader asked for (undefined: not
 * read; a planned statement reads only what the asked fields need, loaders/projection.ts, and
 * each field's resolver loads the whole obligation when its property is missing).
 */
export type ObligationModel = ObligationIdentity & Partial<ObligationProperties> & WithPlanned<ObligationLinks>;

/** What a plan may read below an obligation and keep on it (loaders/planned.ts). */
export interface ObligationLinks {
  provision: ProvisionModel | null;
  addressees: BodyModel[];
  /** Every body it binds (appliesTo without a body). */
  applicability: ApplicabilityModel[];
  /** By the key of a body asked about that exists: that body or the members of that group it binds. */
  applicabilityFor: ReadonlyMap<string, ApplicabilityModel[]>;
  trace: TraceStepModel[];
}

/** An obligation with every property read (the batch queries' `properties(o)`). */
export type FullObligationModel = ObligationIdentity & ObligationProperties;

export interface ApplicabilityModel {
  body: BodyModel;
  reason: ApplicabilityReason;
  explanation: string;
  /** The key of the named body that brings this one in, if any. */
  via: string | null;
}

export type { LegalBasisRelation } from '../domain/legal-basis-order.ts';

export interface LegalBasisModel {
  relation: LegalBasisRelation;
  location: string | null;
  provision: LegalProvisionModel;
  /** The bodies this obligation binds through this provision, with the clauses that say so (domain/legal-basis-per-body.ts). */
  binds: LegalBasisBindingModel[];
}

/** One body an obligation binds through one provision of its legal basis. */
export interface LegalBasisBindingModel {
  /** The body's key. */
  body: string;
  force: Force;
  location: string;
}

/** What a planned statement always reads of an obligation: its uid, which holds its revision and key (docs/graph-model.md, "Keys"). */
export const OBLIGATION_ALWAYS = ['uid'];

const OBLIGATION_READERS: PropertyReaders<ObligationProperties> = {
  text: property('text', text),
  modality: property('modality', (props, name) => oneOf(props, name, MODALITIES)),
  force: property('force', (props, name) => oneOf(props, name, FORCES)),
  trigger: property('trigger', text),
  triggerStart: property('triggerStart', integer),
  triggerEnd: property('triggerEnd', integer),
  qualifiers: property('qualifiers', (props, name) => oneOfList(props, name, QUALIFIERS)),
  fromOverride: property('fromOverride', flag),
  overrideReason: property('overrideReason', optionalText),
  statement: property('statement', text),
  statementStart: property('statementStart', integer),
  statementEnd: property('statementEnd', integer),
  restoredSubject: property('restoredSubject', optionalText),
  order: property('order', integer),
  lineage: property('lineage', text),
};

/** Obligation's GraphQL fields and the properties they read beyond OBLIGATION_ALWAYS (loaders/projection.ts). */
export const OBLIGATION_FIELD_READS: FieldReads = {
  ...Object.fromEntries(
    ['text', 'modality', 'force', 'trigger', 'triggerStart', 'triggerEnd', 'qualifiers', 'overrideReason', 'statement', 'statementStart', 'statementEnd', 'restoredSubject', 'order', 'lineage'].map(
      (field) => [field, [field]],
    ),
  ),
  sentence: ['text'],
  overridden: ['fromOverride'],
  subjectRestored: ['restoredSubject'],
  ...Object.fromEntries(
    ['id', 'key', 'number', 'provision', 'heading', 'revision', 'addressees', 'appliesTo', 'cites', 'legalBasis', 'trace', 'sources'].map((field) => [field, []]),
  ),
};

/** Who the obligation is, from its uid (`<revision>|<key>`). */
function identityOf(props: Props): ObligationIdentity {
  const uid = text(props, 'uid');
  return { __typename: 'Obligation', uid, key: keyOfUid(uid), revision: revisionOfUid(uid) };
}

/** An obligation as read by `reads` (what it left out undefined). */
export function toObligationAsRead(value: unknown, reads: Reads): ObligationModel {
  const props = reads.propsOf(value, 'obligation');
  const model: ObligationModel = identityOf(props);
  assignModelProperties(model, props, OBLIGATION_READERS, reads);
  return model;
}

export function toObligation(value: unknown): FullObligationModel {
  const props = asProps(value, 'obligation');
  return { ...identityOf(props), ...toAllModelProperties(props, OBLIGATION_READERS) };
}

/** The obligation's number within its provision: 3 for S8/3. */
export function obligationNumber(key: string): number {
  const number = Number(key.slice(key.lastIndexOf('/') + 1));
  return Number.isInteger(number) ? number : 0;
}

export const OBLIGATIONS_BY_UID = `
UNWIND $keys AS key
MATCH (o:Obligation {uid: key})
WHERE $canSeeDrafts OR EXISTS { MATCH (:Revision {key: o.revision, published: true}) }
RETURN key, properties(o) AS value`;

export const OBLIGATIONS_OF_PROVISIONS = `
UNWIND $keys AS key
MATCH (:Provision {uid: key})<-[:STATED_IN]-(o:Obligation)
RETURN key, properties(o) AS value
ORDER BY o.order`;

/**
 * The Cypher list an APPLIES_TO relationship `a` to the body `b` (as `bodyReads` reads it) is
 * returned as (read by toApplicability): the body, then the relationship's reason, explanation
 * and via. A list, not a map, as a node's properties are (loaders/projection.ts, `Reads.cypher`).
 */
export const applicabilityValue = (a: string, b: string, bodyReads = Reads.ALL): string => `[${bodyReads.cypher(b)}, ${a}.reason, ${a}.explanation, ${a}.via]`;

export const APPLICABILITY_OF_OBLIGATIONS = `
UNWIND $keys AS key
MATCH (:Obligation {uid: key})-[a:APPLIES_TO]->(b:Body)
RETURN key, ${applicabilityValue('a', 'b')} AS value
ORDER BY b.name`;

/** An obligation (by uid) and the body (by key) its applicability is asked about (Obligation.appliesTo(body:)). */
export interface ObligationForBody {
  uid: string;
  body: string;
}

export const obligationForBodyId = ({ uid, body }: ObligationForBody): string => `${uid}\n${body}`;

/** Whether the body `b` is the body `body` (a Cypher expression of its key) or a member of that group: who appliesTo(body:) keeps. */
export const isBodyOrMember = (b: string, body: string): string => `(${b}.key = ${body} OR EXISTS { MATCH (${b})-[:MEMBER_OF]->(:Body {key: ${body}}) })`;

export const APPLICABILITY_OF_OBLIGATIONS_FOR = `
UNWIND $targets AS target
MATCH (:Obligation {uid: target.uid})-[a:APPLIES_TO]->(b:Body)
WHERE ${isBodyOrMember('b', 'target.body')}
RETURN target.id AS key, ${applicabilityValue('a', 'b')} AS value
ORDER BY b.name`;

/**
 * What gives an obligation force: what the Code of its revision is issued under or is
 * guidance under (clauses 1.1, 1.2), any statutory duty it restates (CITES_DUTY_OF), and how
 * the Code binds each body (BOUND_BY), with the obligation's force and the bodies it binds.
 */
export const LEGAL_BASIS_OF_OBLIGATIONS = `
UNWIND $keys AS key
MATCH (o:Obligation {uid: key})
OPTIONAL MATCH (:Revision {key: o.revision})-[:REVISION_OF]->(code:Instrument)
RETURN key, o.force AS force,
  [(o)-[:APPLIES_TO]->(b:Body) | b.key] AS bound,
  [(code)-[e:ISSUED_UNDER|GUIDANCE_UNDER]->(lp:LegalProvision) | {relation: type(e), location: e.location, provision: properties(lp)}] AS enabling,
  [(b:Body)-[x:BOUND_BY {instrument: code.key}]->(lp:LegalProvision) | {body: b.key, force: x.force, relation: x.relation, location: x.location, provision: properties(lp)}] AS bindings,
  [(o)-[:CITES_DUTY_OF]->(lp:LegalProvision) | properties(lp)] AS duties`;

/** Maps an applicabilityValue, its body as read by `bodyReads`. */
export function toApplicability(value: unknown, bodyReads = Reads.ALL): ApplicabilityModel {
  if (!Array.isArray(value) || value.length !== 4) throw new GraphShapeError('an applicability is not a list of its body, reason, explanation and via');
  const [body, reason, explanation, via] = value as unknown[];
  const props: Props = { reason, explanation, via };
  return {
    body: toBodyAsRead(body, bodyReads),
    reason: oneOf(props, 'reason', APPLICABILITY_REASONS),
    explanation: text(props, 'explanation'),
    via: optionalText(props, 'via'),
  };
}

export interface LegalBasisRow {
  force: unknown;
  bound: unknown[];
  enabling: unknown[];
  bindings: unknown[];
  duties: unknown[];
}

/**
 * Maps a row of LEGAL_BASIS_OF_OBLIGATIONS: enabling links and restated duties, each with the
 * bodies the obligation binds through it, and the directions under the 2006 Act as entries of
 * their own (domain/legal-basis-per-body.ts).
 */
export function toLegalBasis(row: LegalBasisRow): LegalBasisModel[] {
  const enablingLinks = row.enabling.map((value) => {
    const props = asProps(value, 'enabling link');
    return {
      relation: oneOf(props, 'relation', ENABLING_RELATIONS.filter((r): r is 'ISSUED_UNDER' | 'GUIDANCE_UNDER' => r !== 'DISAPPLIES')),
      location: optionalText(props, 'location'),
      provision: toLegalProvision(props['provision']),
    };
  });
  const restated = row.duties.map((value) => ({ relation: 'RESTATES_DUTY_OF' as const, location: null, provision: toLegalProvision(value) }));
  const bindings = row.bindings.map((value) => {
    const props = asProps(value, 'binding');
    return {
      body: text(props, 'body'),
      force: oneOf(props, 'force', FORCES),
      relation: oneOf(props, 'relation', BINDING_RELATIONS),
      location: text(props, 'location'),
      provision: toLegalProvision(props['provision']),
    };
  });
  const obligation = { force: oneOf({ force: row.force }, 'force', FORCES), bodiesBound: textList({ bound: row.bound }, 'bound') };
  return bindLegalBasis<Omit<LegalBasisModel, 'binds'>>([...enablingLinks, ...restated], bindings, obligation, (binding) => ({
    relation: binding.relation,
    location: binding.location,
    provision: binding.provision,
  }));
}

export function createObligationLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** An obligation by uid (`<revision>|<key>`); null when there is none. */
    obligationByUid: makeLoader(options, oneEach(runner, 'obligationsByUid', OBLIGATIONS_BY_UID, toObligation, { canSeeDrafts: options.canSeeDrafts === true })),
    /** The obligations a provision (by uid) states, in reading order. */
    obligationsOfProvision: makeLoader<string, ObligationModel[]>(options, manyEach(runner, 'obligationsOfProvisions', OBLIGATIONS_OF_PROVISIONS, toObligation)),
    /** The bodies an obligation (by uid) binds, with the reason, by body name. */
    applicabilityOfObligation: makeLoader(options, manyEach(runner, 'applicabilityOfObligations', APPLICABILITY_OF_OBLIGATIONS, (value) => toApplicability(value))),
    /** The bodies an obligation binds that are one body or members of that group, by body name (the body is not checked). */
    applicabilityOfObligationFor: makeLoader(
      options,
      manyEachTarget(runner, 'applicabilityOfObligationsFor', APPLICABILITY_OF_OBLIGATIONS_FOR, obligationForBodyId, (value) => toApplicability(value)),
      obligationForBodyId,
    ),
    /** The provisions of legislation an obligation (by uid) rests on. */
    legalBasisOfObligation: makeLoader<string, LegalBasisModel[]>(options, async (keys) => {
      const rows = await runner.read<LegalBasisRow & { key: string }>('legalBasisOfObligations', LEGAL_BASIS_OF_OBLIGATIONS, {
        keys,
      });
      return inKeyOrder(keys, rows.map((row) => ({ key: row.key, value: toLegalBasis(row) }))).map((basis) => basis ?? []);
    }),
  };
}
