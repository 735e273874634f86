/**
 * After the reader: writes the catalogue and the read Code into Neo4j (docs/graph-model.md is
 * the contract). Reads: Catalogue and CodeGraph. Writes: the graph, in ONE transaction: shared
 * nodes are merged by key, the revision's own tree is replaced whole, so seeding twice gives
 * the same graph and a failure part-way leaves the previous graph untouched.
 */
import { LINK_OBLIGATION_BODIES } from '../db/obligation-links.ts';
import { STATEMENT_PROPERTIES, uncountedModalProperties } from '../db/reading-properties.ts';
import { ensureGraphSchema } from '../db/graph-schema.ts';
import { legislationLinks } from '../domain/legislation-links.ts';
import { seededLineage } from '../domain/lineage.ts';
import type { QueryRunner, TransactionRunner } from '../db/run-query.ts';
import type { Catalogue } from '../reader/catalogue.ts';
import type { CitableLabel, CitingLabel } from '../reader/stages/8-link-citations.ts';
import type { CodeGraph } from '../reader/read-code.ts';

/** Labels whose nodes are owned by one revision (copy on revise). */
export const REVISION_OWNED_LABELS = ['Heading', 'Provision', 'Obligation', 'Term', 'Footnote'] as const;
const CITABLE_LABELS: CitableLabel[] = ['Instrument', 'LegalProvision', 'ToolkitItem', 'Organisation'];
const CITING_LABELS: CitingLabel[] = ['Provision', 'Obligation', 'Footnote'];

const REMOVE_SEED_LINKS = `
MATCH (n) WHERE n.seeded = true
OPTIONAL MATCH (n)-[r:MEMBER_OF|ACTS_FOR|ISSUED_UNDER|GUIDANCE_UNDER|DISAPPLIES|BOUND_BY|PART_OF|RELATED_TO|SOURCED_FROM|SUPERSEDES|REVISION_OF|GROUPS|OPERATED_BY]->()
DELETE r`;

const REMOVE_STALE_SHARED = `
UNWIND $labels AS entry
MATCH (n) WHERE entry.label IN labels(n) AND n.seeded = true AND NOT n.key IN entry.keys
DETACH DELETE n`;

const MERGE_SOURCE_DOCUMENTS = `
UNWIND $rows AS row
MERGE (d:SourceDocument {key: row.key})
SET d += row.props, d.seeded = true`;

/** Merges shared nodes of one label; `label` comes from a closed set, never from input. */
const mergeShared = (label: string): string => `
UNWIND $rows AS row
MERGE (n:${label} {key: row.key})
SET n += row.props, n.seeded = true
WITH n, row
MATCH (d:SourceDocument {file: row.source.document})
MERGE (n)-[s:SOURCED_FROM]->(d)
SET s.location = row.source.location`;

const LINK_PROVISIONS_TO_ACTS = `
MATCH (p:LegalProvision) WHERE p.seeded = true
MATCH (i:Instrument {key: p.instrumentKey})
MERGE (p)-[:PART_OF]->(i)`;

const LINK_BODIES = `
UNWIND $rows AS row
MATCH (b:Body {key: row.key})
CALL (b, row) { UNWIND row.memberOf AS groupKey MATCH (g:Body {key: groupKey}) MERGE (b)-[:MEMBER_OF]->(g) }
CALL (b, row) { UNWIND row.actsFor AS forKey MATCH (g:Body {key: forKey}) MERGE (b)-[:ACTS_FOR]->(g) }`;

const LINK_INSTRUMENTS = `
UNWIND $rows AS row
MATCH (i:Instrument {key: row.from}), (p:LegalProvision {key: row.to})
FOREACH (_ IN CASE WHEN row.type = 'ISSUED_UNDER' THEN [1] ELSE [] END | MERGE (i)-[r:ISSUED_UNDER]->(p) SET r.location = row.location)
FOREACH (_ IN CASE WHEN row.type = 'GUIDANCE_UNDER' THEN [1] ELSE [] END | MERGE (i)-[r:GUIDANCE_UNDER]->(p) SET r.location = row.location)
FOREACH (_ IN CASE WHEN row.type = 'DISAPPLIES' THEN [1] ELSE [] END | MERGE (i)-[r:DISAPPLIES]->(p) SET r.location = row.location)`;

/** How the Code binds each body (catalogue `bindings`; docs/graph-model.md, "Relationships"). */
const LINK_BINDINGS = `
UNWIND $rows AS row
MATCH (b:Body {key: row.body}), (p:LegalProvision {key: row.provision})
MERGE (b)-[r:BOUND_BY {instrument: row.instrument, force: row.force, relation: row.relation}]->(p)
SET r.location = row.location, r.note = row.note, r.source = row.source.document`;

const LINK_RELATED = `
UNWIND $rows AS row
MATCH (a {key: row.from}) WHERE a:Instrument OR a:Organisation
MATCH (b {key: row.to}) WHERE b:Instrument OR b:Organisation
MERGE (a)-[r:RELATED_TO {relation: row.relation}]->(b)
SET r.note = row.note, r.source = row.source.document, r.location = row.source.location`;

const MERGE_REVISIONS = `
UNWIND $rows AS row
MERGE (r:Revision {key: row.key})
SET r += row.props, r.seeded = true,
    r.laidOn = date(row.laidOn), r.inForceFrom = date(row.inForceFrom), r.inForceUntil = date(row.inForceUntil),
    r.withdrawnOn = date(row.withdrawnOn)
WITH r, row
MATCH (code:Instrument {key: $instrument})
MERGE (r)-[:REVISION_OF]->(code)
WITH r, row
MATCH (d:SourceDocument {file: row.source.document})
MERGE (r)-[s:SOURCED_FROM]->(d)
SET s.location = row.source.location`;

const LINK_SUPERSEDES = `
UNWIND $rows AS row
MATCH (r:Revision {key: row.key}), (old:Revision {key: row.supersedes})
MERGE (r)-[:SUPERSEDES]->(old)`;

const REMOVE_REVISION_TREE = `
MATCH (n) WHERE n.revision = $revision AND any(label IN labels(n) WHERE label IN $labels)
DETACH DELETE n`;

const CREATE_HEADINGS = `
MATCH (r:Revision {key: $revision}), (d:SourceDocument {file: $file})
UNWIND $rows AS row
CREATE (h:Heading {uid: $revision + '|' + row.key, key: row.key, revision: $revision, title: row.title, order: row.order, text: row.text})
CREATE (r)-[:CONTAINS {order: row.order}]->(h)
CREATE (h)-[:SOURCED_FROM {location: row.location}]->(d)`;

const CREATE_PROVISIONS = `
MATCH (d:SourceDocument {file: $file})
UNWIND $rows AS row
MATCH (h:Heading {uid: $revision + '|' + row.heading})
CREATE (p:Provision {uid: $revision + '|' + row.key, key: row.key, revision: $revision, kind: row.kind, number: row.number,
                     title: row.title, text: row.text, order: row.order, lineage: row.lineage,
                     ${uncountedModalProperties('row.uncountedModals')}})
FOREACH (_ IN CASE WHEN row.kind = 'CLAUSE' THEN [1] ELSE [] END | SET p:Clause)
FOREACH (_ IN CASE WHEN row.kind = 'PRINCIPLE' THEN [1] ELSE [] END | SET p:Principle)
FOREACH (_ IN CASE WHEN row.kind = 'STANDARD' THEN [1] ELSE [] END | SET p:Standard)
CREATE (h)-[:CONTAINS {order: row.order}]->(p)
CREATE (p)-[:SOURCED_FROM {location: row.location}]->(d)`;

const CREATE_TERMS = `
MATCH (r:Revision {key: $revision}), (d:SourceDocument {file: $file})
UNWIND $rows AS row
MATCH (h:Heading {uid: $revision + '|' + row.heading})
CREATE (t:Term {uid: $revision + '|' + row.key, key: row.key, revision: $revision, term: row.term, definition: row.definition, order: row.order})
CREATE (r)-[:CONTAINS {order: row.order}]->(t)
CREATE (h)-[:CONTAINS {order: row.order}]->(t)
CREATE (t)-[:SOURCED_FROM {location: row.location}]->(d)`;

const CREATE_FOOTNOTES = `
MATCH (d:SourceDocument {file: $file})
UNWIND $rows AS row
CREATE (f:Footnote {uid: $revision + '|' + row.key, key: row.key, revision: $revision, number: row.number, text: row.text, url: row.url})
CREATE (f)-[:SOURCED_FROM {location: row.location}]->(d)
WITH f, row
UNWIND row.provisions AS provisionKey
MATCH (p:Provision {uid: $revision + '|' + provisionKey})
CREATE (p)-[:HAS_FOOTNOTE]->(f)`;

const CREATE_OBLIGATIONS = `
MATCH (d:SourceDocument {file: $file})
UNWIND $rows AS row
MATCH (p:Provision {uid: $revision + '|' + row.provision})
CREATE (o:Obligation {uid: $revision + '|' + row.key, key: row.key, revision: $revision, text: row.text, modality: row.modality,
                      force: row.force, trigger: row.trigger, triggerStart: row.triggerStart, triggerEnd: row.triggerEnd,
                      qualifiers: row.qualifiers, fromOverride: row.fromOverride, overrideReason: row.overrideReason,
                      ${STATEMENT_PROPERTIES}, order: row.order, provisionKey: row.provision, lineage: row.lineage})
CREATE (o)-[:STATED_IN]->(p)
CREATE (o)-[:SOURCED_FROM {location: row.location}]->(d)
WITH o, row
${LINK_OBLIGATION_BODIES}`;

const LINK_THEMES = `
UNWIND $rows AS row
MATCH (t:Theme {key: row.key})
UNWIND row.groups AS provisionKey
MATCH (p:Provision {key: provisionKey})
MERGE (t)-[:GROUPS]->(p)`;

const LINK_CITED_DUTIES = `
UNWIND $rows AS row
MATCH (p:Provision {uid: $revision + '|' + row.provision}), (s:LegalProvision {key: row.provisionKey})
CREATE (p)-[:CITES_DUTY_OF {text: row.text}]->(s)`;

/**
 * When the graph was last loaded (docs/graph-model.md, "The graph's load"): the one
 * GraphLoad node, stamped by the last statement of the seed's transaction, so the time is
 * that of a load that committed.
 */
const STAMP_GRAPH_LOAD = `
MERGE (g:GraphLoad {key: 'graph'})
SET g.loadedAt = $loadedAt`;

/** Citations from one kind of revision node to one label of cited node; both from closed sets. */
const createCitations = (fromLabel: CitingLabel, label: CitableLabel): string => `
UNWIND $rows AS row
MATCH (from:${fromLabel} {uid: $revision + '|' + row.from})
MATCH (to:${label} {key: row.to})
CREATE (from)-[:CITES {by: row.by}]->(to)`;

const nullable = <T>(value: T | undefined): T | null => value ?? null;

/**
 * `url` and `uri` of an instrument or provision: for a legislation.gov.uk key, the two links
 * derived from it (domain/legislation-links.ts), whatever URL a source gave; otherwise the
 * catalogue's URL and no identifier URI.
 */
const linksOf = (e: { key: string; url: string | null }): { url: string | null; uri: string | null } => {
  const links = legislationLinks(e.key);
  return links === null ? { url: e.url, uri: null } : { url: links.url, uri: links.uri };
};

/**
 * Writes everything in one transaction; returns the number of statements run. With
 * `replaceTree: false` the revision's existing tree is kept and `code`'s nodes are added to it
 * (bench/scale-corpus.ts writes a revision too large for one transaction in parts, each with
 * keys of its own); the seed always replaces it.
 */
export async function writeGraph(
  runner: QueryRunner,
  catalogue: Catalogue,
  code: CodeGraph,
  timeoutMs = 120_000,
  { replaceTree = true }: { replaceTree?: boolean } = {},
): Promise<number> {
  await ensureGraphSchema(runner, 'create');
  return runner.writeTransaction(
    'seed.write',
    async (tx: TransactionRunner) => {
      let statements = 0;
      const run = async (name: string, cypher: string, params: Record<string, unknown> = {}): Promise<void> => {
        await tx.run(name, cypher, params);
        statements += 1;
      };
      const revision = code.revisionKey;
      const file = code.sourceFile;
      await run('seed.removeSeedLinks', REMOVE_SEED_LINKS);
      await run('seed.removeStaleShared', REMOVE_STALE_SHARED, {
        labels: [
          { label: 'SourceDocument', keys: catalogue.sourceDocuments.map((e) => e.key) },
          { label: 'Instrument', keys: catalogue.instruments.map((e) => e.key) },
          { label: 'LegalProvision', keys: catalogue.legalProvisions.map((e) => e.key) },
          { label: 'ToolkitItem', keys: catalogue.toolkitItems.map((e) => e.key) },
          { label: 'Organisation', keys: catalogue.organisations.map((e) => e.key) },
          { label: 'Body', keys: catalogue.bodies.map((e) => e.key) },
          { label: 'Theme', keys: catalogue.themes.map((e) => e.key) },
          { label: 'Revision', keys: catalogue.revisions.map((e) => e.key) },
        ],
      });
      await run('seed.sourceDocuments', MERGE_SOURCE_DOCUMENTS, {
        rows: catalogue.sourceDocuments.map(({ key, file: documentFile, title, publisher, date, dateText, url, licence, description }) => ({
          key,
          props: { file: documentFile, title, publisher, date: nullable(date), dateText: nullable(dateText), url, licence, description: nullable(description) },
        })),
      });
      await run('seed.instruments', mergeShared('Instrument'), {
        rows: catalogue.instruments.map((e) => ({
          key: e.key,
          source: e.source,
          props: { kind: e.kind, title: e.title, shortTitle: e.shortTitle, year: e.year, ...linksOf(e), status: e.status, description: e.description, aliases: e.aliases },
        })),
      });
      await run('seed.legalProvisions', mergeShared('LegalProvision'), {
        rows: catalogue.legalProvisions.map((e) => ({
          key: e.key,
          source: e.source,
          props: { instrumentKey: e.instrumentKey, kind: e.kind, number: e.number, subsection: e.subsection, title: e.title, ...linksOf(e), description: e.description },
        })),
      });
      await run('seed.toolkitItems', mergeShared('ToolkitItem'), {
        rows: catalogue.toolkitItems.map((e) => ({ key: e.key, source: e.source, props: { kind: e.kind, title: e.title, description: e.description, url: nullable(e.url) } })),
      });
      await run('seed.organisations', mergeShared('Organisation'), {
        rows: catalogue.organisations.map((e) => ({ key: e.key, source: e.source, props: { kind: e.kind, name: e.name, url: e.url, description: e.description } })),
      });
      await run('seed.bodies', mergeShared('Body'), {
        rows: catalogue.bodies.map((e) => ({ key: e.key, source: e.source, props: { name: e.name, pluralName: e.pluralName, description: e.description, isGroup: e.isGroup } })),
      });
      await run('seed.themes', mergeShared('Theme'), {
        rows: catalogue.themes.map((e) => ({ key: e.key, source: e.source, props: { title: e.title, description: e.description, order: e.order } })),
      });
      await run('seed.partOf', LINK_PROVISIONS_TO_ACTS);
      await run('seed.bodyGroups', LINK_BODIES, { rows: catalogue.bodies });
      await run('seed.instrumentLinks', LINK_INSTRUMENTS, { rows: catalogue.instrumentLinks });
      await run('seed.bindings', LINK_BINDINGS, { rows: catalogue.bindings.map((e) => ({ ...e, note: nullable(e.note) })) });
      await run('seed.related', LINK_RELATED, { rows: catalogue.relations.map((r) => ({ ...r, note: nullable(r.note) })) });
      await run('seed.revisions', MERGE_REVISIONS, {
        instrument: code.instrumentKey,
        rows: catalogue.revisions.map((e) => ({
          key: e.key,
          source: e.source,
          laidOn: e.laidOn,
          inForceFrom: e.inForceFrom,
          inForceUntil: e.inForceUntil,
          withdrawnOn: e.withdrawnOn,
          props: { status: e.status, title: e.title, published: e.published, hasText: e.hasText, evidence: e.evidence, reviewIntervalYears: nullable(e.reviewIntervalYears) },
        })),
      });
      await run('seed.supersedes', LINK_SUPERSEDES, { rows: catalogue.revisions.filter((e) => e.supersedes !== null) });

      if (replaceTree) await run('seed.removeRevisionTree', REMOVE_REVISION_TREE, { revision, labels: [...REVISION_OWNED_LABELS] });
      const base = { revision, file };
      await run('seed.headings', CREATE_HEADINGS, {
        ...base,
        rows: code.headings.map((h) => ({ key: h.key, title: h.title, order: h.order, text: h.text, location: `heading "${h.title}", line ${h.line}` })),
      });
      await run('seed.provisions', CREATE_PROVISIONS, {
        ...base,
        rows: code.provisions.map((p) => ({
          ...p,
          lineage: seededLineage('provision', revision, p.key),
          location: `${p.kind === 'CLAUSE' ? 'clause' : p.kind === 'PRINCIPLE' ? 'principle' : 'standard'} ${p.key}, line ${p.line}`,
        })),
      });
      await run('seed.terms', CREATE_TERMS, {
        ...base,
        rows: code.terms.map((t) => ({
          ...t,
          heading: code.headings.find((h) => h.terms.includes(t.key))?.key ?? '',
          location: `glossary, "${t.term}", line ${t.line}`,
        })),
      });
      await run('seed.footnotes', CREATE_FOOTNOTES, { ...base, rows: code.footnotes.map((f) => ({ ...f, location: `footnote ${f.number}, line ${f.line}` })) });
      await run('seed.obligations', CREATE_OBLIGATIONS, {
        ...base,
        rows: code.obligations.map((o) => ({ ...o, lineage: seededLineage('obligation', revision, o.key), location: `${o.provision}, line ${o.line}` })),
      });
      await run('seed.themes.groups', LINK_THEMES, { rows: catalogue.themes });
      await run('seed.citedDuties', LINK_CITED_DUTIES, { ...base, rows: code.citedDuties });
      for (const fromLabel of CITING_LABELS) {
        for (const label of CITABLE_LABELS) {
          const rows = code.citations.filter((c) => c.fromLabel === fromLabel && c.toLabel === label);
          await run(`seed.cites.${fromLabel}.${label}`, createCitations(fromLabel, label), { ...base, rows });
        }
      }
      await run('seed.graphLoad', STAMP_GRAPH_LOAD, { loadedAt: new Date().toISOString() });
      return statements;
    },
    timeoutMs,
  );
}
