/**
 * Organisations and systems the Code refers to (Social Care Wales, the Capacity Tracker, ...).
 */
import { makeLoader, oneEach, type LoaderOptions } from './batch.ts';
import { asProps, oneOf, optionalText, text, type Props } from '../db/graph-values.ts';
import type { QueryRunner } from '../db/run-query.ts';
import { ORGANISATION_KINDS, type OrganisationKind } from '../core/vocabulary.ts';

export interface OrganisationModel {
  __typename: 'Organisation';
  key: string;
  name: string;
  kind: OrganisationKind;
  url: string | null;
  description: string | null;
}

export function toOrganisation(value: unknown): OrganisationModel {
  const props = asProps(value, 'organisation');
  return {
    __typename: 'Organisation',
    key: text(props, 'key'),
    name: text(props, 'name'),
    kind: oneOf(props, 'kind', ORGANISATION_KINDS),
    url: optionalText(props, 'url'),
    description: optionalText(props, 'description'),
  };
}

export const ALL_ORGANISATIONS = `
MATCH (o:Organisation)
RETURN properties(o) AS value
ORDER BY o.name`;

export const ORGANISATIONS_BY_KEY = `
UNWIND $keys AS key
MATCH (o:Organisation {key: key})
RETURN key, properties(o) AS value`;

export async function loadAllOrganisations(runner: QueryRunner): Promise<OrganisationModel[]> {
  const rows = await runner.read<{ value: Props }>('allOrganisations', ALL_ORGANISATIONS);
  return rows.map((row) => toOrganisation(row.value));
}

export function createOrganisationLoaders(runner: QueryRunner, options: LoaderOptions) {
  return {
    /** An organisation by key; null when there is none. */
    organisationByKey: makeLoader(options, oneEach(runner, 'organisationsByKey', ORGANISATIONS_BY_KEY, toOrganisation)),
  };
}
