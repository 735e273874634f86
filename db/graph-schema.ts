/**
 * The graph's constraints and indexes (docs/graph-model.md, "Constraints and indexes"), and
 * the check that they are all there and online. The service ensures them at start
 * (SCHEMA_ON_START=create, idempotent) or refuses to start naming what is missing
 * (SCHEMA_ON_START=check, for a user who may not change the schema); /ready reports not
 * ready while any is missing or still populating; the seed ensures them before it writes.
 */
import type { SchemaOnStart } from '../core/config.ts';
import { driverCodeOf, type QueryRunner } from './run-query.ts';

/** Labels of nodes shared by all revisions, unique by key. */
const SHARED_LABELS = ['SourceDocument', 'Instrument', 'LegalProvision', 'ToolkitItem', 'Organisation', 'Body', 'Theme', 'Revision'] as const;
/** Labels of nodes owned by one revision: unique by uid (`<revision>|<key>`), looked up by key and revision. */
const OWNED_LABELS = ['Heading', 'Provision', 'Clause', 'Principle', 'Standard', 'Obligation', 'Term', 'Footnote'] as const;

export interface SchemaItem {
  name: string;
  kind: 'CONSTRAINT' | 'INDEX';
  /** Idempotent: `IF NOT EXISTS`. */
  statement: string;
  /** For a full-text index, what it must index and how: an index of that name built otherwise is outdated. */
  fullText?: FullTextDefinition;
}

/** What a full-text index indexes, and the Lucene analyzer that reads the text. */
export interface FullTextDefinition {
  labels: readonly string[];
  properties: readonly string[];
  analyzer: string;
}

const constraint = (name: string, body: string): SchemaItem => ({ name, kind: 'CONSTRAINT', statement: `CREATE CONSTRAINT ${name} IF NOT EXISTS ${body}` });
const index = (name: string, body: string, type = ''): SchemaItem => ({ name, kind: 'INDEX', statement: `CREATE ${type}INDEX ${name} IF NOT EXISTS ${body}` });
const fullTextIndex = (name: string, fullText: FullTextDefinition): SchemaItem => ({
  name,
  kind: 'INDEX',
  statement:
    `CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR (n:${fullText.labels.join('|')}) ON EACH [${fullText.properties.map((p) => `n.${p}`).join(', ')}] ` +
    `OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${fullText.analyzer}'}}`,
  fullText,
});

export const GRAPH_SCHEMA: readonly SchemaItem[] = [
  ...SHARED_LABELS.map((label) => constraint(`${label.toLowerCase()}_key`, `FOR (n:${label}) REQUIRE n.key IS UNIQUE`)),
  ...OWNED_LABELS.flatMap((label) => [
    constraint(`${label.toLowerCase()}_uid`, `FOR (n:${label}) REQUIRE n.uid IS UNIQUE`),
    index(`${label.toLowerCase()}_key`, `FOR (n:${label}) ON (n.key)`),
    index(`${label.toLowerCase()}_revision`, `FOR (n:${label}) ON (n.revision)`),
  ]),
  index('obligation_modality', 'FOR (n:Obligation) ON (n.modality)'),
  index('obligation_force', 'FOR (n:Obligation) ON (n.force)'),
  index('obligation_order', 'FOR (n:Obligation) ON (n.order)'),
  // An obligation and a provision keep their lineage id across revisions (domain/lineage.ts).
  index('obligation_lineage', 'FOR (n:Obligation) ON (n.lineage)'),
  index('provision_lineage', 'FOR (n:Provision) ON (n.lineage)'),
  index('instrument_kind', 'FOR (n:Instrument) ON (n.kind)'),
  // Sign-in (db/accounts.ts, db/signing-keys.ts): one account per username, one key per slot.
  constraint('account_username', 'FOR (n:Account) REQUIRE n.username IS UNIQUE'),
  constraint('account_subject', 'FOR (n:Account) REQUIRE n.subject IS UNIQUE'),
  constraint('signingkey_slot', 'FOR (n:SigningKey) REQUIRE n.slot IS UNIQUE'),
  // The audit trail (editing/audit.ts): one head that serialises appends, one event per sequence number, read by revision.
  constraint('audithead_key', 'FOR (n:AuditHead) REQUIRE n.key IS UNIQUE'),
  constraint('auditevent_sequence', 'FOR (n:AuditEvent) REQUIRE n.sequence IS UNIQUE'),
  // The public events of revisions (published, laid, in force, withdrawn), numbered for the changes feed.
  constraint('revisioneventhead_key', 'FOR (n:RevisionEventHead) REQUIRE n.key IS UNIQUE'),
  constraint('revisionevent_sequence', 'FOR (n:RevisionEvent) REQUIRE n.sequence IS UNIQUE'),
  index('revisionevent_revisionkey', 'FOR (n:RevisionEvent) ON (n.revisionKey)'),
  constraint('reviewcomment_id', 'FOR (n:ReviewComment) REQUIRE n.id IS UNIQUE'),
  index('auditevent_targetrevision', 'FOR (n:AuditEvent) ON (n.targetRevision)'),
  index('sourcedocument_file', 'FOR (n:SourceDocument) ON (n.file)'),
  // Full-text indexes read English: words are stemmed ("fees" is "fee") and the commonest left
  // out (docs/architecture.md, "Searching words"; domain/full-text-query.ts). Neo4j allows one
  // full-text index per set of labels and properties, so there is no second, unstemmed copy.
  fullTextIndex('obligationText', { labels: ['Obligation'], properties: ['text'], analyzer: 'english' }),
  fullTextIndex('provisionText', { labels: ['Clause', 'Principle', 'Standard'], properties: ['text', 'title'], analyzer: 'english' }),
  fullTextIndex('searchText', {
    labels: ['Obligation', 'Clause', 'Principle', 'Standard', 'Term', 'Instrument', 'ToolkitItem'],
    properties: ['text', 'title', 'term', 'definition', 'description'],
    analyzer: 'english',
  }),
  // Topics (loaders/topic.ts): the titles of headings and provisions.
  fullTextIndex('titleText', { labels: ['Heading', 'Clause', 'Principle', 'Standard'], properties: ['title'], analyzer: 'english' }),
];

export interface SchemaState {
  /** Names of constraints and indexes the graph lacks. */
  missing: string[];
  /** Names of indexes that exist but are not yet online (populating, or failed). */
  notOnline: string[];
  /**
   * Names of full-text indexes that exist but are built otherwise than GRAPH_SCHEMA says (another
   * analyzer, labels or properties: a database from before the indexes read English). Creating
   * the schema drops and rebuilds them.
   */
  outdated: string[];
}

export const schemaIsReady = (state: SchemaState): boolean => state.missing.length === 0 && state.notOnline.length === 0 && state.outdated.length === 0;

const SHOW_SCHEMA = `
SHOW INDEXES YIELD name, state, labelsOrTypes, properties, options
RETURN collect({name: name, state: state, labels: labelsOrTypes, properties: properties, analyzer: options.indexConfig['fulltext.analyzer']}) AS indexes`;

interface IndexRow {
  name: string;
  state: string;
  labels: string[] | null;
  properties: string[] | null;
  analyzer: string | null;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** True when the index is built as `wanted` says (same labels and properties in any order, same analyzer). */
const builtAs = (row: IndexRow, wanted: FullTextDefinition): boolean =>
  sameSet(row.labels ?? [], wanted.labels) && sameSet(row.properties ?? [], wanted.properties) && row.analyzer === wanted.analyzer;
const SHOW_CONSTRAINTS = 'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS constraints';

/** Which of GRAPH_SCHEMA the database lacks, and which of its indexes are not online yet. */
export async function readSchemaState(runner: QueryRunner): Promise<SchemaState> {
  const [indexRow] = await runner.read<{ indexes: IndexRow[] }>('schema.indexes', SHOW_SCHEMA);
  const [constraintRow] = await runner.read<{ constraints: string[] }>('schema.constraints', SHOW_CONSTRAINTS);
  const rows = new Map((indexRow?.indexes ?? []).map((i) => [i.name, i]));
  const indexes = new Map([...rows].map(([name, row]) => [name, row.state]));
  const constraints = new Set(constraintRow?.constraints ?? []);
  const missing = GRAPH_SCHEMA.filter((item) => (item.kind === 'CONSTRAINT' ? !constraints.has(item.name) : !indexes.has(item.name))).map((item) => item.name);
  // A constraint's own index carries the constraint's name.
  const notOnline = GRAPH_SCHEMA.filter((item) => indexes.has(item.name) && indexes.get(item.name) !== 'ONLINE').map((item) => item.name);
  const outdated = GRAPH_SCHEMA.filter((item) => {
    const row = rows.get(item.name);
    return item.fullText !== undefined && row !== undefined && !builtAs(row, item.fullText);
  }).map((item) => item.name);
  return { missing, notOnline, outdated };
}

/** The schema is missing and this service may not, or was told not to, create it. */
export class SchemaError extends Error {
  override name = 'SchemaError';
}

const listed = (names: readonly string[]): string => (names.length <= 8 ? names.join(', ') : `${names.slice(0, 8).join(', ')} and ${names.length - 8} more`);

/**
 * Makes sure every constraint and index exists as GRAPH_SCHEMA declares it: creates the missing
 * ones and drops and rebuilds the outdated full-text indexes (`create`), or refuses with a
 * sentence naming them (`check`, or a user without schema rights). Returns the state after, in
 * which indexes may still be populating.
 */
export async function ensureGraphSchema(runner: QueryRunner, mode: SchemaOnStart): Promise<SchemaState> {
  const before = await readSchemaState(runner);
  if (before.missing.length === 0 && before.outdated.length === 0) return before;
  const lacks = [
    ...(before.missing.length === 0 ? [] : [`lacks ${before.missing.length} of its constraints and indexes (${listed(before.missing)})`]),
    ...(before.outdated.length === 0 ? [] : [`has ${before.outdated.length} full-text ${before.outdated.length === 1 ? 'index' : 'indexes'} built otherwise than it should be (${listed(before.outdated)}: another analyzer, labels or properties)`]),
  ].join(' and ');
  const change = before.outdated.length === 0 ? 'creating' : 'changing';
  if (mode === 'check') {
    throw new SchemaError(
      `The graph ${lacks}, and SCHEMA_ON_START=check forbids ${change} them. ` +
        'Start once with SCHEMA_ON_START=create as a user who may change the schema (or npm run seed), then start again.',
    );
  }
  const statements = [
    ...before.outdated.map((name) => `DROP INDEX ${name} IF EXISTS`),
    ...GRAPH_SCHEMA.filter((i) => before.missing.includes(i.name) || before.outdated.includes(i.name)).map((item) => item.statement),
  ];
  for (const statement of statements) {
    try {
      await runner.write('schema.create', statement);
    } catch (error) {
      const forbidden = driverCodeOf(error)?.startsWith('Neo.ClientError.Security.') === true;
      throw new SchemaError(
        `The graph ${lacks} and they could not be ${before.outdated.length === 0 ? 'created' : 'changed'}` +
          (forbidden ? ': this database user may not change the schema' : '') +
          '. Ask an administrator to run npm run seed (or start the service once) as a user who may, or start with SCHEMA_ON_START=check to be told only.',
      );
    }
  }
  return readSchemaState(runner);
}
