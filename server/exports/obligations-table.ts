/**
 * The obligations download as a table (README "Downloads"): the first row names the revision,
 * the filter, the count and when the graph was loaded; the second names the columns the issue
 * asks for; then one row per obligation. The CSV's writer (csv-stringify) adds the byte-order
 * mark Excel needs to read UTF-8 and quotes what needs quoting.
 */
import type { ExportedObligation } from '../../loaders/obligation-export.ts';
import type { RevisionModel } from '../../loaders/revision.ts';

export const OBLIGATION_COLUMNS = [
  'key',
  'statement',
  'sentence',
  'modality',
  'force',
  'qualifiers',
  'provision',
  'heading',
  'addressees',
  'bodies bound (reason)',
  'legal basis',
  'source location',
] as const;

/** What the first row says about the download. */
export interface TableHeading {
  revision: RevisionModel;
  given: readonly [string, string][];
  totalCount: number;
  graphLoadedAt: string | null;
}

/** Where the revision stands in law: "in force from 2024-09-01", "superseded: in force from ... until ...", "withdrawn", ... */
function standing(revision: RevisionModel): string {
  const from = revision.inForceFrom === null ? '' : ` from ${revision.inForceFrom}`;
  const until = revision.inForceUntil === null ? '' : ` until ${revision.inForceUntil}`;
  switch (revision.status) {
    case 'IN_FORCE':
      return `in force${from}${until}`;
    case 'SUPERSEDED':
      return `superseded: in force${from}${until}`;
    case 'LAID':
      return revision.inForceFrom === null ? 'laid, not yet in force' : `laid, to come into force${from}`;
    case 'WITHDRAWN':
      return 'withdrawn';
    case 'DRAFT':
      return 'a draft';
  }
}

/** The filter as the query string gave it, or "every obligation". */
export const filterText = (given: readonly [string, string][]): string =>
  given.length === 0 ? 'every obligation' : given.map(([name, value]) => `${name}=${value}`).join('&');

/** The sentence of the first row: which revision, which filter, how many, and how current. */
export function tableTitle({ revision, given, totalCount, graphLoadedAt }: TableHeading): string {
  return [
    `Obligations of revision ${revision.key} of the ${revision.title} (${standing(revision)})`,
    `filter: ${filterText(given)}`,
    `${totalCount} ${totalCount === 1 ? 'obligation' : 'obligations'}`,
    `graph loaded ${graphLoadedAt ?? 'at a time not recorded'}`,
  ].join('; ');
}

/** The first row: the title in its first cell, the others empty, so every row has the same columns. */
export const titleRecord = (heading: TableHeading): string[] => [tableTitle(heading), ...OBLIGATION_COLUMNS.slice(1).map(() => '')];

/** One obligation as the cells of its row; a cell holding several things has one per line. */
export function obligationRecord(row: ExportedObligation): string[] {
  return [
    row.key,
    row.statement,
    row.sentence,
    row.modality,
    row.force,
    row.qualifiers.join('; '),
    row.provision.key,
    row.heading.title,
    row.addressees.map((body) => body.key).join('; '),
    row.bodiesBound.map((bound) => `${bound.body}: ${bound.reason} (${bound.explanation})`).join('\n'),
    row.legalBasis
      .map((basis) => {
        const where = `${basis.location === null ? '' : `, ${basis.location}`}${basis.url === null ? '' : `, ${basis.url}`}`;
        const binds = basis.binds.length === 0 ? '' : `; binds ${basis.binds.map((binding) => `${binding.body} (${binding.location})`).join(', ')}`;
        return `${basis.relation}: ${basis.label} of the ${basis.instrumentTitle}${where}${binds}`;
      })
      .join('\n'),
    row.sources.map((source) => `${source.title}, ${source.location}`).join('\n'),
  ];
}
