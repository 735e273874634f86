/**
 * Merges the per-domain resolver maps (one file per schema file) into one.
 */
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { auditResolvers } from './audit.ts';
import { baseResolvers } from './base.ts';
import { bodyResolvers } from './body.ts';
import { DateScalar } from './date.ts';
import { diffResolvers } from './diff.ts';
import { editingResolvers } from './editing.ts';
import { instrumentResolvers } from './instrument.ts';
import { legalBasisResolvers } from './legal-basis.ts';
import { legislationResolvers } from './legislation.ts';
import { currencyResolvers } from './currency.ts';
import { obligationResolvers } from './obligation.ts';
import { organisationResolvers } from './organisation.ts';
import { provisionResolvers } from './provision.ts';
import { readingResolvers } from './reading.ts';
import { revisionResolvers } from './revision.ts';
import { reviewResolvers } from './review.ts';
import { searchResolvers } from './search.ts';
import { textHintResolvers } from './text-hint.ts';
import { topicResolvers } from './topics.ts';
import { sourceResolvers } from './source.ts';
import { termResolvers } from './term.ts';
import { themeResolvers } from './theme.ts';
import { toolkitResolvers } from './toolkit.ts';
import { viewerResolvers } from './viewer.ts';

export const resolvers: Resolvers[] = [
  { Date: DateScalar },
  baseResolvers,
  revisionResolvers,
  provisionResolvers,
  obligationResolvers,
  instrumentResolvers,
  bodyResolvers,
  toolkitResolvers,
  organisationResolvers,
  termResolvers,
  themeResolvers,
  searchResolvers,
  textHintResolvers,
  topicResolvers,
  sourceResolvers,
  auditResolvers,
  viewerResolvers,
  editingResolvers,
  diffResolvers,
  reviewResolvers,
  legislationResolvers,
  legalBasisResolvers,
  currencyResolvers,
  readingResolvers,
];
