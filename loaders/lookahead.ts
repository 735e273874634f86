/**
 * Looking ahead (docs/architecture.md, "Looking ahead"): a root field on a hot path plans ONE
 * statement from the fields asked below it (loaders/selection.ts) and primes the request's
 * DataLoaders with what that statement brought, so the field resolvers below find their
 * answers without a round trip. What is not planned here is loaded by the DataLoaders as
 * before, batched by level.
 *
 * What is planned, and the batch query each part stands in for (its Cypher is shared with it,
 * or says the same, so both answer alike; the integration tests compare the two):
 *
 * - below a provision: `heading` (headingOfProvision), `obligations` (obligationsOfProvision,
 *   and provisionOfObligation for each of them: it is this provision), `sources` (sourcesOfNode);
 * - below an obligation: `provision` (provisionOfObligation, and what is planned below it),
 *   `addressees` (addresseesOfObligation), `appliesTo` (applicabilityOfObligation; when every
 *   `appliesTo` names its body, only those bodies and their members: applicabilityOfObligationFor),
 *   `cites` (citationsOfObligation), `trace` (traceOfObligation), `sources` (sourcesOfNode);
 * - the bodies named by `appliesTo(body:)` and `legalBasis(body:)` anywhere below, and by the
 *   filter's `appliesTo` and `addressee` (bodyByKey, and membersOfGroup for `legalBasis(body:)`),
 *   so the checks that an asked body exists cost nothing more.
 *
 * The roots: `provision(key)`, `obligation(key)` (statements `provision`, `obligation`, when
 * something below them is planned; else the by-uid DataLoader, which batches aliased roots)
 * and `obligations` (statement `obligations`, the page query of obligation-query.ts with each
 * obligation returned with what is planned below it). The parts nest (a provision's obligations
 * with their addressees, an obligation's provision with its heading), as deep as the operation
 * asks, which its depth and cost limits bound. Each nested part is a COLLECT subquery over
 * variables named afresh (`p_1`, `o_2`, …), so that no inner pattern joins an outer variable
 * by accident. A part that returns a map projection and orders by its node names the column
 * (`RETURN o_2 {.key} AS value ORDER BY o_2.order`): unnamed, the column takes the node's name,
 * and the ORDER BY would read the projected map, which may not hold the property it sorts by.
 *
 * Each provision, obligation and body is read as a map projection of the properties the fields
 * asked of it need (loaders/projection.ts), so its heavy text comes only when asked; the field
 * resolvers load what a model came without (a node reached by another path that did not ask it).
 */
import { GraphShapeError } from '../core/errors.ts';
import { asProps, integer, type Props } from '../db/graph-values.ts';
import type { Params, QueryRunner } from '../db/run-query.ts';
import { groupedInKeyOrder, inKeyOrder } from './batch.ts';
import { BODY_ALWAYS, BODY_FIELD_READS, bodyOrder, toBody, toBodyAsRead, type BodyModel, type FullBodyModel } from './body.ts';
import { citedOrder, citedValue, toCitable, type CitableModel } from './citation.ts';
import { checkCriteriaKeys, type KeyCheckers } from './find-obligations.ts';
import { toHeading, type HeadingModel } from './heading.ts';
import {
  applicabilityValue,
  isBodyOrMember,
  OBLIGATION_ALWAYS,
  OBLIGATION_FIELD_READS,
  toApplicability,
  toObligationAsRead,
  type ApplicabilityModel,
  type ObligationForBody,
  type ObligationModel,
} from './obligation.ts';
import { buildObligationQuery, toObligationCriteria, type ObligationCriteria, type ObligationFilterInput } from './obligation-query.ts';
import type { Page, PageRequest } from './pagination.ts';
import { PROVISION_ALWAYS, PROVISION_FIELD_READS, provisionValue, toProvisionAsRead, type ProvisionModel } from './provision.ts';
import { keepPlanned } from './planned.ts';
import { Reads } from './projection.ts';
import type { RevisionModel } from './revision.ts';
import type { Selection } from './selection.ts';
import { sourceReferenceValue, sourcesOrder, sourcesPath, toSourceReference, type SourcedNode, type SourceReferenceModel } from './source.ts';
import { revisionOfUid } from './global-id.ts';
import { traceHeadColumns, traceOf, tracePath, traceTail, traceTailColumns, type TraceHeadRow, type TraceStep, type TraceStepModel, type TraceTailRow } from './trace.ts';

/** A DataLoader as a plan uses it: it fills it, and reads from it what it did not plan. */
interface Primable<V, K = string> {
  prime(key: K, value: V): unknown;
  load(key: K): Promise<V>;
}

/** The request's DataLoaders a plan fills (loaders/create-loaders.ts). */
export interface LookaheadLoaders extends KeyCheckers {
  /** Read, never filled: a plan's models may lack what a by-uid load brings (loaders/projection.ts). */
  provisionByUid: { load(uid: string): Promise<ProvisionModel | null> };
  obligationByUid: { load(uid: string): Promise<ObligationModel | null> };
  headingOfProvision: Primable<HeadingModel | null>;
  obligationsOfProvision: Primable<ObligationModel[]>;
  provisionOfObligation: Primable<ProvisionModel | null>;
  addresseesOfObligation: Primable<BodyModel[]>;
  applicabilityOfObligation: Primable<ApplicabilityModel[]>;
  applicabilityOfObligationFor: Primable<ApplicabilityModel[], ObligationForBody>;
  citationsOfObligation: Primable<CitableModel[]>;
  traceOfObligation: Primable<TraceStepModel[]>;
  /** Filled with whole bodies only: the bodies' fields load what a model came without from it. */
  bodyByKey: Primable<FullBodyModel | null>;
  membersOfGroup: Primable<FullBodyModel[]>;
  sourcesOfNode: Primable<SourceReferenceModel[], SourcedNode>;
}

/** A part of a planned statement: a Cypher expression, and how its value is read (priming the loaders on the way). */
interface Projection<M> {
  cypher: string;
  /** Whether anything below the node is planned (else the expression is the node's properties alone). */
  linked: boolean;
  read(value: unknown, loaders: LookaheadLoaders): M;
}

function listOf(props: Props, name: string): unknown[] {
  const value = props[name];
  if (!Array.isArray(value)) throw new GraphShapeError(`${name} is not a list`);
  return value;
}

/** The last value of a COLLECT that stands for a one-answer batch (whose answer is the last row of its key), or null. */
function lastOf<M>(props: Props, name: string, map: (value: unknown) => M): M | null {
  const values = listOf(props, name);
  return values.length === 0 ? null : map(values[values.length - 1]);
}

/**
 * What is read of the bodies a plan brings to check them (asked by key, not by field): every
 * property, as bodyByKey holds whole bodies (a body's fields load what a model lacks from it).
 */
const CHECKED_BODY = Reads.ALL;

/**
 * One statement being planned: fresh variable names, and what its answer must bring beside
 * the nodes: the bodies asked about, and the tail of the revision's traces. Everything a
 * plan reaches lies in one revision (`revision`, the root's), as every link it plans stays
 * inside a revision's tree.
 */
class Plan {
  private named = 0;
  /** Bodies whose existence is asked (bodyByKey). */
  readonly bodies = new Set<string>();
  /** Bodies whose members are asked too (membersOfGroup): the `body:` arguments below. */
  readonly groups = new Set<string>();
  /** Whether a trace is asked: the revision's tail of every trace (trace.ts traceTail) comes once, beside the nodes. */
  tracesAsked = false;
  private tail: readonly TraceStep[] | null = null;
  /** The asked bodies that exist, once the columns are read. */
  private readonly existing = new Set<string>();

  constructor(readonly revision: string) {}

  /** The tail of the revision's traces, once the columns are read; null when the revision has no Code (no trace then). */
  traceTail(): readonly TraceStep[] | null {
    return this.tail;
  }

  /** Whether the body `key` (one of `bodies`) exists, once the columns are read. */
  found(key: string): boolean {
    return this.existing.has(key);
  }

  /** Values the statement's parts pass as parameters, by name. */
  private readonly values: Params = {};

  /** Passes `value` as the parameter `name` (a fresh variable name), and gives its Cypher. */
  param(name: string, value: unknown): string {
    this.values[name] = value;
    return `$${name}`;
  }

  /** A variable no other part of the statement uses. */
  name(prefix: string): string {
    this.named += 1;
    return `${prefix}_${this.named}`;
  }

  /** Whether the statement must bring anything beside the nodes it plans. */
  get bringsColumns(): boolean {
    return this.bodies.size > 0 || this.tracesAsked;
  }

  /** The columns beside the root's that bring the bodies and the traces' tail (as `[name, expression]`). */
  columns(): [string, string][] {
    const columns: [string, string][] = [];
    if (this.tracesAsked) {
      const names = { p: '', h: '', r: this.name('r'), code: this.name('code'), e: this.name('e'), lp: this.name('lp'), act: this.name('act') };
      const tail = traceTailColumns(names.r, names)
        .map(([name, expression]) => `${name}: ${expression}`)
        .join(', ');
      columns.push(['lookaheadTraceTail', `COLLECT { MATCH (${names.r}:Revision {key: $lookaheadRevision})-[:REVISION_OF]->(${names.code}:Instrument) RETURN {${tail}} }`]);
    }
    if (this.bodies.size === 0) return columns;
    const [key, body, member] = [this.name('key'), this.name('b'), this.name('b')];
    columns.push(['lookaheadBodies', `COLLECT { UNWIND $lookaheadBodies AS ${key} MATCH (${body}:Body {key: ${key}}) RETURN {key: ${key}, value: ${CHECKED_BODY.cypher(body)}} }`]);
    if (this.groups.size > 0) {
      columns.push([
        'lookaheadMembers',
        `COLLECT { UNWIND $lookaheadGroups AS ${key} MATCH (:Body {key: ${key}})<-[:MEMBER_OF]-(${member}:Body) ` +
          `RETURN {key: ${key}, value: ${CHECKED_BODY.cypher(member)}} ORDER BY ${bodyOrder(member)} }`,
      ]);
    }
    return columns;
  }

  params(): Params {
    return {
      ...this.values,
      ...(this.tracesAsked ? { lookaheadRevision: this.revision } : {}),
      ...(this.bodies.size > 0 ? { lookaheadBodies: [...this.bodies] } : {}),
      ...(this.groups.size > 0 ? { lookaheadGroups: [...this.groups] } : {}),
    };
  }

  /**
   * Reads the columns of a row: keeps the traces' tail, and primes bodyByKey (null for a body
   * that does not exist) and membersOfGroup.
   */
  readColumns(row: Props, loaders: LookaheadLoaders): void {
    if (this.tracesAsked) this.tail = lastOf(row, 'lookaheadTraceTail', (value) => traceTail(toTraceTail(value)));
    if (this.bodies.size === 0) return;
    const rows = (name: string) => listOf(row, name).map((value) => asProps(value, 'planned body'));
    const bodies = [...this.bodies];
    const found = inKeyOrder(bodies, rows('lookaheadBodies').map((value) => ({ key: String(value['key']), value: toBody(value['value']) })));
    bodies.forEach((key, index) => {
      const body = found[index] ?? null;
      loaders.bodyByKey.prime(key, body);
      if (body !== null) this.existing.add(key);
    });
    if (this.groups.size === 0) return;
    const groups = [...this.groups];
    const members = groupedInKeyOrder(groups, rows('lookaheadMembers').map((value) => ({ key: String(value['key']), value: toBody(value['value']) })));
    groups.forEach((key, index) => loaders.membersOfGroup.prime(key, members[index] ?? []));
  }
}

/** Builds a projection from the links planned below a node. */
function linked<M>(base: string, links: readonly Link<M>[], map: (value: unknown) => M): Projection<M> {
  if (links.length === 0) return { cypher: base, linked: false, read: (value) => map(value) };
  return {
    // The node's value, then each link's, in a list: no keys for the driver to decode (as Reads.cypher).
    cypher: `[${[base, ...links.map((link) => link.cypher)].join(', ')}]`,
    linked: true,
    read(value, loaders) {
      if (!Array.isArray(value) || value.length !== links.length + 1) throw new GraphShapeError(`a planned node is not a list of its value and ${links.length} links`);
      const model = map(value[0]);
      const props: Props = {};
      links.forEach((link, index) => {
        props[link.name] = value[index + 1];
      });
      for (const link of links) link.read(props, model, loaders);
      return model;
    },
  };
}

/** What is planned below a node: its name, its Cypher, and how its value is read (by its name) and the loader it primes. */
type Link<M> = { name: string; cypher: string; read(props: Props, model: M, loaders: LookaheadLoaders): void };

/** Where the node `n` was read (sourcesOfNode), when `sources` is asked. */
function sourcesLink<M>(plan: Plan, n: string, selection: Selection, node: (model: M) => SourcedNode): Link<M> | null {
  if (!selection.has('sources')) return null;
  const [s, d] = [plan.name('s'), plan.name('d')];
  return {
    name: 'sources',
    cypher: `COLLECT { MATCH ${sourcesPath(n, s, d)} RETURN ${sourceReferenceValue(s, d)} ORDER BY ${sourcesOrder(s, d)} }`,
    read: (props, model, loaders) => loaders.sourcesOfNode.prime(node(model), listOf(props, 'sources').map(toSourceReference)),
  };
}

/** A provision `p` with what is planned below it (`heading`, `obligations`). */
function provisionProjection(plan: Plan, p: string, selection: Selection): Projection<ProvisionModel> {
  const links: Link<ProvisionModel>[] = [];
  if (selection.has('heading')) {
    const h = plan.name('h');
    links.push({
      name: 'heading',
      cypher: `COLLECT { MATCH (${h}:Heading)-[:CONTAINS]->(${p}) RETURN properties(${h}) }`,
      read: (props, provision, loaders) => {
        const heading = lastOf(props, 'heading', toHeading);
        loaders.headingOfProvision.prime(provision.uid, heading);
        keepPlanned(provision, 'heading', heading);
      },
    });
  }
  if (selection.has('obligations')) {
    const o = plan.name('o');
    const obligation = obligationProjection(plan, o, selection.below('obligations'), true);
    links.push({
      name: 'obligations',
      cypher: `COLLECT { MATCH (${p})<-[:STATED_IN]-(${o}:Obligation) RETURN ${obligation.cypher} AS value ORDER BY ${o}.order }`,
      read: (props, provision, loaders) => {
        const obligations = listOf(props, 'obligations').map((value) => obligation.read(value, loaders));
        loaders.obligationsOfProvision.prime(provision.uid, obligations);
        keepPlanned(provision, 'obligations', obligations);
        for (const stated of obligations) {
          loaders.provisionOfObligation.prime(stated.uid, provision);
          keepPlanned(stated, 'provision', provision);
        }
      },
    });
  }
  const sources = sourcesLink<ProvisionModel>(plan, p, selection, (provision) => ({ label: provision.__typename, key: provision.uid }));
  if (sources !== null) links.push(sources);
  const reads = Reads.of(selection, PROVISION_FIELD_READS, PROVISION_ALWAYS);
  return linked(provisionValue(p, reads), links, (value) => toProvisionAsRead(value, reads));
}

/**
 * Who the obligation `o` binds, when `appliesTo` is asked. When every `appliesTo` names its
 * body, only those bodies and their groups' members (applicabilityOfObligationFor, as
 * applicabilityFor filters): an obligation binds some twenty bodies, each brought whole, and
 * the benchmark asks about one. Else all of them (applicabilityOfObligation).
 */
function applicabilityLink(plan: Plan, o: string, selection: Selection): Link<ObligationModel> | null {
  if (!selection.has('appliesTo')) return null;
  const [a, b] = [plan.name('a'), plan.name('b')];
  const reads = Reads.of(selection.below('appliesTo').below('body'), BODY_FIELD_READS, BODY_ALWAYS);
  const named = selection.argumentInEvery('appliesTo', 'body');
  if (named === null || !named.every((body): body is string => typeof body === 'string')) {
    return {
      name: 'applicability',
      cypher: `COLLECT { MATCH (${o})-[${a}:APPLIES_TO]->(${b}:Body) RETURN ${applicabilityValue(a, b, reads)} ORDER BY ${b}.name }`,
      read: (props, obligation, loaders) => {
        const applicability = listOf(props, 'applicability').map((value) => toApplicability(value, reads));
        loaders.applicabilityOfObligation.prime(obligation.uid, applicability);
        keepPlanned(obligation, 'applicability', applicability);
      },
    };
  }
  const bodies = [...new Set(named)];
  const body = plan.name('body');
  const [only] = bodies;
  if (bodies.length === 1 && only !== undefined) {
    // One body asked about (the common case): its applicability alone, without the body beside each entry.
    return {
      name: 'applicabilityFor',
      cypher: `COLLECT { MATCH (${o})-[${a}:APPLIES_TO]->(${b}:Body) WHERE ${isBodyOrMember(b, plan.param(body, only))} RETURN ${applicabilityValue(a, b, reads)} ORDER BY ${b}.name }`,
      read: (props, obligation, loaders) => {
        const applicability = listOf(props, 'applicabilityFor').map((value) => toApplicability(value, reads));
        loaders.applicabilityOfObligationFor.prime({ uid: obligation.uid, body: only }, applicability);
        if (plan.found(only)) keepPlanned(obligation, 'applicabilityFor', new Map([[only, applicability]]));
      },
    };
  }
  return {
    name: 'applicabilityFor',
    cypher:
      `COLLECT { UNWIND ${plan.param(body, bodies)} AS ${body} MATCH (${o})-[${a}:APPLIES_TO]->(${b}:Body) WHERE ${isBodyOrMember(b, body)} ` +
      `RETURN {body: ${body}, value: ${applicabilityValue(a, b, reads)}} ORDER BY ${b}.name }`,
    read: (props, obligation, loaders) => {
      const rows = listOf(props, 'applicabilityFor').map((value) => asProps(value, 'planned applicability'));
      const found = groupedInKeyOrder(bodies, rows.map((row) => ({ key: String(row['body']), value: toApplicability(row['value'], reads) })));
      bodies.forEach((asked, index) => loaders.applicabilityOfObligationFor.prime({ uid: obligation.uid, body: asked }, found[index] ?? []));
      keepPlanned(obligation, 'applicabilityFor', new Map(bodies.flatMap((asked, index) => (plan.found(asked) ? [[asked, found[index] ?? []]] : []))));
    },
  };
}

/**
 * An obligation `o` with what is planned below it. `inProvision`: it is read below its
 * provision, which primes its `provision` itself.
 */
function obligationProjection(plan: Plan, o: string, selection: Selection, inProvision: boolean): Projection<ObligationModel> {
  const links: Link<ObligationModel>[] = [];
  if (!inProvision && selection.has('provision')) {
    const p = plan.name('p');
    const provision = provisionProjection(plan, p, selection.below('provision'));
    links.push({
      name: 'provision',
      cypher: `COLLECT { MATCH (${o})-[:STATED_IN]->(${p}:Provision) RETURN ${provision.cypher} }`,
      read: (props, obligation, loaders) => {
        const stated = lastOf(props, 'provision', (value) => provision.read(value, loaders));
        loaders.provisionOfObligation.prime(obligation.uid, stated);
        keepPlanned(obligation, 'provision', stated);
      },
    });
  }
  if (selection.has('addressees')) {
    const b = plan.name('b');
    const reads = Reads.of(selection.below('addressees'), BODY_FIELD_READS, BODY_ALWAYS);
    links.push({
      name: 'addressees',
      cypher: `COLLECT { MATCH (${o})-[:ADDRESSES]->(${b}:Body) RETURN ${reads.cypher(b)} AS value ORDER BY ${bodyOrder(b)} }`,
      read: (props, obligation, loaders) => {
        const addressees = listOf(props, 'addressees').map((value) => toBodyAsRead(value, reads));
        loaders.addresseesOfObligation.prime(obligation.uid, addressees);
        keepPlanned(obligation, 'addressees', addressees);
      },
    });
  }
  const applicability = applicabilityLink(plan, o, selection);
  if (applicability !== null) links.push(applicability);
  // applicabilityFor and legalBasisFor check the body they are asked about; legalBasisFor reads its members.
  for (const field of ['appliesTo', 'legalBasis']) {
    for (const body of selection.argumentValues(field, 'body')) {
      if (typeof body !== 'string') continue;
      plan.bodies.add(body);
      if (field === 'legalBasis') plan.groups.add(body);
    }
  }
  if (selection.has('cites')) {
    const c = plan.name('c');
    links.push({
      name: 'cites',
      cypher: `COLLECT { MATCH (${o})-[:CITES]->(${c}) RETURN ${citedValue(c)} ORDER BY ${citedOrder(c)} }`,
      read: (props, obligation, loaders) => loaders.citationsOfObligation.prime(obligation.uid, listOf(props, 'cites').map(toCitable)),
    });
  }
  if (selection.has('trace')) {
    // The obligation's own steps here; the revision's tail comes once beside the nodes (Plan.columns).
    plan.tracesAsked = true;
    const names = { p: plan.name('p'), h: plan.name('h'), r: plan.name('r'), code: plan.name('code'), e: '', lp: '', act: '' };
    const row = traceHeadColumns(o, names)
      .map(([name, expression]) => `${name}: ${expression}`)
      .join(', ');
    links.push({
      name: 'trace',
      cypher: `COLLECT { MATCH ${tracePath(o, names)} WHERE ${names.r}.key = $lookaheadRevision RETURN {${row}} }`,
      read: (props, obligation, loaders) => {
        const tail = plan.traceTail();
        const trace = tail === null ? [] : (lastOf(props, 'trace', (value) => traceOf(toTraceHead(value), tail)) ?? []);
        loaders.traceOfObligation.prime(obligation.uid, trace);
        keepPlanned(obligation, 'trace', trace);
      },
    });
  }
  const sources = sourcesLink<ObligationModel>(plan, o, selection, (obligation) => ({ label: 'Obligation', key: obligation.uid }));
  if (sources !== null) links.push(sources);
  const reads = Reads.of(selection, OBLIGATION_FIELD_READS, OBLIGATION_ALWAYS);
  return linked(reads.cypher(o), links, (value) => toObligationAsRead(value, reads));
}

/** The parts of a planned row, each a map. */
const partsOf = (value: unknown, what: string) => {
  const row = asProps(value, what);
  return { row, part: (name: string): Props => asProps(row[name], `the ${what}'s ${name}`) };
};

/** A planned trace head (trace.ts traceHeadColumns). */
function toTraceHead(value: unknown): TraceHeadRow {
  const { part } = partsOf(value, 'trace');
  return { obligation: part('obligation'), provision: part('provision'), heading: part('heading') };
}

/** The planned tail of a revision's traces (trace.ts traceTailColumns). */
function toTraceTail(value: unknown): TraceTailRow {
  const { row, part } = partsOf(value, 'trace tail');
  return { revision: part('revision'), code: part('code'), enabling: listOf(row, 'enabling') };
}

/** A planned statement: its Cypher and parameters, and how its rows are read (priming the loaders on the way). */
export interface PlannedStatement<M> {
  name: string;
  cypher: string;
  params: Params;
  read(rows: readonly Props[], loaders: LookaheadLoaders): M;
}

/**
 * The statement `provision` or `obligation`: the node with this uid and what is planned below
 * it; null when nothing is (the by-uid DataLoader answers then, and batches aliased roots).
 * Visible as the by-uid batch queries decide: a draft's only with `canSeeDrafts`.
 */
function planByUid<M>(
  root: 'provision' | 'obligation',
  uid: string,
  canSeeDrafts: boolean,
  project: (plan: Plan, variable: string) => Projection<M>,
): PlannedStatement<M | null> | null {
  const plan = new Plan(revisionOfUid(uid));
  const variable = plan.name(root === 'provision' ? 'p' : 'o');
  const projection = project(plan, variable);
  if (!projection.linked && !plan.bringsColumns) return null;
  return {
    name: root,
    cypher: `
MATCH (${variable}:${root === 'provision' ? 'Provision' : 'Obligation'} {uid: $uid})
WHERE $canSeeDrafts OR EXISTS { MATCH (:Revision {key: ${variable}.revision, published: true}) }
RETURN ${[`${projection.cypher} AS value`, ...plan.columns().map(([name, expression]) => `${expression} AS ${name}`)].join(',\n  ')}`,
    params: { ...plan.params(), uid, canSeeDrafts },
    read([row], loaders) {
      if (row === undefined) return null;
      plan.readColumns(row, loaders);
      return projection.read(row['value'], loaders);
    },
  };
}

/** `provision(key)`: the provision with this uid and what `selection` asks below it (planByUid). */
export const planProvisionByUid = (uid: string, selection: Selection, canSeeDrafts: boolean): PlannedStatement<ProvisionModel | null> | null =>
  planByUid('provision', uid, canSeeDrafts, (plan, p) => provisionProjection(plan, p, selection));

/** `obligation(key)`: the obligation with this uid and what `selection` asks below it (planByUid). */
export const planObligationByUid = (uid: string, selection: Selection, canSeeDrafts: boolean): PlannedStatement<ObligationModel | null> | null =>
  planByUid('obligation', uid, canSeeDrafts, (plan, o) => obligationProjection(plan, o, selection, false));

/**
 * The statement `obligations`: the page query of obligation-query.ts with each obligation
 * returned with what `selection` asks below the connection's `nodes` and `edges { node }`, and
 * the bodies the filter names (whose existence findObligations checks) beside the page.
 */
export function planObligationsPage(revision: string, criteria: ObligationCriteria, request: PageRequest, selection: Selection): PlannedStatement<Page<ObligationModel>> {
  const plan = new Plan(revision);
  for (const key of [criteria.appliesTo, criteria.addressee, ...(criteria.anyOf.appliesTo ?? [])]) if (key !== null) plan.bodies.add(key);
  const item = obligationProjection(plan, 'o', selection.below('nodes').with(selection.below('edges').below('node')), false);
  const query = buildObligationQuery(revision, criteria, request, { item: item.cypher, columns: plan.columns(), params: plan.params() });
  return {
    name: 'obligations',
    ...query,
    read(rows, loaders) {
      const [first] = rows;
      if (first === undefined) return { items: [], totalCount: 0, offset: request.offset };
      plan.readColumns(first, loaders);
      return { items: rows.flatMap((row) => listOf(row, 'page').map((value) => item.read(value, loaders))), totalCount: integer(first, 'totalCount'), offset: request.offset };
    },
  };
}

/** The plans of the hot paths' root fields, run over one request's DataLoaders. */
export function createLookahead(runner: QueryRunner, loaders: LookaheadLoaders, options: { canSeeDrafts: boolean }) {
  const run = async <M>(planned: PlannedStatement<M>): Promise<M> => planned.read(await runner.read<Props>(planned.name, planned.cypher, planned.params), loaders);

  return {
    /** A provision by uid (`<revision>|<key>`) and what `selection` asks below it; null when there is none. */
    async provision(uid: string, selection: Selection): Promise<ProvisionModel | null> {
      const planned = planProvisionByUid(uid, selection, options.canSeeDrafts);
      return planned === null ? loaders.provisionByUid.load(uid) : run(planned);
    },

    /** An obligation by uid and what `selection` asks below it; null when there is none. */
    async obligation(uid: string, selection: Selection): Promise<ObligationModel | null> {
      const planned = planObligationByUid(uid, selection, options.canSeeDrafts);
      return planned === null ? loaders.obligationByUid.load(uid) : run(planned);
    },

    /**
     * One page of the obligations that match `filter` (as findObligations: the same checks,
     * the same NOT_FOUND for an unknown key), with what `selection` asks below it, in one statement.
     */
    async obligations(revision: RevisionModel, filter: ObligationFilterInput | null | undefined, request: PageRequest, selection: Selection): Promise<Page<ObligationModel>> {
      const criteria = toObligationCriteria(filter);
      const read = run(planObligationsPage(revision.key, criteria, request, selection));
      // The bodies the filter names came with the page (or as null); the other keys are checked beside it.
      const checkers: KeyCheckers = {
        provisionByUid: loaders.provisionByUid,
        headingByUid: loaders.headingByUid,
        citableByKey: loaders.citableByKey,
        bodyByKey: {
          load: async (key) => {
            await read;
            return loaders.bodyByKey.load(key);
          },
        },
      };
      const [page] = await Promise.all([read, checkCriteriaKeys(checkers, revision, criteria)]);
      return page;
    },
  };
}

export type Lookahead = ReturnType<typeof createLookahead>;
