import { badUserInput } from '../core/errors.ts';
import type { ApplicabilityChange, TreeApplicability } from '../domain/revision-diff.ts';
import type { BodyModel } from '../loaders/body.ts';
import type { Loaders } from '../loaders/create-loaders.ts';
import { uidOf } from '../loaders/global-id.ts';
import { revisionDiffModel } from '../loaders/revision-diff.ts';
import type { RevisionModel } from '../loaders/revision.ts';
import type { Resolvers } from './__generated__/resolvers-types.ts';
import { found, present } from './support.ts';

/**
 * A revision to compare, by the key given as `argument`: NOT_FOUND when the caller cannot see
 * it (a draft, to anyone but a signed-in editor), BAD_USER_INPUT when the graph holds no text
 * of it (the withdrawn draft-2024-03-19).
 */
async function comparable(loaders: Loaders, key: string, argument: 'from' | 'to'): Promise<RevisionModel> {
  const revision = found(await loaders.revisionByKey(key), 'revision of the Code', key, '2024-09-01');
  if (!revision.hasText) {
    throw badUserInput(`${argument}: revision ${revision.key} has no text in the graph to compare; give a revision with text, such as "2024-09-01"`, argument);
  }
  return revision;
}

/** The kinds of change asked for, or every kind; an empty list is refused, as the obligation filter's are. */
function onlyChanges<K extends string>(change: readonly K[] | null | undefined, example: string): (kind: K) => boolean {
  if (change === null || change === undefined) return () => true;
  if (change.length === 0) throw badUserInput(`change must list at least one kind of change, such as ${example}; got []`, 'change');
  const wanted = new Set(change);
  return (kind) => wanted.has(kind);
}

const bodyOf = async (loaders: Loaders, key: string): Promise<BodyModel> => present(await loaders.bodyByKey.load(key), `body ${key}`);

const bodies = (loaders: Loaders, keys: readonly string[]): Promise<BodyModel[]> => Promise.all(keys.map((key) => bodyOf(loaders, key)));

const bindings = (loaders: Loaders, entries: readonly TreeApplicability[]) =>
  Promise.all(entries.map(async ({ body, reason }) => ({ body: await bodyOf(loaders, body), reason })));

const bindingChanges = (loaders: Loaders, entries: readonly ApplicabilityChange[]) =>
  Promise.all(entries.map(async ({ body, before, after }) => ({ body: await bodyOf(loaders, body), before, after })));

/** `revisionDiff`: checks both keys, then leaves the diff to be computed once, by the first field that needs it. */
export const diffResolvers: Resolvers = {
  Query: {
    revisionDiff: async (_parent, { from, to }, { loaders }) => {
      const [before, after] = await Promise.all([comparable(loaders, from, 'from'), comparable(loaders, to, 'to')]);
      return revisionDiffModel(before, after, loaders.revisionTree);
    },
  },
  RevisionDiff: {
    summary: async (model) => (await model.computed()).diff.summary,
    provisions: async (model, { change }) => {
      const wanted = onlyChanges(change, '[ADDED, REMOVED, TEXT_CHANGED]');
      return (await model.computed()).diff.provisions.filter((entry) => wanted(entry.change));
    },
    obligations: async (model, { change }) => {
      const wanted = onlyChanges(change, '[ADDED, REMOVED, CHANGED]');
      return (await model.computed()).obligations.filter((entry) => wanted(entry.change));
    },
    impact: async (model, { body }, { loaders }) => {
      const [asked, computed] = await Promise.all([loaders.bodyByKey.load(body), model.computed()]);
      const subject = found(asked, 'body', body, 'local-health-board');
      if (subject.isGroup) {
        const members = (await loaders.membersOfGroup.load(subject.key)).map((member) => `"${member.key}"`);
        throw badUserInput(`body: ${subject.key} is a group, and obligations bind its members one by one; ask for each of them: ${members.join(', ')}`, 'body');
      }
      return { body: subject, ...computed.impactOn(subject.key) };
    },
  },
  ObligationChange: {
    addresseesAdded: (change, _args, { loaders }) => bodies(loaders, change.addresseesAdded),
    addresseesRemoved: (change, _args, { loaders }) => bodies(loaders, change.addresseesRemoved),
    addresseeKeysAdded: (change) => change.addresseesAdded,
    addresseeKeysRemoved: (change) => change.addresseesRemoved,
    bindsNow: (change, _args, { loaders }) => bindings(loaders, change.bindsNow),
    bindsNoLonger: (change, _args, { loaders }) => bindings(loaders, change.bindsNoLonger),
    bindsStill: (change, _args, { loaders }) => bindings(loaders, change.bindsStill),
    applicabilityChanged: (change, _args, { loaders }) => bindingChanges(loaders, change.applicabilityChanged),
    before: (change, _args, { loaders }) => (change.keyBefore === null ? null : loaders.obligationByUid.load(uidOf(change.fromRevision, change.keyBefore))),
    after: (change, _args, { loaders }) => (change.keyAfter === null ? null : loaders.obligationByUid.load(uidOf(change.toRevision, change.keyAfter))),
  },
};
