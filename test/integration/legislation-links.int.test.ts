/**
 * Links for every piece of legislation (domain/legislation-links.ts) and how current the graph
 * is (schema/currency.graphql), over the seeded graph: every Instrument and LegalProvision node
 * whose key is a legislation.gov.uk identifier holds the one canonical `url` and `uri`, the API
 * gives the same, `legislation(level: PRIMARY)` lists Acts and the Measure together, and the
 * service info says when the graph was loaded and which revision is in force and due for review.
 */
import { describe, expect, it } from 'vitest';
import { QueryRunner } from '../../db/run-query.ts';
import { legislationLinks } from '../../domain/legislation-links.ts';
import { isReviewOverdue } from '../../domain/legal-events.ts';
import { todayInWales } from '../../domain/revision-in-force.ts';
import { dataOf, useSeededServer } from '../support/seeded.ts';

const server = useSeededServer();

interface LinkedNode {
  label: string;
  key: string;
  url: string | null;
  uri: string | null;
}

const PRIMARY = ['anaw/2014/4', 'ukpga/2006/42', 'anaw/2016/2', 'ukpga/2010/15', 'ukpga/1998/42', 'anaw/2015/2', 'ukpga/2004/31', 'anaw/2016/3', 'asc/2023/1', 'mwa/2011/1'];

describe('the links of every legislation node in the graph', () => {
  it('are the one canonical form for every Instrument and LegalProvision whose key is a legislation.gov.uk identifier, and absent from the rest', async () => {
    const nodes = await new QueryRunner(server.db).read<LinkedNode & Record<string, unknown>>(
      'test.legislationLinks',
      `MATCH (n) WHERE n:Instrument OR n:LegalProvision
       RETURN CASE WHEN n:Instrument THEN 'Instrument' ELSE 'LegalProvision' END AS label, n.key AS key, n.url AS url, n.uri AS uri
       ORDER BY label, key`,
    );
    const legislation = nodes.filter((node) => legislationLinks(node.key) !== null);
    expect(legislation.map((node) => node.label)).toEqual([...Array<string>(12).fill('Instrument'), ...Array<string>(28).fill('LegalProvision')]);
    for (const node of legislation) {
      expect(node).toEqual({ label: node.label, key: node.key, url: `https://www.legislation.gov.uk/${node.key}`, uri: `http://www.legislation.gov.uk/id/${node.key}` });
    }
    const others = nodes.filter((node) => legislationLinks(node.key) === null);
    expect(others.every((node) => node.uri === null && node.label === 'Instrument')).toBe(true);
    expect(others.some((node) => node.url?.includes('legislation.gov.uk') === true)).toBe(false);
  });

  it('are what the API gives for every instrument and every section or regulation', async () => {
    const { instruments } = await dataOf<{ instruments: { totalCount: number; nodes: { key: string; url: string | null; uri: string | null; legislationLevel: string | null; provisions: { key: string; url: string; uri: string }[] }[] } }>(
      server,
      '{ instruments(first: 100) { totalCount nodes { key url uri legislationLevel provisions { key url uri } } } }',
    );
    expect(instruments.nodes).toHaveLength(instruments.totalCount);
    const legislation = instruments.nodes.filter((node) => node.uri !== null);
    expect(legislation.map((node) => `${node.key} ${node.legislationLevel ?? ''}`).sort()).toEqual(
      [...PRIMARY.map((key) => `${key} PRIMARY`), 'wsi/2011/1064 SECONDARY', 'wsi/2021/295 SECONDARY'].sort(),
    );
    const provisions = instruments.nodes.flatMap((node) => node.provisions);
    expect(provisions).toHaveLength(28);
    for (const node of [...legislation, ...provisions]) {
      expect([node.key, node.url, node.uri]).toEqual([node.key, `https://www.legislation.gov.uk/${node.key}`, `http://www.legislation.gov.uk/id/${node.key}`]);
    }
    expect(instruments.nodes.filter((node) => node.uri === null).every((node) => node.legislationLevel === null)).toBe(true);
  });

  it('lists all primary legislation, the Welsh Language (Wales) Measure 2011 among the Acts, and the regulations apart', async () => {
    const data = await dataOf<{ primary: { totalCount: number; nodes: { key: string; kind: string; url: string }[] }; secondary: { nodes: { key: string }[] }; acts: { nodes: { key: string }[] } }>(
      server,
      `{ primary: legislation(level: PRIMARY, first: 100) { totalCount nodes { key kind url } }
         secondary: legislation(level: SECONDARY) { nodes { key } }
         acts: instruments(kind: ACT, first: 100) { nodes { key } } }`,
    );
    expect(data.primary.totalCount).toBe(10);
    expect(new Set(data.primary.nodes.map((node) => node.key))).toEqual(new Set(PRIMARY));
    expect(data.primary.nodes.find((node) => node.key === 'mwa/2011/1')).toEqual({ key: 'mwa/2011/1', kind: 'WELSH_MEASURE', url: 'https://www.legislation.gov.uk/mwa/2011/1' });
    expect(data.acts.nodes.map((node) => node.key)).not.toContain('mwa/2011/1');
    expect(data.secondary.nodes.map((node) => node.key)).toEqual(['wsi/2011/1064', 'wsi/2021/295']);
  });

  it('gives the four Acts and the Measure that had none their links', async () => {
    const data = await dataOf<Record<string, { url: string; uri: string }>>(
      server,
      `{ a: instrument(key: "ukpga/2004/31") { url uri } b: instrument(key: "anaw/2016/3") { url uri } c: instrument(key: "anaw/2016/2") { url uri }
         d: instrument(key: "asc/2023/1") { url uri } e: instrument(key: "mwa/2011/1") { url uri } }`,
    );
    expect(Object.values(data)).toEqual(
      ['ukpga/2004/31', 'anaw/2016/3', 'anaw/2016/2', 'asc/2023/1', 'mwa/2011/1'].map((key) => ({ url: `https://www.legislation.gov.uk/${key}`, uri: `http://www.legislation.gov.uk/id/${key}` })),
    );
  });
});

describe('how current the graph is', () => {
  it('says when the graph was loaded, on the service info and on every revision, as the seed stamped it', async () => {
    const [stamp] = await new QueryRunner(server.db).read<{ loadedAt: string }>('test.graphLoad', "MATCH (g:GraphLoad {key: 'graph'}) RETURN g.loadedAt AS loadedAt");
    const data = await dataOf<{ service: { graphLoadedAt: string }; revisions: { key: string; graphLoadedAt: string }[] }>(server, '{ service { graphLoadedAt } revisions { key graphLoadedAt } }');
    expect(stamp?.loadedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.now() - Date.parse(stamp?.loadedAt ?? '')).toBeLessThan(10 * 60_000);
    expect(data).toEqual({
      service: { graphLoadedAt: stamp?.loadedAt },
      revisions: [
        { key: '2024-09-01', graphLoadedAt: stamp?.loadedAt },
        { key: 'draft-2024-03-19', graphLoadedAt: stamp?.loadedAt },
      ],
    });
  });

  it('says which revision is in force today and that its review falls due on 2026-09-01', async () => {
    const data = await dataOf<{ service: Record<string, unknown> }>(server, '{ service { revisionInForce { key reviewDue reviewOverdue } reviewDue reviewOverdue } }');
    const overdue = isReviewOverdue('2026-09-01', todayInWales());
    expect(data).toEqual({
      service: { revisionInForce: { key: '2024-09-01', reviewDue: '2026-09-01', reviewOverdue: overdue }, reviewDue: '2026-09-01', reviewOverdue: overdue },
    });
  });
});
