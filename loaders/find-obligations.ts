/**
 * The obligations entry point's work: check the filter, run the one query that answers it
 * (obligation-query.ts), and, in parallel, check that every key the filter names exists, so
 * an unknown body, provision, heading or instrument is a NOT_FOUND error rather than a
 * silently empty answer.
 */
import { notFound } from '../core/errors.ts';
import type { BodyModel } from './body.ts';
import type { CitableModel } from './citation.ts';
import { uidOf } from './global-id.ts';
import type { HeadingModel } from './heading.ts';
import { toObligation, type FullObligationModel } from './obligation.ts';
import { buildObligationQuery, toObligationCriteria, type ObligationCriteria, type ObligationFilterInput } from './obligation-query.ts';
import { readPage, type Page, type PageRequest } from './pagination.ts';
import type { ProvisionModel } from './provision.ts';
import type { RevisionModel } from './revision.ts';
import type { QueryRunner } from '../db/run-query.ts';

/** The by-key loaders the existence checks use (batched with the rest of the request). */
export interface KeyCheckers {
  bodyByKey: { load(key: string): Promise<BodyModel | null> };
  provisionByUid: { load(uid: string): Promise<ProvisionModel | null> };
  headingByUid: { load(uid: string): Promise<HeadingModel | null> };
  citableByKey: { load(key: string): Promise<CitableModel | null> };
}

/** Throws NOT_FOUND (with a valid example) for the first key the criteria name that does not exist. */
export async function checkCriteriaKeys(checkers: KeyCheckers, revision: RevisionModel, criteria: ObligationCriteria): Promise<void> {
  const inRevision = revision.hasText ? '' : ` (revision ${revision.key} has no text in the graph)`;
  const checks: Promise<void>[] = [];
  const check = <T>(value: string | null, load: (key: string) => Promise<T | null>, what: string, example: string): void => {
    if (value === null) return;
    checks.push(
      load(value).then((found) => {
        if (found === null) throw notFound(what, value, example);
      }),
    );
  };
  check(criteria.addressee, (key) => checkers.bodyByKey.load(key), 'body', 'commissioner');
  check(criteria.appliesTo, (key) => checkers.bodyByKey.load(key), 'body', 'local-health-board');
  check(criteria.provision, (key) => checkers.provisionByUid.load(uidOf(revision.key, key)), `provision in revision ${revision.key}${inRevision}`, '1.53');
  check(criteria.standard, (key) => checkers.provisionByUid.load(uidOf(revision.key, key)), `standard in revision ${revision.key}${inRevision}`, 'S8');
  check(criteria.principle, (key) => checkers.provisionByUid.load(uidOf(revision.key, key)), `principle in revision ${revision.key}${inRevision}`, 'P3');
  check(criteria.heading, (key) => checkers.headingByUid.load(uidOf(revision.key, key)), `heading in revision ${revision.key}${inRevision}`, 'safeguarding');
  check(criteria.citing, (key) => checkers.citableByKey.load(key), 'instrument, section, toolkit item or organisation', 'ukpga/2010/15');
  const checkEach = <T>(values: readonly string[] | null, load: (key: string) => Promise<T | null>, what: string, example: string): void => {
    for (const value of values ?? []) check(value, load, what, example);
  };
  const { anyOf } = criteria;
  checkEach(anyOf.appliesTo, (key) => checkers.bodyByKey.load(key), 'body', 'local-health-board');
  checkEach(anyOf.standard, (key) => checkers.provisionByUid.load(uidOf(revision.key, key)), `standard in revision ${revision.key}${inRevision}`, 'S8');
  checkEach(anyOf.principle, (key) => checkers.provisionByUid.load(uidOf(revision.key, key)), `principle in revision ${revision.key}${inRevision}`, 'P3');
  checkEach(anyOf.heading, (key) => checkers.headingByUid.load(uidOf(revision.key, key)), `heading in revision ${revision.key}${inRevision}`, 'safeguarding');
  checkEach(anyOf.citing, (key) => checkers.citableByKey.load(key), 'instrument, section, toolkit item or organisation', 'ukpga/2010/15');
  await Promise.all(checks);
}

/** One page of the obligations of `revision` that match `filter`, in reading order. */
export async function findObligations(
  runner: QueryRunner,
  checkers: KeyCheckers,
  revision: RevisionModel,
  filter: ObligationFilterInput | null | undefined,
  request: PageRequest,
): Promise<Page<FullObligationModel>> {
  const criteria = toObligationCriteria(filter);
  const query = buildObligationQuery(revision.key, criteria, request);
  const [page] = await Promise.all([readPage(runner, 'obligations', query, request, toObligation), checkCriteriaKeys(checkers, revision, criteria)]);
  return page;
}
