import type { Resolvers } from './__generated__/resolvers-types.ts';
import { present } from './support.ts';

/** Mutations unpack their input, call one editing command, and read the result back through the loaders. */
export const editingResolvers: Resolvers = {
  Mutation: {
    createDraft: async (_parent, { input }, { editing, loaders }) => {
      const created = await editing.createDraft(input);
      return {
        revision: present(await loaders.revisionByKey(created.key), `the new draft ${created.key}`),
        copiedFrom: present(await loaders.revisionByKey(created.from), `revision ${created.from}`),
      };
    },
    discardDraft: async (_parent, { input }, { editing }) => ({ discardedRevision: (await editing.discardDraft(input)).revision }),
    updateProvision: async (_parent, { input }, { editing, loaders }) => {
      const updated = await editing.updateProvision(input);
      const provision = present(await loaders.provisionByUid.load(`${updated.revision}|${updated.provisionKey}`), `provision ${updated.provisionKey}`);
      return {
        revision: present(await loaders.revisionByKey(updated.revision), `revision ${updated.revision}`),
        version: updated.version,
        provision,
        obligationsBefore: updated.before,
        obligations: await loaders.obligationsOfProvision.load(provision.uid),
      };
    },
    updateObligation: async (_parent, { input }, { editing, loaders }) => {
      const updated = await editing.updateObligation(input);
      return {
        revision: present(await loaders.revisionByKey(updated.revision), `revision ${updated.revision}`),
        version: updated.version,
        obligation: present(await loaders.obligationByUid.load(`${updated.revision}|${updated.obligationKey}`), `obligation ${updated.obligationKey}`),
      };
    },
    addProvision: async (_parent, { input }, { editing, loaders }) => {
      const added = await editing.addProvision(input);
      const provision = present(await loaders.provisionByUid.load(`${added.revision}|${added.provisionKey}`), `provision ${added.provisionKey}`);
      return {
        revision: present(await loaders.revisionByKey(added.revision), `revision ${added.revision}`),
        version: added.version,
        provision,
        obligations: await loaders.obligationsOfProvision.load(provision.uid),
      };
    },
    removeProvision: async (_parent, { input }, { editing, loaders }) => {
      const removed = await editing.removeProvision(input);
      return {
        revision: present(await loaders.revisionByKey(removed.revision), `revision ${removed.revision}`),
        version: removed.version,
        removedProvision: removed.provisionKey,
        removedObligations: removed.obligations,
      };
    },
    splitProvision: async (_parent, { input }, { editing, loaders }) => {
      const split = await editing.splitProvision(input);
      const provisionOf = async (key: string) => present(await loaders.provisionByUid.load(`${split.revision}|${key}`), `provision ${key}`);
      const provision = await provisionOf(split.provisionKey);
      const newProvision = await provisionOf(split.newProvisionKey);
      return {
        revision: present(await loaders.revisionByKey(split.revision), `revision ${split.revision}`),
        version: split.version,
        provision,
        newProvision,
        obligationsBefore: split.before,
        obligations: [...(await loaders.obligationsOfProvision.load(provision.uid)), ...(await loaders.obligationsOfProvision.load(newProvision.uid))],
      };
    },
    renumberProvisions: async (_parent, { input }, { editing, loaders }) => {
      const renumbered = await editing.renumberProvisions(input);
      return {
        revision: present(await loaders.revisionByKey(renumbered.revision), `revision ${renumbered.revision}`),
        version: renumbered.version,
        renumbered: renumbered.renumbered,
      };
    },
    updateHeading: async (_parent, { input }, { editing, loaders }) => {
      const updated = await editing.updateHeading(input);
      return {
        revision: present(await loaders.revisionByKey(updated.revision), `revision ${updated.revision}`),
        version: updated.version,
        heading: present(await loaders.headingByUid.load(`${updated.revision}|${updated.headingKey}`), `heading ${updated.headingKey}`),
      };
    },
  },
  Revision: {
    copiedFrom: (revision, _args, { loaders }) => (revision.copiedFrom === null ? null : loaders.revisionByKey(revision.copiedFrom)),
  },
};
