/**
 * An obligation's trace (docs/graph-model.md, "What the graph answers", 1): the ordered chain
 * obligation → provision → heading → revision → the Code → the Code's enabling provisions
 * (issued under s.145, guidance under s.169 of the 2014 Act and s.2 of the 2006 Act; in the
 * order of docs/reading-rules.md, "Legal basis per body") → their Acts. One query per batch of
 * obligations; the chain is put in order by pure functions, its tail (from the revision on)
 * once per revision, as every obligation of a revision shares it.
 */
import { inKeyOrder, makeLoader, type LoaderOptions } from './batch.ts';
import { toGlobalId, type NodeType } from './global-id.ts';
import { GraphShapeError } from '../core/errors.ts';
import { asProps, oneOf, optionalText, text, textList, type Props } from '../db/graph-values.ts';
import { legalProvisionLabel, toInstrument, toLegalProvision, type InstrumentModel } from './instrument.ts';
import { orderLegalBasis } from '../domain/legal-basis-order.ts';
import type { LegalBasisModel } from './obligation.ts';
import { kindOfProvisionLabel, provisionLabel, type FullProvisionModel } from './provision.ts';
import type { QueryRunner } from '../db/run-query.ts';

export type TraceStepKind = 'OBLIGATION' | 'PROVISION' | 'HEADING' | 'REVISION' | 'CODE' | 'ENABLING_PROVISION' | 'ACT' | 'INSTRUMENT';
export type TraceRelation = 'STATED_IN' | 'UNDER_HEADING' | 'PART_OF_REVISION' | 'REVISION_OF' | 'ISSUED_UNDER' | 'GUIDANCE_UNDER' | 'PART_OF';

export interface TraceStepModel {
  position: number;
  kind: TraceStepKind;
  relation: TraceRelation | null;
  key: string;
  title: string;
  url: string | null;
  nodeId: string;
}

/** What a step shows of an instrument (the properties toInstrument requires, and its link). */
const INSTRUMENT_SHOWN = '.key, .kind, .title, .url';

/** The names a trace's Cypher gives its nodes (distinct ones when it is part of a larger statement: loaders/lookahead.ts). */
export interface TraceNames {
  p: string;
  h: string;
  r: string;
  code: string;
  e: string;
  lp: string;
  act: string;
}

const TRACE_NAMES: TraceNames = { p: 'p', h: 'h', r: 'r', code: 'code', e: 'e', lp: 'lp', act: 'act' };

/** The chain from the obligation `o` to the Code its revision is a revision of. */
export const tracePath = (o: string, n: TraceNames = TRACE_NAMES): string =>
  `(${o})-[:STATED_IN]->(${n.p}:Provision)<-[:CONTAINS]-(${n.h}:Heading)<-[:CONTAINS]-(${n.r}:Revision)-[:REVISION_OF]->(${n.code}:Instrument)`;

/**
 * The columns of a TraceRow (`[name, expression]`) once tracePath has matched: only the
 * properties a step shows, not the nodes whole (a provision's whole text, fifty times over,
 * would be most of a page of traces). The head is the obligation's own; the tail (revision,
 * Code, enabling provisions and their Acts) is the same for every obligation of a revision.
 */
export const traceHeadColumns = (o: string, n: TraceNames = TRACE_NAMES): [string, string][] => [
  ['obligation', `${o} {.uid, .key, .text}`],
  ['provision', `{node: ${n.p} {.uid, .key, .number, .title}, labels: labels(${n.p})}`],
  ['heading', `${n.h} {.uid, .key, .title}`],
];

/** The tail's columns, from the revision `r` matched with the Code it is a revision of (`n.code`). */
export const traceTailColumns = (r: string, n: TraceNames = TRACE_NAMES): [string, string][] => [
  ['revision', `${r} {.key, .title}`],
  ['code', `${n.code} {${INSTRUMENT_SHOWN}}`],
  [
    'enabling',
    `[(${n.code})-[${n.e}:ISSUED_UNDER|GUIDANCE_UNDER]->(${n.lp}:LegalProvision) |
    {relation: type(${n.e}), location: ${n.e}.location, provision: ${n.lp} {.key, .instrumentKey, .kind, .number, .subsection, .title, .url},
     instrument: [(${n.lp})-[:PART_OF]->(${n.act}:Instrument) | ${n.act} {${INSTRUMENT_SHOWN}}][0]}]`,
  ],
];

/** Every column of a TraceRow, head and tail. */
export const traceColumns = (o: string, n: TraceNames = TRACE_NAMES): [string, string][] => [...traceHeadColumns(o, n), ...traceTailColumns(n.r, n)];

export const TRACE_OF_OBLIGATIONS = `
UNWIND $keys AS key
MATCH ${tracePath('o:Obligation {uid: key}')}
RETURN key,
${traceColumns('o')
  .map(([name, expression]) => `  ${expression} AS ${name}`)
  .join(',\n')}`;

/** The obligation's own part of a trace row (traceHeadColumns). */
export interface TraceHeadRow {
  obligation: Props;
  provision: Props;
  heading: Props;
}

/** The part of a trace row every obligation of a revision shares (traceTailColumns). */
export interface TraceTailRow {
  revision: Props;
  code: Props;
  enabling: unknown[];
}

export type TraceRow = TraceHeadRow & TraceTailRow;

/** A trace's step before its position is given. */
export type TraceStep = Omit<TraceStepModel, 'position'>;

/** What the PROVISION step shows of a provision (`{node, labels}`): its kind, number, title, key and uid. */
function shownProvision(value: Props): Pick<FullProvisionModel, '__typename' | 'uid' | 'key' | 'kind' | 'number' | 'title'> {
  const node = asProps(value['node'], 'provision node');
  const typeName = (['Clause', 'Principle', 'Standard'] as const).find((label) => textList(value, 'labels').includes(label));
  if (typeName === undefined) throw new GraphShapeError(`provision ${JSON.stringify(node['uid'])} is not a Clause, Principle or Standard`);
  const key = text(node, 'key');
  return { __typename: typeName, uid: text(node, 'uid'), key, kind: kindOfProvisionLabel(typeName), number: optionalText(node, 'number') ?? key, title: optionalText(node, 'title') };
}

/** The first steps of a trace: the obligation, its provision and its heading. */
function traceHead(row: TraceHeadRow): TraceStep[] {
  const obligation = { uid: text(row.obligation, 'uid'), key: text(row.obligation, 'key'), text: text(row.obligation, 'text') };
  const provision = shownProvision(row.provision);
  const heading = { uid: text(row.heading, 'uid'), key: text(row.heading, 'key'), title: text(row.heading, 'title') };
  return [
    { kind: 'OBLIGATION', relation: null, key: obligation.key, title: obligation.text, url: null, nodeId: toGlobalId('Obligation', obligation.uid) },
    {
      kind: 'PROVISION',
      relation: 'STATED_IN',
      key: provision.key,
      title: provisionLabel(provision),
      url: null,
      nodeId: toGlobalId(provision.__typename, provision.uid),
    },
    { kind: 'HEADING', relation: 'UNDER_HEADING', key: heading.key, title: heading.title, url: null, nodeId: toGlobalId('Heading', heading.uid) },
  ];
}

/**
 * The steps after the heading, the same for every obligation of a revision: the revision, the
 * Code, then its enabling provisions in the order of the legal basis (issued under first, then
 * guidance under; by clause, Act and section), then their Acts, each once, in the order their
 * provisions first appear. Built once per revision and shared by its obligations' traces.
 */
export function traceTail(row: TraceTailRow): readonly TraceStep[] {
  const revision = { key: text(row.revision, 'key'), title: text(row.revision, 'title') };
  const code = toInstrument(row.code);

  const acts = new Map<string, InstrumentModel>();
  const links = row.enabling.map((value) => {
    const props = asProps(value, 'enabling link');
    const instrument = props['instrument'] === null || props['instrument'] === undefined ? null : toInstrument(props['instrument']);
    const basis: Omit<LegalBasisModel, 'binds'> = {
      relation: oneOf(props, 'relation', ['ISSUED_UNDER', 'GUIDANCE_UNDER'] as const),
      location: optionalText(props, 'location'),
      provision: toLegalProvision(props['provision']),
    };
    if (instrument !== null) acts.set(instrument.key, instrument);
    return basis;
  });
  const ordered = orderLegalBasis(links).filter((b): b is Omit<LegalBasisModel, 'binds'> & { relation: 'ISSUED_UNDER' | 'GUIDANCE_UNDER' } => b.relation === 'ISSUED_UNDER' || b.relation === 'GUIDANCE_UNDER');

  const steps: TraceStep[] = [
    { kind: 'REVISION', relation: 'PART_OF_REVISION', key: revision.key, title: revision.title, url: null, nodeId: toGlobalId('Revision', revision.key) },
    { kind: 'CODE', relation: 'REVISION_OF', key: code.key, title: code.title, url: code.url, nodeId: toGlobalId('Instrument', code.key) },
  ];
  const actsInOrder: InstrumentModel[] = [];
  for (const link of ordered) {
    const act = acts.get(link.provision.instrumentKey);
    const label = legalProvisionLabel(link.provision);
    const title = [act === undefined ? label : `${label} of the ${act.title}`, link.provision.title].filter((part) => part !== null).join(': ');
    steps.push({
      kind: 'ENABLING_PROVISION',
      relation: link.relation,
      key: link.provision.key,
      title,
      url: link.provision.url,
      nodeId: toGlobalId('LegalProvision', link.provision.key),
    });
    if (act !== undefined && !actsInOrder.includes(act)) actsInOrder.push(act);
  }
  for (const act of actsInOrder) {
    const nodeType: NodeType = 'Instrument';
    steps.push({ kind: act.kind === 'ACT' ? 'ACT' : 'INSTRUMENT', relation: 'PART_OF', key: act.key, title: act.title, url: act.url, nodeId: toGlobalId(nodeType, act.key) });
  }
  return steps;
}

/** One obligation's trace: its head, then its revision's tail (traceTail), numbered from 1. */
export function traceOf(head: TraceHeadRow, tail: readonly TraceStep[]): TraceStepModel[] {
  return [...traceHead(head), ...tail].map((step, index) => ({ position: index + 1, ...step }));
}

/** The ordered steps of one obligation's trace, from a whole row. */
export const buildTrace = (row: TraceRow): TraceStepModel[] => traceOf(row, traceTail(row));

/** Tails by revision key, each built once (a batch's obligations mostly share one revision). */
function tailsByRevision(): (row: TraceRow) => readonly TraceStep[] {
  const built = new Map<string, readonly TraceStep[]>();
  return (row) => {
    const key = text(row.revision, 'key');
    const known = built.get(key);
    if (known !== undefined) return known;
    const tail = traceTail(row);
    built.set(key, tail);
    return tail;
  };
}

export function createTraceLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** The trace of an obligation (by uid); empty if the obligation is not in a revision's tree. */
    traceOfObligation: makeLoader<string, TraceStepModel[]>(options, async (keys) => {
      const rows = await runner.read<TraceRow & { key: string }>('traceOfObligations', TRACE_OF_OBLIGATIONS, { keys });
      const tailOf = tailsByRevision();
      return inKeyOrder(keys, rows.map((row) => ({ key: row.key, value: traceOf(row, tailOf(row)) }))).map((steps) => steps ?? []);
    }),
  };
}
