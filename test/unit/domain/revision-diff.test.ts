/**
 * Golden files for the semantic diff (docs/architecture.md, convention 9): each kind of change
 * between two revisions is a named case, built from the real text of clauses 1.53 to 1.57 and
 * Standard 8 (seed/data/code-of-practice.txt) as edited by an imagined later revision, whose
 * whole diff is pinned in __golden__/revision-diff/<case>.json. Update them only on purpose
 * (`npx vitest run --project unit -u`) and review the diff like code. Every case, and 100
 * random pairs of small trees, also proves that the diff turned round is the inverse diff.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPLICABILITY_REASONS, FORCES, MODALITIES, PROVISION_KINDS, QUALIFIERS } from '../../../core/vocabulary.ts';
import type { ApplicabilityReason, Force, Modality, ProvisionKind, Qualifier } from '../../../core/vocabulary.ts';
import { diffRevisions, impact, modalityDirection, textHunks } from '../../../domain/revision-diff.ts';
import type {
  BodyImpact,
  Hunk,
  ModalityDirection,
  ObligationChange,
  ProvisionChange,
  RevisionDiff,
  RevisionTree,
  TreeApplicability,
  TreeObligation,
  TreeProvision,
} from '../../../domain/revision-diff.ts';

const golden = (name: string): string => path.join(import.meta.dirname, '__golden__', 'revision-diff', `${name}.json`);
const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

// Building trees: order is the place in the list, an obligation's provision the front of its key.

interface ProvisionSpec {
  key: string;
  lineage: string;
  text: string;
  headingKey: string;
  kind?: ProvisionKind;
  title?: string | null;
}

interface ObligationSpec {
  key: string;
  lineage: string;
  text: string;
  modality: Modality;
  force: Force;
  addressees: string[];
  applicability: TreeApplicability[];
  qualifiers?: Qualifier[];
  citations?: string[];
}

function tree(key: string, provisions: ProvisionSpec[], obligations: ObligationSpec[]): RevisionTree {
  return {
    key,
    provisions: provisions.map((p, i): TreeProvision => ({ kind: 'CLAUSE', title: null, ...p, order: i + 1 })),
    obligations: obligations.map(
      (o, i): TreeObligation => ({ qualifiers: [], citations: [], ...o, provisionKey: o.key.split('/')[0] ?? o.key, order: i + 1 }),
    ),
  };
}

const STATUTORY_PARTNERS = ['local-authority', 'local-health-board', 'nhs-trust'];
const bindsPartners = (reason: ApplicabilityReason): TreeApplicability[] => STATUTORY_PARTNERS.map((body) => ({ body, reason }));
const AS_MEMBERS = bindsPartners('MEMBER_OF_NAMED_GROUP');
const FOR_PARTNERS = bindsPartners('ACTS_FOR_STATUTORY_PARTNERS');
const IMPERSONAL = bindsPartners('IMPERSONAL');
const THROUGH_CONTRACTS: TreeApplicability[] = [{ body: 'provider', reason: 'THROUGH_CONTRACTS' }];

const IN_FORCE = '2024-09-01';
const DRAFT = 'draft-2026-04-01';

// The text of the Code (seed/data/code-of-practice.txt).

const C1_53 =
  'Commissioners must proactively encourage their providers to complete and return the annual Social Care Wales workforce data collection undertaken by Social Care Wales.';
const C1_53_TEXT = `${C1_53} Having an accurate and up to date national dataset relating to the social care workforce supports robust workforce planning at national, regional and local levels.`;
const C1_54 =
  'This information is used to inform national datasets therefore, commissioners must encourage providers to use and keep up to date their information on the Capacity Tracker.';
const C1_54_TEXT = `The Capacity Tracker is an online data facility within Dewis Cymru health and well-being directory and care homes can self-report information relating to bed capacity and vacancies. ${C1_54}`;
const C1_55_1 =
  'Statutory partners must work with providers to encourage and support their use of digital solutions and to ensure that those using services have access to the internet and digital devices as required.';
const C1_55_2 =
  'Providers should ensure that their staff have basic digital skills to support service users and must work with statutory partners in increasing the use of digital solutions.';
const C1_56 = 'Commissioners should encourage providers to make use of the WeCare Wales portal to advertise vacancies within their organisations.';
const C1_57_1 =
  'When commissioning care and support services, commissioners must have regard to all relevant Welsh Government guidance relating to the implementation of the Real Living Wage including fair work principles.';
const C1_57_2 = 'This should be measured within the procurement process and through contract monitoring processes.';
const C1_57_3 = 'Commissioners should ensure that providers are paying at least the Real Living Wage to their social care workers.';
const S8_1 =
  'Statutory partners should use local, regional and/or national cost methodologies or benchmarks to determine a fair and sustainable price for quality care and support.';
const S8_1_MORE =
  'Common methodologies assist in analysis of costs and developing business cases for trialling and testing novel approaches to delivering services through the likes of prototyping and iterative scaling of services.';
const S8_2 =
  'Statutory partners must be transparent and consistent when setting fee rates ensuring that they are assessing fair and sustainable costs of care and support and ensuring public value.';
const S8_3 = 'Statutory partners must confirm their fee rates to providers in a timely manner before the start of each financial year.';
const S8_4 =
  'Methodologies should take account of factors such as geography, organisational context, care and labour market conditions and fair work policy (pay, terms and conditions and progression frameworks).';
const S8_5 = 'Contractual uplift mechanisms must include appropriate inflation mechanisms to keep pace with rising costs.';
const S8_TITLE = 'Standard 8: Setting fair and sustainable fees';

const s8 = (paragraphs: string[]): ProvisionSpec => ({
  key: 'S8',
  lineage: 'pr_s8',
  kind: 'STANDARD',
  title: S8_TITLE,
  headingKey: 'standards-for-commissioning-care-and-support',
  text: paragraphs.join('\n'),
});
const s8Obligations = (changes: Partial<Record<string, Partial<ObligationSpec>>> = {}): ObligationSpec[] =>
  [
    { key: 'S8/1', lineage: 'ob_s8_1', text: S8_1, modality: 'SHOULD', force: 'GUIDELINE', addressees: ['statutory-partners'], applicability: AS_MEMBERS },
    { key: 'S8/2', lineage: 'ob_s8_2', text: S8_2, modality: 'MUST', force: 'REQUIREMENT', addressees: ['statutory-partners'], applicability: AS_MEMBERS },
    { key: 'S8/3', lineage: 'ob_s8_3', text: S8_3, modality: 'MUST', force: 'REQUIREMENT', addressees: ['statutory-partners'], applicability: AS_MEMBERS },
    { key: 'S8/4', lineage: 'ob_s8_4', text: S8_4, modality: 'SHOULD', force: 'GUIDELINE', addressees: [], applicability: IMPERSONAL },
    { key: 'S8/5', lineage: 'ob_s8_5', text: S8_5, modality: 'MUST', force: 'REQUIREMENT', addressees: [], applicability: IMPERSONAL },
  ].map((o): ObligationSpec => ({ ...o, ...changes[o.key] }) as ObligationSpec);
const S8_PARAGRAPHS = [`${S8_1} ${S8_1_MORE}`, S8_2, S8_3, `${S8_4} ${S8_5}`];

const c1_55 = (text: string): ProvisionSpec => ({ key: '1.55', lineage: 'pr_1_55', headingKey: 'digital-inclusion-and-access', text });
const c1_55Obligations = (first: Partial<ObligationSpec> = {}): ObligationSpec[] => [
  { key: '1.55/1', lineage: 'ob_1_55_1', text: C1_55_1, modality: 'MUST', force: 'REQUIREMENT', addressees: ['statutory-partners'], applicability: AS_MEMBERS, ...first },
  { key: '1.55/2', lineage: 'ob_1_55_2', text: C1_55_2, modality: 'SHOULD', force: 'GUIDELINE', addressees: ['provider'], applicability: THROUGH_CONTRACTS },
  { key: '1.55/3', lineage: 'ob_1_55_3', text: C1_55_2, modality: 'MUST', force: 'REQUIREMENT', addressees: ['provider'], applicability: THROUGH_CONTRACTS },
];

const c1_57 = (sentences: string[]): ProvisionSpec => ({ key: '1.57', lineage: 'pr_1_57', headingKey: 'supporting-the-real-living-wage', text: sentences.join(' ') });
const c1_57_1: ObligationSpec = {
  key: '1.57/1',
  lineage: 'ob_1_57_1',
  text: C1_57_1,
  modality: 'MUST',
  force: 'REQUIREMENT',
  addressees: ['commissioner'],
  applicability: FOR_PARTNERS,
  qualifiers: ['HAVE_REGARD'],
  citations: ['guidance/real-living-wage'],
};
const c1_57_2: ObligationSpec = { key: '1.57/2', lineage: 'ob_1_57_2', text: C1_57_2, modality: 'SHOULD', force: 'GUIDELINE', addressees: [], applicability: IMPERSONAL };
const c1_57_3 = (changes: Partial<ObligationSpec> = {}): ObligationSpec => ({
  key: '1.57/3',
  lineage: 'ob_1_57_3',
  text: C1_57_3,
  modality: 'SHOULD',
  force: 'GUIDELINE',
  addressees: ['commissioner'],
  applicability: FOR_PARTNERS,
  ...changes,
});

// The inverse, as the rule says it should be: ADDED and REMOVED, before and after, added and
// removed, STRENGTHENED and WEAKENED swapped; compared entry by entry, by lineage.

const swapChange = <T extends string>(change: T | 'ADDED' | 'REMOVED'): T | 'ADDED' | 'REMOVED' =>
  change === 'ADDED' ? 'REMOVED' : change === 'REMOVED' ? 'ADDED' : change;

const swapDirection = (direction: ModalityDirection | null): ModalityDirection | null =>
  direction === 'STRENGTHENED' ? 'WEAKENED' : direction === 'WEAKENED' ? 'STRENGTHENED' : direction;

/** Hunks turned round: kinds swapped, and each REMOVED again before the ADDED of its run. */
function invertHunks(hunks: readonly Hunk[]): Hunk[] {
  const swapped = hunks.map((h): Hunk => ({ kind: h.kind === 'ADDED' ? 'REMOVED' : h.kind === 'REMOVED' ? 'ADDED' : 'SAME', text: h.text }));
  for (let i = 0; i + 1 < swapped.length; i += 1) {
    const [first, second] = [swapped[i], swapped[i + 1]];
    if (first?.kind === 'ADDED' && second?.kind === 'REMOVED') [swapped[i], swapped[i + 1]] = [second, first];
  }
  return swapped;
}

const invertProvision = (p: ProvisionChange): ProvisionChange => ({
  ...p,
  change: swapChange(p.change),
  keyBefore: p.keyAfter,
  keyAfter: p.keyBefore,
  kind: p.kindBefore ?? p.kind,
  kindBefore: p.kindAfter,
  kindAfter: p.kindBefore,
  titleBefore: p.titleAfter,
  titleAfter: p.titleBefore,
  textBefore: p.textAfter,
  textAfter: p.textBefore,
  hunks: invertHunks(p.hunks),
});

const invertObligation = (o: ObligationChange): ObligationChange => ({
  ...o,
  change: swapChange(o.change),
  keyBefore: o.keyAfter,
  keyAfter: o.keyBefore,
  provisionKeyBefore: o.provisionKeyAfter,
  provisionKeyAfter: o.provisionKeyBefore,
  textBefore: o.textAfter,
  textAfter: o.textBefore,
  modality: { before: o.modality.after, after: o.modality.before, direction: swapDirection(o.modality.direction) },
  force: o.force === null ? null : { before: o.force.after, after: o.force.before },
  addresseesAdded: o.addresseesRemoved,
  addresseesRemoved: o.addresseesAdded,
  bindsNow: o.bindsNoLonger,
  bindsNoLonger: o.bindsNow,
  applicabilityChanged: o.applicabilityChanged.map((a) => ({ body: a.body, before: a.after, after: a.before })),
  qualifiersAdded: o.qualifiersRemoved,
  qualifiersRemoved: o.qualifiersAdded,
  citationsAdded: o.citationsRemoved,
  citationsRemoved: o.citationsAdded,
  hunks: invertHunks(o.hunks),
});

function invert(diff: RevisionDiff): RevisionDiff {
  const { provisions: p, obligations: o } = diff.summary;
  return {
    from: diff.to,
    to: diff.from,
    provisions: diff.provisions.map(invertProvision),
    obligations: diff.obligations.map(invertObligation),
    summary: {
      provisions: { ...p, added: p.removed, removed: p.added },
      obligations: { ...o, added: o.removed, removed: o.added, strengthened: o.weakened, weakened: o.strengthened },
    },
  };
}

const byLineageOrder = (a: { lineage: string }, b: { lineage: string }): number => (a.lineage < b.lineage ? -1 : a.lineage > b.lineage ? 1 : 0);
const byLineage = (diff: RevisionDiff): RevisionDiff => ({
  ...diff,
  provisions: [...diff.provisions].sort(byLineageOrder),
  obligations: [...diff.obligations].sort(byLineageOrder),
});

function expectInverse(from: RevisionTree, to: RevisionTree): void {
  expect(byLineage(diffRevisions(to, from))).toEqual(byLineage(invert(diffRevisions(from, to))));
}

const keysOf = (obligations: readonly ObligationChange[]): (string | null)[] => obligations.map((o) => o.keyAfter ?? o.keyBefore);
const impactKeys = (report: BodyImpact) => ({
  newlyBinding: keysOf(report.newlyBinding),
  noLongerBinding: keysOf(report.noLongerBinding),
  strengthened: keysOf(report.strengthened),
  weakened: keysOf(report.weakened),
  reversed: keysOf(report.reversed),
  otherwiseChanged: keysOf(report.otherwiseChanged),
});
const NO_IMPACT = { newlyBinding: [], noLongerBinding: [], strengthened: [], weakened: [], reversed: [], otherwiseChanged: [] };

const entry = <T extends { lineage: string }>(entries: readonly T[], lineage: string): T => {
  const found = entries.find((e) => e.lineage === lineage);
  if (found === undefined) throw new Error(`no entry for ${lineage}`);
  return found;
};

// The golden cases.

interface GoldenCase {
  from: RevisionTree;
  to: RevisionTree;
}

const CASES: Record<string, GoldenCase> = {
  // A clause is inserted after 1.53, so 1.54 becomes 1.55 with its obligation.
  'clause-renumbered': {
    from: tree(
      IN_FORCE,
      [
        { key: '1.53', lineage: 'pr_1_53', headingKey: 'providing-workforce-data-to-social-care-wales', text: C1_53_TEXT },
        { key: '1.54', lineage: 'pr_1_54', headingKey: 'the-care-and-support-capacity-tracker', text: C1_54_TEXT },
      ],
      [
        { key: '1.53/1', lineage: 'ob_1_53_1', text: C1_53, modality: 'MUST', force: 'REQUIREMENT', addressees: ['commissioner'], applicability: FOR_PARTNERS },
        { key: '1.54/1', lineage: 'ob_1_54_1', text: C1_54, modality: 'MUST', force: 'REQUIREMENT', addressees: ['commissioner'], applicability: FOR_PARTNERS },
      ],
    ),
    to: tree(
      DRAFT,
      [
        { key: '1.53', lineage: 'pr_1_53', headingKey: 'providing-workforce-data-to-social-care-wales', text: C1_53_TEXT },
        { key: '1.54', lineage: 'pr_new_1_54', headingKey: 'providing-workforce-data-to-social-care-wales', text: 'Commissioners should share the workforce data they hold with their regional partnership board.' },
        { key: '1.55', lineage: 'pr_1_54', headingKey: 'the-care-and-support-capacity-tracker', text: C1_54_TEXT },
      ],
      [
        { key: '1.53/1', lineage: 'ob_1_53_1', text: C1_53, modality: 'MUST', force: 'REQUIREMENT', addressees: ['commissioner'], applicability: FOR_PARTNERS },
        {
          key: '1.54/1',
          lineage: 'ob_new_1_54_1',
          text: 'Commissioners should share the workforce data they hold with their regional partnership board.',
          modality: 'SHOULD',
          force: 'GUIDELINE',
          addressees: ['commissioner'],
          applicability: FOR_PARTNERS,
        },
        { key: '1.55/1', lineage: 'ob_1_54_1', text: C1_54, modality: 'MUST', force: 'REQUIREMENT', addressees: ['commissioner'], applicability: FOR_PARTNERS },
      ],
    ),
  },
  // Standard 8's first guideline becomes a requirement.
  'should-to-must': {
    from: tree(IN_FORCE, [s8(S8_PARAGRAPHS)], s8Obligations()),
    to: tree(
      DRAFT,
      [s8([`${S8_1.replace('should', 'must')} ${S8_1_MORE}`, ...S8_PARAGRAPHS.slice(1)])],
      s8Obligations({ 'S8/1': { text: S8_1.replace('should', 'must'), modality: 'MUST', force: 'REQUIREMENT' } }),
    ),
  },
  // Clause 1.55's first duty passes from the statutory partners to the providers.
  'duty-moved-to-providers': {
    from: tree(IN_FORCE, [c1_55(`${C1_55_1} ${C1_55_2}`)], c1_55Obligations()),
    to: tree(
      DRAFT,
      [c1_55(`Providers must ensure that those using services have access to the internet and digital devices as required. ${C1_55_2}`)],
      c1_55Obligations({
        text: 'Providers must ensure that those using services have access to the internet and digital devices as required.',
        addressees: ['provider'],
        applicability: THROUGH_CONTRACTS,
      }),
    ),
  },
  // Clause 1.55's second sentence becomes a clause of its own, 1.56; 1.56 becomes 1.57.
  'clause-split-in-two': {
    from: tree(
      IN_FORCE,
      [c1_55(`${C1_55_1} ${C1_55_2}`), { key: '1.56', lineage: 'pr_1_56', headingKey: 'social-care-workforce', text: C1_56 }],
      [
        ...c1_55Obligations(),
        { key: '1.56/1', lineage: 'ob_1_56_1', text: C1_56, modality: 'SHOULD', force: 'GUIDELINE', addressees: ['commissioner'], applicability: FOR_PARTNERS },
      ],
    ),
    to: tree(
      DRAFT,
      [
        c1_55(C1_55_1),
        { key: '1.56', lineage: 'pr_new_1_56', headingKey: 'digital-inclusion-and-access', text: C1_55_2 },
        { key: '1.57', lineage: 'pr_1_56', headingKey: 'social-care-workforce', text: C1_56 },
      ],
      [
        ...c1_55Obligations().map((o, i): ObligationSpec => (i === 0 ? o : { ...o, key: `1.56/${i}` })),
        { key: '1.57/1', lineage: 'ob_1_56_1', text: C1_56, modality: 'SHOULD', force: 'GUIDELINE', addressees: ['commissioner'], applicability: FOR_PARTNERS },
      ],
    ),
  },
  // Standard 8's last requirement turned into a prohibition (a made-up edit, to show a reversal).
  'must-to-must-not': {
    from: tree(IN_FORCE, [s8(S8_PARAGRAPHS)], s8Obligations()),
    to: tree(
      DRAFT,
      [s8([...S8_PARAGRAPHS.slice(0, 3), `${S8_4} ${S8_5.replace('must', 'must not')}`])],
      s8Obligations({ 'S8/5': { text: S8_5.replace('must', 'must not'), modality: 'MUST_NOT' } }),
    ),
  },
  // Clause 1.57 loses its last sentence, and with it its last obligation.
  'obligation-removed': {
    from: tree(IN_FORCE, [c1_57([C1_57_1, C1_57_2, C1_57_3])], [c1_57_1, c1_57_2, c1_57_3()]),
    to: tree(DRAFT, [c1_57([C1_57_1, C1_57_2])], [c1_57_1, c1_57_2]),
  },
  // Clause 1.57's last guideline asks only for reasonable steps.
  'qualifier-added': {
    from: tree(IN_FORCE, [c1_57([C1_57_1, C1_57_2, C1_57_3])], [c1_57_1, c1_57_2, c1_57_3()]),
    to: tree(
      DRAFT,
      [c1_57([C1_57_1, C1_57_2, C1_57_3.replace('should ensure', 'should take reasonable steps to ensure')])],
      [c1_57_1, c1_57_2, c1_57_3({ text: C1_57_3.replace('should ensure', 'should take reasonable steps to ensure'), qualifiers: ['REASONABLE_STEPS'] })],
    ),
  },
  // Clause 1.57's last guideline now cites the Real Living Wage guidance too; its text is the same.
  'citation-added': {
    from: tree(IN_FORCE, [c1_57([C1_57_1, C1_57_2, C1_57_3])], [c1_57_1, c1_57_2, c1_57_3()]),
    to: tree(DRAFT, [c1_57([C1_57_1, C1_57_2, C1_57_3])], [c1_57_1, c1_57_2, c1_57_3({ citations: ['guidance/real-living-wage'] })]),
  },
  // The same Standard 8 in both revisions.
  identical: {
    from: tree(IN_FORCE, [s8(S8_PARAGRAPHS)], s8Obligations()),
    to: tree(DRAFT, [s8(S8_PARAGRAPHS)], s8Obligations()),
  },
};

function diffOf(name: string): RevisionDiff {
  const found = CASES[name];
  if (found === undefined) throw new Error(`no case ${name}`);
  return diffRevisions(found.from, found.to);
}

describe('diffRevisions, golden cases', () => {
  it.each(Object.keys(CASES))('%s matches its golden file', async (name) => {
    await expect(json(diffOf(name))).toMatchFileSnapshot(golden(name));
  });

  it.each(Object.entries(CASES))('%s turned round is the inverse diff', (_name, { from, to }) => {
    expectInverse(from, to);
  });

  it('clause-renumbered: the moved clause is RENUMBERED, its obligation UNCHANGED but renumbered, the inserted clause ADDED', () => {
    const diff = diffOf('clause-renumbered');
    expect(diff.provisions.map((p) => [p.lineage, p.change, p.keyBefore, p.keyAfter])).toEqual([
      ['pr_1_53', 'UNCHANGED', '1.53', '1.53'],
      ['pr_new_1_54', 'ADDED', null, '1.54'],
      ['pr_1_54', 'RENUMBERED', '1.54', '1.55'],
    ]);
    expect(entry(diff.provisions, 'pr_1_54')).toMatchObject({ renumbered: true, textChanged: false, hunks: [] });
    expect(entry(diff.obligations, 'ob_1_54_1')).toMatchObject({ change: 'UNCHANGED', keyBefore: '1.54/1', keyAfter: '1.55/1', renumbered: true, moved: false });
    expect(entry(diff.obligations, 'ob_new_1_54_1').change).toBe('ADDED');
    expect(diff.summary.provisions).toEqual({ added: 1, removed: 0, renumbered: 1, textChanged: 0, unchanged: 1 });
    expect(diff.summary.obligations).toMatchObject({ added: 1, changed: 0, unchanged: 2, renumbered: 1 });
  });

  it('should-to-must: the guideline is STRENGTHENED to a requirement, and the hunks show "should" made "must"', () => {
    const diff = diffOf('should-to-must');
    const changed = entry(diff.obligations, 'ob_s8_1');
    expect(changed).toMatchObject({
      change: 'CHANGED',
      modality: { before: 'SHOULD', after: 'MUST', direction: 'STRENGTHENED' },
      force: { before: 'GUIDELINE', after: 'REQUIREMENT' },
      textChanged: true,
      renumbered: false,
      moved: false,
    });
    expect(changed.hunks).toEqual([
      { kind: 'SAME', text: 'Statutory partners ' },
      { kind: 'REMOVED', text: 'should' },
      { kind: 'ADDED', text: 'must' },
      { kind: 'SAME', text: S8_1.slice('Statutory partners should'.length) },
    ]);
    expect(entry(diff.provisions, 'pr_s8')).toMatchObject({ change: 'TEXT_CHANGED', renumbered: false, textChanged: true });
    expect(diff.summary.obligations).toMatchObject({ changed: 1, unchanged: 4, strengthened: 1, weakened: 0, reversed: 0, forceChanged: 1 });
    expect(impactKeys(impact(diff, 'local-health-board'))).toEqual({ ...NO_IMPACT, strengthened: ['S8/1'] });
  });

  it('duty-moved-to-providers: the duty no longer binds the statutory partners and now binds providers', () => {
    const diff = diffOf('duty-moved-to-providers');
    expect(entry(diff.obligations, 'ob_1_55_1')).toMatchObject({
      change: 'CHANGED',
      addresseesAdded: ['provider'],
      addresseesRemoved: ['statutory-partners'],
      bindsNow: THROUGH_CONTRACTS,
      bindsNoLonger: AS_MEMBERS,
      bindsStill: [],
      applicabilityChanged: [],
      modality: { before: 'MUST', after: 'MUST', direction: 'SAME' },
      force: null,
    });
    expect(impactKeys(impact(diff, 'local-health-board'))).toEqual({ ...NO_IMPACT, noLongerBinding: ['1.55/1'] });
    expect(impactKeys(impact(diff, 'provider'))).toEqual({ ...NO_IMPACT, newlyBinding: ['1.55/1'] });
    expect(diff.summary.obligations).toMatchObject({ changed: 1, unchanged: 2 });
  });

  it('clause-split-in-two: the obligations of the second sentence move to the new clause, CHANGED and moved, keeping their lineage', () => {
    const diff = diffOf('clause-split-in-two');
    expect(diff.provisions.map((p) => [p.lineage, p.change, p.keyBefore, p.keyAfter])).toEqual([
      ['pr_1_55', 'TEXT_CHANGED', '1.55', '1.55'],
      ['pr_new_1_56', 'ADDED', null, '1.56'],
      ['pr_1_56', 'RENUMBERED', '1.56', '1.57'],
    ]);
    expect(entry(diff.provisions, 'pr_1_55').hunks).toEqual([
      { kind: 'SAME', text: C1_55_1 },
      { kind: 'REMOVED', text: ` ${C1_55_2}` },
    ]);
    for (const [lineage, before, after] of [
      ['ob_1_55_2', '1.55/2', '1.56/1'],
      ['ob_1_55_3', '1.55/3', '1.56/2'],
    ] as const) {
      expect(entry(diff.obligations, lineage)).toMatchObject({
        change: 'CHANGED',
        keyBefore: before,
        keyAfter: after,
        provisionKeyBefore: '1.55',
        provisionKeyAfter: '1.56',
        moved: true,
        renumbered: true,
        textChanged: false,
      });
    }
    expect(entry(diff.obligations, 'ob_1_55_1')).toMatchObject({ change: 'UNCHANGED', moved: false, renumbered: false });
    expect(entry(diff.obligations, 'ob_1_56_1')).toMatchObject({ change: 'UNCHANGED', moved: false, renumbered: true, provisionKeyAfter: '1.57' });
    expect(diff.summary.obligations).toMatchObject({ changed: 2, unchanged: 2, moved: 2, renumbered: 3 });
    expect(impactKeys(impact(diff, 'provider'))).toEqual({ ...NO_IMPACT, otherwiseChanged: ['1.56/1', '1.56/2'] });
  });

  it('must-to-must-not: the requirement is REVERSED, its force the same', () => {
    const diff = diffOf('must-to-must-not');
    const changed = entry(diff.obligations, 'ob_s8_5');
    expect(changed).toMatchObject({ change: 'CHANGED', modality: { before: 'MUST', after: 'MUST_NOT', direction: 'REVERSED' }, force: null });
    expect(changed.hunks.filter((h) => h.kind !== 'SAME')).toEqual([{ kind: 'ADDED', text: 'not ' }]);
    expect(diff.summary.obligations).toMatchObject({ changed: 1, reversed: 1, strengthened: 0, weakened: 0, forceChanged: 0 });
    expect(impactKeys(impact(diff, 'nhs-trust'))).toEqual({ ...NO_IMPACT, reversed: ['S8/5'] });
  });

  it('obligation-removed: the last obligation is REMOVED and no longer binds the bodies it bound', () => {
    const diff = diffOf('obligation-removed');
    expect(diff.obligations.map((o) => [o.keyBefore, o.change])).toEqual([
      ['1.57/1', 'UNCHANGED'],
      ['1.57/2', 'UNCHANGED'],
      ['1.57/3', 'REMOVED'],
    ]);
    expect(entry(diff.obligations, 'ob_1_57_3')).toMatchObject({
      keyAfter: null,
      textAfter: null,
      modality: { before: 'SHOULD', after: null, direction: null },
      force: { before: 'GUIDELINE', after: null },
      bindsNoLonger: FOR_PARTNERS,
      textChanged: false,
      hunks: [],
    });
    expect(entry(diff.provisions, 'pr_1_57').hunks).toEqual([
      { kind: 'SAME', text: `${C1_57_1} ${C1_57_2}` },
      { kind: 'REMOVED', text: ` ${C1_57_3}` },
    ]);
    expect(impactKeys(impact(diff, 'local-authority'))).toEqual({ ...NO_IMPACT, noLongerBinding: ['1.57/3'] });
  });

  it('qualifier-added: the guideline gains REASONABLE_STEPS and the words that say so', () => {
    const diff = diffOf('qualifier-added');
    const changed = entry(diff.obligations, 'ob_1_57_3');
    expect(changed).toMatchObject({ change: 'CHANGED', qualifiersAdded: ['REASONABLE_STEPS'], qualifiersRemoved: [], modality: { direction: 'SAME' } });
    expect(changed.hunks.filter((h) => h.kind !== 'SAME')).toEqual([{ kind: 'ADDED', text: 'take reasonable steps to ' }]);
    expect(impactKeys(impact(diff, 'local-authority'))).toEqual({ ...NO_IMPACT, otherwiseChanged: ['1.57/3'] });
  });

  it('citation-added: the guideline cites the guidance, its text and its clause the same', () => {
    const diff = diffOf('citation-added');
    expect(entry(diff.obligations, 'ob_1_57_3')).toMatchObject({
      change: 'CHANGED',
      citationsAdded: ['guidance/real-living-wage'],
      citationsRemoved: [],
      textChanged: false,
      hunks: [],
    });
    expect(entry(diff.provisions, 'pr_1_57').change).toBe('UNCHANGED');
    expect(diff.summary.obligations).toMatchObject({ changed: 1, unchanged: 2 });
  });

  it('identical: everything is UNCHANGED and every other count is zero', () => {
    const diff = diffOf('identical');
    expect(diff.summary).toEqual({
      provisions: { added: 0, removed: 0, renumbered: 0, textChanged: 0, unchanged: 1 },
      obligations: { added: 0, removed: 0, changed: 0, unchanged: 5, renumbered: 0, moved: 0, strengthened: 0, weakened: 0, reversed: 0, forceChanged: 0 },
    });
    expect(diff.obligations.every((o) => o.hunks.length === 0 && o.force === null && o.modality.direction === 'SAME')).toBe(true);
    expect(impactKeys(impact(diff, 'local-health-board'))).toEqual(NO_IMPACT);
  });
});

describe('diffRevisions', () => {
  it('puts a removed entry after the nearest one before it that survives', () => {
    const p = (key: string, lineage: string): ProvisionSpec => ({ key, lineage, headingKey: 'h', text: key });
    const from = tree(IN_FORCE, [p('1.1', 'a'), p('1.2', 'b'), p('1.3', 'c'), p('1.4', 'd'), p('1.5', 'e')], []);
    const to = tree(DRAFT, [p('1.1', 'e'), p('1.2', 'c'), p('1.3', 'x')], []);
    expect(diffRevisions(from, to).provisions.map((e) => e.lineage)).toEqual(['a', 'b', 'e', 'c', 'd', 'x']);
  });

  it('counts a changed title as a change of text, with the text as one SAME hunk', () => {
    const from = tree(IN_FORCE, [s8(S8_PARAGRAPHS)], []);
    const to = tree(DRAFT, [{ ...s8(S8_PARAGRAPHS), title: 'Standard 8: Fair and sustainable fees' }], []);
    expect(diffRevisions(from, to).provisions[0]).toMatchObject({ change: 'TEXT_CHANGED', textChanged: true, hunks: [{ kind: 'SAME', text: S8_PARAGRAPHS.join('\n') }] });
  });

  it('refuses a tree that gives one lineage to two obligations', () => {
    const twice = tree(IN_FORCE, [s8(S8_PARAGRAPHS)], s8Obligations({ 'S8/2': { lineage: 'ob_s8_1' } }));
    expect(() => diffRevisions(twice, twice)).toThrow('revision 2024-09-01 gives lineage ob_s8_1 to two obligations, S8/1 and S8/2');
  });
});

describe('modalityDirection', () => {
  it.each([
    ['SHOULD', 'MUST', 'STRENGTHENED'],
    ['MAY', 'SHOULD', 'STRENGTHENED'],
    ['MAY', 'MUST', 'STRENGTHENED'],
    ['SHOULD_NOT', 'MUST_NOT', 'STRENGTHENED'],
    ['MUST', 'SHOULD', 'WEAKENED'],
    ['MUST_NOT', 'SHOULD_NOT', 'WEAKENED'],
    ['MUST', 'MUST_NOT', 'REVERSED'],
    ['SHOULD', 'SHOULD_NOT', 'REVERSED'],
    ['MUST_NOT', 'SHOULD', 'REVERSED'],
    ['MAY', 'MUST_NOT', 'REVERSED'],
    ['MUST', 'MUST', 'SAME'],
  ] as const)('%s to %s is %s', (before, after, direction) => {
    expect(modalityDirection(before, after)).toBe(direction);
  });

  it('swaps STRENGTHENED and WEAKENED when turned round, and keeps REVERSED and SAME', () => {
    for (const before of MODALITIES) for (const after of MODALITIES) expect(modalityDirection(after, before)).toBe(swapDirection(modalityDirection(before, after)));
  });
});

describe('textHunks', () => {
  it('spells both texts back even when only whitespace changed', () => {
    expect(textHunks('fee  rates', 'fee rates')).toEqual([
      { kind: 'SAME', text: 'fee' },
      { kind: 'REMOVED', text: '  ' },
      { kind: 'ADDED', text: ' ' },
      { kind: 'SAME', text: 'rates' },
    ]);
  });
});

// Random small trees: a few lineages shared by both sides, so that entries are added,
// removed, renumbered, moved and changed in every way at once.

const WORDS = ['Commissioners', 'must', 'should', 'not', 'may', 'encourage', 'providers', 'fee', 'rates', 'the', 'rates', ',', '.'];
const textArb = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', ' ', '  ', '\n', '')), { maxLength: 7 })
  .map((parts) => parts.map(([word, space]) => word + space).join(''));
const keyOf = (kind: ProvisionKind, n: number): string => (kind === 'CLAUSE' ? `1.${n}` : kind === 'STANDARD' ? `S${n}` : `P${n}`);

const provisionArb = (lineage: string) =>
  fc.record({
    lineage: fc.constant(lineage),
    kind: fc.constantFrom(...PROVISION_KINDS),
    title: fc.option(fc.constantFrom(S8_TITLE, 'Standard 8: Fees'), { nil: null }),
    headingKey: fc.constantFrom('fees', 'workforce'),
    text: textArb,
  });

const obligationArb = (lineage: string) =>
  fc.record({
    lineage: fc.constant(lineage),
    place: fc.nat({ max: 3 }),
    text: textArb,
    modality: fc.constantFrom(...MODALITIES),
    force: fc.constantFrom(...FORCES),
    addressees: fc.array(fc.constantFrom('commissioner', 'statutory-partners', 'provider'), { maxLength: 3 }),
    applicability: fc.array(
      fc.record({ body: fc.constantFrom('local-authority', 'local-health-board', 'nhs-trust', 'provider'), reason: fc.constantFrom(...APPLICABILITY_REASONS) }),
      { maxLength: 4 },
    ),
    qualifiers: fc.array(fc.constantFrom(...QUALIFIERS), { maxLength: 2 }),
    citations: fc.array(fc.constantFrom('anaw/2014/4', 'anaw/2014/4/section/145', 'guidance/real-living-wage'), { maxLength: 2 }),
  });

const treeArb = (key: string): fc.Arbitrary<RevisionTree> =>
  fc
    .record({
      first: fc.integer({ min: 1, max: 2 }),
      provisions: fc.shuffledSubarray(['pr_a', 'pr_b', 'pr_c']).chain((lineages) => fc.tuple(...lineages.map(provisionArb))),
      obligations: fc.shuffledSubarray(['ob_1', 'ob_2', 'ob_3', 'ob_4', 'ob_5']).chain((lineages) => fc.tuple(...lineages.map(obligationArb))),
    })
    .map(({ first, provisions, obligations }) => {
      const treeProvisions = provisions.map((p, i): TreeProvision => ({ ...p, key: keyOf(p.kind, first + i), order: i + 1 }));
      const counts = new Map<string, number>();
      const treeObligations = obligations.map(({ place, ...o }, i): TreeObligation => {
        // A place past the provisions stands for an obligation of a provision the tree does not hold.
        const provisionKey = treeProvisions[place]?.key ?? '9.9';
        const n = (counts.get(provisionKey) ?? 0) + 1;
        counts.set(provisionKey, n);
        return { ...o, key: `${provisionKey}/${n}`, provisionKey, order: i + 1 };
      });
      return { key, provisions: treeProvisions, obligations: treeObligations };
    });

const spelled = (hunks: readonly Hunk[], side: 'ADDED' | 'REMOVED'): string =>
  hunks
    .filter((h) => h.kind === 'SAME' || h.kind === side)
    .map((h) => h.text)
    .join('');

describe('diffRevisions, on random small trees', () => {
  it('turned round is the inverse diff, and so is what it means for each body', () => {
    fc.assert(
      fc.property(treeArb(IN_FORCE), treeArb(DRAFT), (a, b) => {
        const forward = diffRevisions(a, b);
        const backward = diffRevisions(b, a);
        expect(byLineage(backward)).toEqual(byLineage(invert(forward)));
        for (const body of ['local-authority', 'provider']) {
          const there = impact(forward, body);
          const back = impact(backward, body);
          const sorted = (changes: readonly ObligationChange[]) => changes.map((o) => o.lineage).sort();
          expect(sorted(back.newlyBinding)).toEqual(sorted(there.noLongerBinding));
          expect(sorted(back.strengthened)).toEqual(sorted(there.weakened));
          expect(sorted(back.reversed)).toEqual(sorted(there.reversed));
          expect(sorted(back.otherwiseChanged)).toEqual(sorted(there.otherwiseChanged));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('has one entry for each lineage on either side, and hunks that spell both texts', () => {
    fc.assert(
      fc.property(treeArb(IN_FORCE), treeArb(DRAFT), (a, b) => {
        const diff = diffRevisions(a, b);
        const lineages = (items: readonly { lineage: string }[]) => [...new Set(items.map((i) => i.lineage))].sort();
        expect(lineages(diff.provisions)).toEqual(lineages([...a.provisions, ...b.provisions]));
        expect(diff.provisions).toHaveLength(lineages(diff.provisions).length);
        expect(lineages(diff.obligations)).toEqual(lineages([...a.obligations, ...b.obligations]));
        expect(diff.obligations).toHaveLength(lineages(diff.obligations).length);
        for (const e of [...diff.provisions, ...diff.obligations]) {
          if (!e.textChanged) continue;
          expect(spelled(e.hunks, 'REMOVED')).toBe(e.textBefore);
          expect(spelled(e.hunks, 'ADDED')).toBe(e.textAfter);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('finds nothing changed between a tree and itself', () => {
    fc.assert(
      fc.property(treeArb(IN_FORCE), (a) => {
        const diff = diffRevisions(a, { ...a, key: DRAFT });
        expect(diff.provisions.every((p) => p.change === 'UNCHANGED')).toBe(true);
        expect(diff.obligations.every((o) => o.change === 'UNCHANGED')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
