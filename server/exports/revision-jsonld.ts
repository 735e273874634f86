/**
 * A revision of the Code as JSON-LD in the vocabulary of the European Legislation Identifier
 * (ELI, http://data.europa.eu/eli/ontology#), as legislation publishers describe their texts
 * (README "Downloads"):
 *
 * - the revision is an `eli:LegalResource` (`eli:id_local` its key) with its dates
 *   (`eli:date_document` the day it was laid, `eli:first_date_entry_in_force`,
 *   `eli:date_no_longer_in_force`), `eli:in_force`, `eli:based_on` the provisions of
 *   legislation the Code is issued under or is guidance under (their legislation.gov.uk
 *   identifiers), and `eli:has_part` its clauses, principles and standards, each an
 *   `eli:LegalResourceSubdivision` that `eli:cites` the legislation it names;
 * - its English text is an `eli:LegalExpression` (`eli:title`, `eli:language`) embodied by the
 *   downloads (`eli:Format`: Akoma Ntoso XML, the obligations as CSV and JSON);
 * - the document itself says when the graph it was read from was loaded (`dcterms:modified`).
 *
 * Pure: the text in (loaders/revision-text.ts), one JSON-LD document out, its context inline so
 * a reader needs nothing from the network.
 */
import type { RevisionTextModel } from '../../loaders/revision-text.ts';

export const JSON_LD_CONTEXT = {
  eli: 'http://data.europa.eu/eli/ontology#',
  dcterms: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** The EU's authority table of languages, as ELI's `eli:language` expects. */
const ENGLISH = 'http://publications.europa.eu/resource/authority/language/ENG';
const MEDIA_TYPE = (type: string): string => `http://www.iana.org/assignments/media-types/${type}`;

const day = (value: string | null): Record<string, string> | undefined => (value === null ? undefined : { '@value': value, '@type': 'xsd:date' });

/** The addresses of a revision's downloads, under the service's public origin. */
export function revisionDownloads(origin: string, key: string): { jsonld: string; akn: string; csv: string; json: string } {
  const revision = encodeURIComponent(key);
  return {
    jsonld: `${origin}/exports/revisions/${revision}.jsonld`,
    akn: `${origin}/exports/revisions/${revision}.akn.xml`,
    csv: `${origin}/exports/obligations.csv?revision=${revision}`,
    json: `${origin}/exports/obligations.json?revision=${revision}`,
  };
}

/** The JSON-LD document of a revision, with ids under `origin`. */
export function revisionJsonLd(text: RevisionTextModel, origin: string): Record<string, unknown> {
  const { revision } = text;
  const downloads = revisionDownloads(origin, revision.key);
  const id = `${downloads.jsonld}#revision`;
  const legislationOf = (cites: RevisionTextModel['headings'][number]['provisions'][number]['cites']): { '@id': string }[] =>
    cites.flatMap((cited) => ((cited.__typename === 'Instrument' || cited.__typename === 'LegalProvision') && cited.uri !== null ? [{ '@id': cited.uri }] : []));
  const parts = text.headings.flatMap(({ provisions }) =>
    provisions.map(({ provision, cites }) => ({
      '@id': `${downloads.jsonld}#${encodeURIComponent(provision.key)}`,
      '@type': 'eli:LegalResourceSubdivision',
      'eli:id_local': provision.key,
      'eli:is_part_of': { '@id': id },
      'dcterms:title': provision.title ?? `${provision.kind === 'CLAUSE' ? 'Clause' : provision.kind === 'PRINCIPLE' ? 'Principle' : 'Standard'} ${provision.number}`,
      'eli:cites': legislationOf(cites),
    })),
  );
  const format = (address: string, mediaType: string): Record<string, unknown> => ({
    '@id': address,
    '@type': 'eli:Format',
    'eli:format': { '@id': MEDIA_TYPE(mediaType) },
    'eli:embodies': { '@id': `${downloads.jsonld}#text-en` },
  });
  const resource = {
    '@id': id,
    '@type': 'eli:LegalResource',
    'eli:id_local': revision.key,
    'eli:date_document': day(revision.laidOn),
    'eli:first_date_entry_in_force': day(revision.inForceFrom),
    'eli:date_no_longer_in_force': day(revision.inForceUntil),
    'eli:in_force': { '@id': revision.status === 'IN_FORCE' ? 'eli:InForce-inForce' : 'eli:InForce-notInForce' },
    'eli:based_on': text.enabling.filter((link) => link.relation !== 'DISAPPLIES' && link.provision.uri !== null).map((link) => ({ '@id': link.provision.uri ?? '' })),
    'eli:is_realized_by': {
      '@id': `${downloads.jsonld}#text-en`,
      '@type': 'eli:LegalExpression',
      'eli:title': { '@value': revision.title, '@language': 'en' },
      'eli:language': { '@id': ENGLISH },
      'eli:realizes': { '@id': id },
      'eli:is_embodied_by': revision.hasText
        ? [format(downloads.akn, 'application/akn+xml'), format(downloads.csv, 'text/csv'), format(downloads.json, 'application/json')]
        : [],
    },
    'dcterms:isVersionOf': { 'dcterms:identifier': text.code.key, 'dcterms:title': text.code.title },
    'eli:has_part': parts,
  };
  return {
    '@context': JSON_LD_CONTEXT,
    '@id': downloads.jsonld,
    '@type': 'foaf:Document',
    'dcterms:modified': text.graphLoadedAt === null ? undefined : { '@value': text.graphLoadedAt, '@type': 'xsd:dateTime' },
    'foaf:primaryTopic': resource,
  };
}
