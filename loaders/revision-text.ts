/**
 * One revision's text and what describes it, as the revision downloads need it (README
 * "Downloads": JSON-LD with the ELI vocabulary, Akoma Ntoso XML): its headings in reading order,
 * each with its provisions (and what each cites) and glossary terms, the Code it is a revision
 * of with the provisions of legislation the Code rests on, and when the graph was loaded. Read
 * through the request's loaders: one batched query per level, whatever the revision's size.
 */
import { GraphShapeError } from '../core/errors.ts';
import { CODE_INSTRUMENT_KEY } from '../core/vocabulary.ts';
import type { CitableModel } from './citation.ts';
import type { Loaders } from './create-loaders.ts';
import type { HeadingModel } from './heading.ts';
import type { EnablingLinkModel, InstrumentModel } from './instrument.ts';
import type { FullProvisionModel } from './provision.ts';
import type { RevisionModel } from './revision.ts';
import type { TermModel } from './term.ts';

export interface RevisionTextModel {
  revision: RevisionModel;
  /** The instrument it is a revision of (the Code). */
  code: InstrumentModel;
  /** What the Code is issued under, is guidance under or disapplies (clauses 1.1, 1.2, 1.4). */
  enabling: EnablingLinkModel[];
  headings: { heading: HeadingModel; provisions: { provision: FullProvisionModel; cites: CitableModel[] }[]; terms: TermModel[] }[];
  /** When the seed last loaded the graph (loaders/service-info.ts). */
  graphLoadedAt: string | null;
}

/** The text of `revision` (one the caller may see: Loaders.revisionFor chose it), in reading order. */
export async function loadRevisionText(loaders: Loaders, revision: RevisionModel): Promise<RevisionTextModel> {
  const codeKey = revision.instrumentKey ?? CODE_INSTRUMENT_KEY;
  const [headings, code, enabling, graphLoadedAt] = await Promise.all([
    loaders.headingsOfRevision.load(revision.key),
    loaders.instrumentByKey.load(codeKey),
    loaders.enablingProvisionsOfInstrument.load(codeKey),
    loaders.graphLoadedAt(),
  ]);
  if (code === null) throw new GraphShapeError(`the instrument of revision ${revision.key} is missing`);
  const ordered = [...headings].sort((a, b) => a.order - b.order);
  const filled = await Promise.all(
    ordered.map(async (heading) => {
      const [provisions, terms] = await Promise.all([loaders.provisionsOfHeading.load(heading.uid), loaders.termsOfHeading.load(heading.uid)]);
      const withCitations = await Promise.all(
        [...provisions].sort((a, b) => a.order - b.order).map(async (provision) => ({ provision, cites: await loaders.citationsOfProvision.load(provision.uid) })),
      );
      return { heading, provisions: withCitations, terms: [...terms].sort((a, b) => a.order - b.order) };
    }),
  );
  return { revision, code, enabling, headings: filled, graphLoadedAt };
}
