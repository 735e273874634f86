/**
 * The seed report (seed/README.md, `--report`): what the graph holds after seeding, read back from
 * Neo4j (not from the reader's memory), so it shows what users will query.
 */
import type { QueryRunner } from '../db/run-query.ts';

export interface SeedReport {
  revision: string;
  labels: Record<string, number>;
  relationships: Record<string, number>;
  obligations: {
    total: number;
    byModality: Record<string, number>;
    byForce: Record<string, number>;
    byAddressee: Record<string, number>;
    byAppliesTo: Record<string, number>;
    byQualifier: Record<string, number>;
    fromOverrides: number;
  };
  /** Entries of seed/data/overrides.json applied (each changes one modal verb's reading). */
  overridesApplied: number;
  /** Modal verbs read as not obligations, with the reason, for review. */
  notObligations: { provision: string; trigger: string; because: string }[];
}

const LABEL_COUNTS = `
CALL db.labels() YIELD label
CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN count(n) AS count }
RETURN label, count ORDER BY label`;

const RELATIONSHIP_COUNTS = `
CALL db.relationshipTypes() YIELD relationshipType AS type
CALL (type) { MATCH ()-[r]->() WHERE type(r) = type RETURN count(r) AS count }
RETURN type, count ORDER BY type`;

const OBLIGATION_COUNTS = `
MATCH (o:Obligation {revision: $revision})
RETURN count(o) AS total,
       collect(o.modality) AS modalities,
       collect(o.force) AS forces,
       [q IN reduce(all = [], o2 IN collect(o.qualifiers) | all + o2)] AS qualifiers,
       size([x IN collect(o.fromOverride) WHERE x]) AS fromOverrides`;

const ADDRESSEE_COUNTS = `
MATCH (o:Obligation {revision: $revision})-[:ADDRESSES]->(b:Body)
RETURN b.key AS key, count(o) AS count ORDER BY key`;

const APPLIES_COUNTS = `
MATCH (o:Obligation {revision: $revision})-[:APPLIES_TO]->(b:Body)
RETURN b.key AS key, count(o) AS count ORDER BY key`;

const tally = (values: string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const value of [...values].sort()) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
};

/** Reads the counts of the seeded graph for one revision. */
export async function buildSeedReport(
  runner: QueryRunner,
  revision: string,
  notObligations: SeedReport['notObligations'],
  overridesApplied: number,
): Promise<SeedReport> {
  const labels = await runner.read<{ label: string; count: number }>('seed.report.labels', LABEL_COUNTS);
  const relationships = await runner.read<{ type: string; count: number }>('seed.report.relationships', RELATIONSHIP_COUNTS);
  const [counts] = await runner.read<{ total: number; modalities: string[]; forces: string[]; qualifiers: string[]; fromOverrides: number }>(
    'seed.report.obligations',
    OBLIGATION_COUNTS,
    { revision },
  );
  const addressees = await runner.read<{ key: string; count: number }>('seed.report.addressees', ADDRESSEE_COUNTS, { revision });
  const applies = await runner.read<{ key: string; count: number }>('seed.report.appliesTo', APPLIES_COUNTS, { revision });
  const byKey = (rows: { key: string; count: number }[]): Record<string, number> => Object.fromEntries(rows.map((row) => [row.key, row.count]));
  return {
    revision,
    labels: Object.fromEntries(labels.filter((row) => row.count > 0).map((row) => [row.label, row.count])),
    relationships: Object.fromEntries(relationships.filter((row) => row.count > 0).map((row) => [row.type, row.count])),
    obligations: {
      total: counts?.total ?? 0,
      byModality: tally(counts?.modalities ?? []),
      byForce: tally(counts?.forces ?? []),
      byAddressee: byKey(addressees),
      byAppliesTo: byKey(applies),
      byQualifier: tally(counts?.qualifiers ?? []),
      fromOverrides: counts?.fromOverrides ?? 0,
    },
    overridesApplied,
    notObligations,
  };
}

/** The report as text for the terminal. */
export function formatSeedReport(report: SeedReport): string {
  const table = (title: string, counts: Record<string, number>): string =>
    [`${title}:`, ...Object.entries(counts).map(([key, count]) => `  ${key.padEnd(28)} ${String(count).padStart(5)}`)].join('\n');
  return [
    `Seed report for revision ${report.revision}`,
    table('Nodes by label', report.labels),
    table('Relationships by type', report.relationships),
    `Obligations: ${report.obligations.total} (from overrides: ${report.obligations.fromOverrides}; overrides applied: ${report.overridesApplied})`,
    table('  by modality', report.obligations.byModality),
    table('  by force', report.obligations.byForce),
    table('  by addressee (named)', report.obligations.byAddressee),
    table('  by body bound (applies to)', report.obligations.byAppliesTo),
    table('  by qualifier', report.obligations.byQualifier),
    `Modal verbs read as not obligations: ${report.notObligations.length}`,
    ...report.notObligations.map((n) => `  ${n.provision.padEnd(6)} "${n.trigger}": ${n.because}`),
  ].join('\n');
}
