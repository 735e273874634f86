/**
 * The audit trail of a revision, for editors (schema/audit.graphql): the events whose target
 * is that revision, oldest first, a page at a time. Events are written by editing/audit.ts
 * (docs/graph-model.md, "The audit trail"); the rules of what an event holds are
 * domain/audit-chain.ts. Several pages asked for in one request are read in one query.
 */
import { auditEventFromProperties, type AuditEvent } from '../domain/audit-chain.ts';
import { asProps } from '../db/graph-values.ts';
import type { QueryRunner } from '../db/run-query.ts';
import { makeLoader, manyEachTarget, type LoaderOptions } from './batch.ts';
import type { Page, PageRequest } from './pagination.ts';

export type AuditEventModel = AuditEvent;

/** A page of the trail of one revision. */
export interface AuditTrailRequest extends PageRequest {
  revision: string;
}

/**
 * Pages of the trails of revisions, keyed by `<revision>|<offset>|<limit>`: each target's
 * events in sequence order (oldest first), its total and the slice of its page.
 */
export const AUDIT_TRAILS_BY_REVISION = `
UNWIND $targets AS target
CALL (target) {
  MATCH (e:AuditEvent {targetRevision: target.revision})
  WITH e ORDER BY e.sequence
  RETURN collect(properties(e)) AS events
}
RETURN target.id AS key, {totalCount: size(events), page: events[target.offset..(target.offset + target.limit)]} AS value`;

const targetId = (target: AuditTrailRequest): string => `${target.revision}|${target.offset}|${target.limit}`;

export function toAuditTrailPage(value: unknown): { totalCount: number; page: AuditEventModel[] } {
  const props = asProps(value, 'audit trail page');
  const page = Array.isArray(props['page']) ? props['page'] : [];
  return {
    totalCount: typeof props['totalCount'] === 'number' ? props['totalCount'] : 0,
    page: page.map((event) => auditEventFromProperties(asProps(event, 'audit event'))),
  };
}

export function createAuditLoaders(runner: QueryRunner, options: LoaderOptions) {
  const pages = makeLoader(options, manyEachTarget(runner, 'auditTrailsByRevision', AUDIT_TRAILS_BY_REVISION, targetId, toAuditTrailPage), targetId);
  return {
    /** One page of a revision's audit trail, oldest first (an unknown revision has an empty trail). */
    auditTrail: async (revision: string, request: PageRequest): Promise<Page<AuditEventModel>> => {
      const [found] = await pages.load({ revision, offset: request.offset, limit: request.limit });
      return { items: found?.page ?? [], totalCount: found?.totalCount ?? 0, offset: request.offset };
    },
  };
}
