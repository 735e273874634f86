/**
 * Fetches any node by its decoded global id (the Relay `node` and `nodes` fields), through
 * the same per-request loaders as everything else, so `nodes(ids:)` costs one round trip per
 * kind of node asked for.
 */
import type { BodyModel } from './body.ts';
import type { FootnoteModel } from './footnote.ts';
import type { DecodedId } from './global-id.ts';
import type { HeadingModel } from './heading.ts';
import type { InstrumentModel, LegalProvisionModel } from './instrument.ts';
import type { ObligationModel } from './obligation.ts';
import type { OrganisationModel } from './organisation.ts';
import type { ProvisionModel } from './provision.ts';
import type { RevisionModel } from './revision.ts';
import type { SourceDocumentModel } from './source.ts';
import type { TermModel } from './term.ts';
import type { ThemeModel } from './theme.ts';
import type { ToolkitItemModel } from './toolkit.ts';

export type NodeModel =
  | RevisionModel
  | HeadingModel
  | ProvisionModel
  | ObligationModel
  | TermModel
  | FootnoteModel
  | BodyModel
  | InstrumentModel
  | LegalProvisionModel
  | ToolkitItemModel
  | OrganisationModel
  | ThemeModel
  | SourceDocumentModel;

type ByKey<T> = { load(key: string): Promise<T | null> };

export interface NodeLoaders {
  revisionByKey(key: string): Promise<RevisionModel | null>;
  headingByUid: ByKey<HeadingModel>;
  provisionByUid: ByKey<ProvisionModel>;
  obligationByUid: ByKey<ObligationModel>;
  termByUid: ByKey<TermModel>;
  footnoteByUid: ByKey<FootnoteModel>;
  bodyByKey: ByKey<BodyModel>;
  instrumentByKey: ByKey<InstrumentModel>;
  legalProvisionByKey: ByKey<LegalProvisionModel>;
  toolkitItemByKey: ByKey<ToolkitItemModel>;
  organisationByKey: ByKey<OrganisationModel>;
  themeByKey: ByKey<ThemeModel>;
  sourceDocumentByKey: ByKey<SourceDocumentModel>;
}

/** The node a decoded id names, or null when there is none (or it is of another type). */
export async function loadNode(loaders: NodeLoaders, id: DecodedId): Promise<NodeModel | null> {
  // A node a revision owns is found only when its revision may be seen: the by-uid loaders
  // match nodes of published revisions only, unless the viewer may see drafts.
  switch (id.type) {
    case 'Revision':
      return loaders.revisionByKey(id.key);
    case 'Heading':
      return loaders.headingByUid.load(id.key);
    case 'Clause':
    case 'Principle':
    case 'Standard': {
      const provision = await loaders.provisionByUid.load(id.key);
      return provision?.__typename === id.type ? provision : null;
    }
    case 'Obligation':
      return loaders.obligationByUid.load(id.key);
    case 'Term':
      return loaders.termByUid.load(id.key);
    case 'Footnote':
      return loaders.footnoteByUid.load(id.key);
    case 'Body':
      return loaders.bodyByKey.load(id.key);
    case 'Instrument':
      return loaders.instrumentByKey.load(id.key);
    case 'LegalProvision':
      return loaders.legalProvisionByKey.load(id.key);
    case 'ToolkitItem':
      return loaders.toolkitItemByKey.load(id.key);
    case 'Organisation':
      return loaders.organisationByKey.load(id.key);
    case 'Theme':
      return loaders.themeByKey.load(id.key);
    case 'SourceDocument':
      return loaders.sourceDocumentByKey.load(id.key);
  }
}
