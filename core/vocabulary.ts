/**
 * The closed sets of values the graph holds (docs/graph-model.md), as constants so that every
 * value read from Neo4j is checked against its set and every switch over one is exhaustive.
 * The GraphQL enums of the same names (schema/*.graphql) list the same values.
 */

export const REVISION_STATUSES = ['DRAFT', 'LAID', 'WITHDRAWN', 'IN_FORCE', 'SUPERSEDED'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

export const PROVISION_KINDS = ['CLAUSE', 'PRINCIPLE', 'STANDARD'] as const;
export type ProvisionKind = (typeof PROVISION_KINDS)[number];

export const MODALITIES = ['MUST', 'MUST_NOT', 'SHOULD', 'SHOULD_NOT', 'MAY'] as const;
export type Modality = (typeof MODALITIES)[number];

export const FORCES = ['REQUIREMENT', 'GUIDELINE'] as const;
export type Force = (typeof FORCES)[number];

export const QUALIFIERS = ['HAVE_REGARD', 'REASONABLE_STEPS', 'WHERE_APPROPRIATE'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const APPLICABILITY_REASONS = [
  'NAMED',
  'MEMBER_OF_NAMED_GROUP',
  'ACTS_FOR_STATUTORY_PARTNERS',
  'IMPERSONAL',
  'THROUGH_CONTRACTS',
] as const;
export type ApplicabilityReason = (typeof APPLICABILITY_REASONS)[number];

export const INSTRUMENT_KINDS = [
  'ACT',
  'WELSH_MEASURE',
  'REGULATIONS',
  'CODE_OF_PRACTICE',
  'STATUTORY_GUIDANCE',
  'GUIDANCE',
  'CONVENTION',
  'STRATEGY',
  'CHARTER',
  'PLAN',
  'REPORT',
  'FRAMEWORK',
  'OTHER',
] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

export const LEGAL_PROVISION_KINDS = ['SECTION', 'REGULATION'] as const;
export type LegalProvisionKind = (typeof LEGAL_PROVISION_KINDS)[number];

export const ENABLING_RELATIONS = ['ISSUED_UNDER', 'GUIDANCE_UNDER', 'DISAPPLIES'] as const;
export type EnablingRelation = (typeof ENABLING_RELATIONS)[number];

/**
 * How a provision of legislation makes the Code bind one body (docs/reading-rules.md, "Legal
 * basis per body"): the Code is issued under it (s.145 of the 2014 Act, for local authorities:
 * clauses 1.1 and 1.4), the Welsh Ministers direct the body under it (the 2006 Act, for local
 * health boards and NHS trusts: clause 1.5), or the Code is guidance under it (clause 1.2).
 */
export const BINDING_RELATIONS = ['ISSUED_UNDER', 'DIRECTION_UNDER', 'GUIDANCE_UNDER'] as const;
export type BindingRelation = (typeof BINDING_RELATIONS)[number];

export const INSTRUMENT_RELATION_KINDS = ['COMPLEMENTS', 'REPLACES', 'LED_TO'] as const;
export type InstrumentRelationKind = (typeof INSTRUMENT_RELATION_KINDS)[number];

export const TOOLKIT_ITEM_KINDS = ['CONTRACT_CLAUSE', 'TEMPLATE', 'GOOD_PRACTICE', 'TOOL', 'TRAINING', 'GUIDANCE', 'RESOURCE'] as const;
export type ToolkitItemKind = (typeof TOOLKIT_ITEM_KINDS)[number];

export const ORGANISATION_KINDS = ['ORGANISATION', 'SYSTEM'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The graph's key of the Code itself, the instrument every revision is a revision of. */
export const CODE_INSTRUMENT_KEY = 'code/commissioning-framework';

/** What a signed-in person may do (docs/graph-model.md, "Revisions"): roles from the identity provider's token. */
export const ROLES = ['editor', 'reviewer', 'publisher'] as const;
export type Role = (typeof ROLES)[number];

/** Where a revision stands in the editors' work; PUBLISHED revisions never change. */
export const EDITORIAL_STATES = ['DRAFTING', 'IN_REVIEW', 'APPROVED', 'PUBLISHED'] as const;
export type EditorialState = (typeof EDITORIAL_STATES)[number];

/**
 * What can happen to a published revision in law, each recorded as a dated event
 * (docs/graph-model.md, "Revisions"; the rules are domain/legal-events.ts).
 */
export const LEGAL_EVENTS = ['CONSULTATION_OPENED', 'CONSULTATION_CLOSED', 'LAID', 'COMES_INTO_FORCE', 'WITHDRAWN'] as const;
export type LegalEventKind = (typeof LEGAL_EVENTS)[number];

/**
 * Why a modal verb the reader found is not an obligation (docs/reading-rules.md, "What counts
 * as an obligation" and "Overrides"): inside quotation marks (a word mentioned or another
 * instrument quoted), in a sentence explaining what precedes it ("This means ..."), a "may"
 * describing a possibility, or ruled out by a reviewed override.
 */
export const UNCOUNTED_MODAL_KINDS = ['QUOTATION', 'EXPLANATION', 'DESCRIPTION', 'OVERRIDE'] as const;
export type UncountedModalKind = (typeof UNCOUNTED_MODAL_KINDS)[number];
