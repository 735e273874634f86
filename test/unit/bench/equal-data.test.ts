import { describe, expect, it } from 'vitest';
import { firstDifference } from '../../../bench/equal-data.ts';
import { workloads } from '../../../bench/workloads.ts';

describe("the benchmark's equal-data check", () => {
  it('names the path of the first difference, or none', () => {
    expect(firstDifference({ a: [1, { k: 'x' }] }, { a: [1, { k: 'x' }] })).toBeNull();
    expect(firstDifference({ a: [1, { k: 'x' }] }, { a: [1, { k: 'y' }] })).toBe('$.a[1].k: ours "x", the peer "y"');
    expect(firstDifference([1, 2, 3], [1, 2])).toBe('$: ours has 3 items, the peer 2');
    expect(firstDifference({ totalCount: 4 }, { totalCount: 4, extra: true })).toBe('$.extra: ours undefined, the peer true');
  });

  it('gives every workload a peer request for each of ours, and the mix the requests of its parts', () => {
    const all = workloads('2024-09-01');
    for (const workload of all) expect(workload.peer.graphql.length).toBe(workload.graphql.length);
    const mix = all.find((w) => w.name.startsWith('mix'));
    expect(mix?.peer.graphql.length).toBe(5);
  });

  it('reads the same comparable data from our search and from the peer merged by type', () => {
    const search = workloads('2024-09-01').find((w) => w.name === 'full-text search');
    const compare = search?.peer.comparable[0];
    const ours = { search: { totalCount: 2, nodes: [{ kind: 'CLAUSE', score: 3, item: { key: '1.53' } }, { kind: 'OBLIGATION', score: 2, item: { key: '1.53/1' } }] } };
    const peer = {
      obligationsSearch: { totalCount: 1, edges: [{ score: 2, node: { key: '1.53/1' } }] },
      provisionsSearch: { totalCount: 1, edges: [{ score: 3, node: { key: '1.53', kind: 'CLAUSE' } }] },
      termsSearch: { totalCount: 0, edges: [] },
      instrumentsSearch: { totalCount: 0, edges: [] },
      toolkitItemsSearch: { totalCount: 0, edges: [] },
    };
    expect(compare?.ours(ours)).toEqual(compare?.peer(peer));
    expect(compare?.peer(peer)).toEqual({ totalCount: 2, hits: [{ kind: 'CLAUSE', key: '1.53', score: 3 }, { kind: 'OBLIGATION', key: '1.53/1', score: 2 }] });
  });
});
