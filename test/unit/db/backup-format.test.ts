import { describe, expect, it } from 'vitest';
import { BackupFormatError, buildBackup, parseBackup, serialiseBackup } from '../../../db/backup-format.ts';
import { hashRevision, type DumpedNode, type GraphDump } from '../../../db/graph-listing.ts';

/** A small graph: a revision with one clause, a shared body, a theme, and an audit event. */
function graph(refs: (name: string) => string = (name) => name): GraphDump {
  return {
    nodes: [
      { ref: refs('rev'), labels: ['Revision'], properties: { key: '2024-09-01', inForceFrom: { $date: '2024-09-01' }, published: true } },
      { ref: refs('clause'), labels: ['Provision', 'Clause'], properties: { uid: '2024-09-01|1.53', key: '1.53', revision: '2024-09-01', order: 53, text: 'must' } },
      { ref: refs('body'), labels: ['Body'], properties: { key: 'provider', name: 'Provider' } },
      { ref: refs('theme'), labels: ['Theme'], properties: { key: 'ethics', order: 1 } },
      { ref: refs('event'), labels: ['AuditEvent'], properties: { sequence: { $int: '1' }, targetRevision: '2024-09-01', hash: 'abc' } },
    ],
    relationships: [
      { type: 'CONTAINS', from: refs('rev'), to: refs('clause'), properties: { order: 53 } },
      { type: 'ADDRESSES', from: refs('clause'), to: refs('body'), properties: {} },
      { type: 'GROUPS', from: refs('theme'), to: refs('clause'), properties: {} },
    ],
  };
}

/** The same graph read with other element ids and in another order. */
function shuffled(): GraphDump {
  const g = graph((name) => `4:db:${name.length * 7}${name}`);
  return { nodes: [...g.nodes].reverse(), relationships: [...g.relationships].reverse() };
}

const CREATED = '2026-12-01T09:00:00.000Z';

describe('the backup file (db/backup-format.ts)', () => {
  it('is the same bytes for the same graph, whatever Neo4j\'s ids and the order rows came in', () => {
    expect(serialiseBackup(buildBackup(shuffled(), CREATED))).toBe(serialiseBackup(buildBackup(graph(), CREATED)));
  });

  it('writes the header on the first line, then one node or relationship per line', () => {
    const text = serialiseBackup(buildBackup(graph(), CREATED));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(
      /^\{"format":"care-code-graph-backup","version":1,"createdAt":"2026-12-01T09:00:00.000Z","counts":\{"labels":\{"AuditEvent":1,"Body":1,"Clause":1,"Provision":1,"Revision":1,"Theme":1\},"nodes":5,"relationshipTypes":\{"ADDRESSES":1,"CONTAINS":1,"GROUPS":1\},"relationships":3\},"revisionHashes":\{"2024-09-01":"[0-9a-f]{64}"\},"contentHash":"[0-9a-f]{64}",$/,
    );
    expect(lines.slice(1)).toEqual([
      '"nodes":[',
      '{"id":0,"labels":["AuditEvent"],"properties":{"hash":"abc","sequence":{"$int":"1"},"targetRevision":"2024-09-01"}},',
      '{"id":1,"labels":["Body"],"properties":{"key":"provider","name":"Provider"}},',
      '{"id":2,"labels":["Clause","Provision"],"properties":{"key":"1.53","order":53,"revision":"2024-09-01","text":"must","uid":"2024-09-01|1.53"}},',
      '{"id":3,"labels":["Revision"],"properties":{"inForceFrom":{"$date":"2024-09-01"},"key":"2024-09-01","published":true}},',
      '{"id":4,"labels":["Theme"],"properties":{"key":"ethics","order":1}}',
      '],',
      '"relationships":[',
      '{"from":2,"properties":{},"to":1,"type":"ADDRESSES"},',
      '{"from":3,"properties":{"order":53},"to":2,"type":"CONTAINS"},',
      '{"from":4,"properties":{},"to":2,"type":"GROUPS"}',
      ']}',
      '',
    ]);
    expect(JSON.parse(text)).toMatchObject({ format: 'care-code-graph-backup', version: 1 });
  });

  it('reads back exactly what it wrote', () => {
    const backup = buildBackup(graph(), CREATED);
    expect(parseBackup(serialiseBackup(backup), 'b.json')).toEqual(backup);
  });

  it('tells apart nodes with the same labels and properties by their relationships', () => {
    const twins = (order: 'ab' | 'ba'): GraphDump => {
      const nodes: DumpedNode[] = [
        { ref: 'a', labels: ['Note'], properties: {} },
        { ref: 'b', labels: ['Note'], properties: {} },
        { ref: 'body', labels: ['Body'], properties: { key: 'provider' } },
      ];
      return { nodes: order === 'ab' ? nodes : [nodes[1]!, nodes[0]!, nodes[2]!], relationships: [{ type: 'ABOUT', from: 'b', to: 'body', properties: {} }] };
    };
    expect(serialiseBackup(buildBackup(twins('ba'), CREATED))).toBe(serialiseBackup(buildBackup(twins('ab'), CREATED)));
  });

  it('refuses a file that is not a backup, of another format or of another version, in one sentence', () => {
    expect(() => parseBackup('nope', 'x.json')).toThrow(BackupFormatError);
    expect(() => parseBackup('nope', 'x.json')).toThrow(/^x\.json is not a backup of care-code-graph: it is not JSON \(.*\)\. Make one with npm run backup -- <file>; a backup begins \{"format":"care-code-graph-backup","version":1,/);
    expect(() => parseBackup('{"format":"neo4j-admin-dump"}', 'x.json')).toThrow(
      /^x\.json is not a backup of care-code-graph: its "format" is "neo4j-admin-dump", not "care-code-graph-backup"\. Make one with npm run backup/,
    );
    expect(() => parseBackup('{"format":"care-code-graph-backup","version":2}', 'x.json')).toThrow(
      'x.json is a care-code-graph backup of version 2; this release reads version 1 only. Restore it with the release that made it, or make a new backup with this one.',
    );
  });

  it('refuses a backup that was edited or damaged, before anything is written', () => {
    const text = serialiseBackup(buildBackup(graph(), CREATED));
    expect(() => parseBackup(text.replace('"name":"Provider"', '"name":"Providers"'), 'x.json')).toThrow(
      'x.json is damaged or was edited: its nodes and relationships do not match the content hash its header records. Restore from another backup.',
    );
    expect(() => parseBackup(text.replace('{"id":4,', '{"id":7,'), 'x.json')).toThrow(/^x\.json is not a well-formed backup: nodes\[4\] is not a node such as/);
    expect(() => parseBackup(text.replace('"order":53,"revision"', '"order":{"$int":"5.3"},"revision"'), 'x.json')).toThrow(
      'x.json is not a well-formed backup: nodes[2].order: $int takes a 64-bit integer as text, such as {"$int": "42"}.',
    );
    expect(() => parseBackup(text.replace('"to":1,"type":"ADDRESSES"', '"to":9,"type":"ADDRESSES"'), 'x.json')).toThrow(/relationships\[0\] is not a relationship between two of the nodes/);
  });
});

describe('the hash of a revision (db/graph-listing.ts)', () => {
  const hash = (g: GraphDump): string | null => hashRevision(g, '2024-09-01');

  it('does not depend on Neo4j\'s ids or the order rows came in', () => {
    expect(hash(shuffled())).toBe(hash(graph()));
    expect(hash(graph())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with any property of the revision or of a node it owns, and with any of its links', () => {
    const base = hash(graph());
    const edit = (change: (g: GraphDump) => void): string | null => {
      const g = graph();
      change(g);
      return hash(g);
    };
    expect(edit((g) => (g.nodes[1]!.properties['text'] = 'should'))).not.toBe(base);
    expect(edit((g) => (g.nodes[1]!.properties['order'] = { $int: '53' }))).not.toBe(base);
    expect(edit((g) => (g.nodes[0]!.properties['published'] = false))).not.toBe(base);
    expect(edit((g) => (g.nodes[1]!.labels = ['Provision', 'Standard']))).not.toBe(base);
    expect(edit((g) => g.relationships.pop())).not.toBe(base);
    expect(edit((g) => (g.relationships[0]!.properties['order'] = 54))).not.toBe(base);
  });

  it('is unchanged by the audit, by shared nodes\' own properties and by a draft copied from it', () => {
    const base = hash(graph());
    const edit = (change: (g: GraphDump) => void): string | null => {
      const g = graph();
      change(g);
      return hash(g);
    };
    expect(edit((g) => g.nodes.push({ ref: 'event2', labels: ['AuditEvent'], properties: { targetRevision: '2024-09-01', sequence: { $int: '2' } } }))).toBe(base);
    expect(edit((g) => (g.nodes[2]!.properties['name'] = 'Service provider'))).toBe(base);
    expect(
      edit((g) => {
        g.nodes.push({ ref: 'draft', labels: ['Revision'], properties: { key: 'draft-2026' } });
        g.relationships.push({ type: 'COPIED_FROM', from: 'draft', to: 'rev', properties: {} });
      }),
    ).toBe(base);
  });

  it('is null for a revision the graph does not hold', () => {
    expect(hashRevision(graph(), 'draft-2026')).toBeNull();
  });
});
