import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from '../../../core/canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts the keys of every object, however the object was built', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson({ a: { c: 'x', d: [3, { y: null, z: true }] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } }));
  });

  it('sorts keys by UTF-16 code units and writes strings and numbers as JSON.stringify does', () => {
    expect(canonicalJson({ é: 1, Z: 2, a: 3, '10': 4, '9': 5 })).toBe('{"10":4,"9":5,"Z":2,"a":3,"é":1}');
    expect(canonicalJson(['line\nbreak "quoted"', 1e21, 0.1, -0])).toBe('["line\\nbreak \\"quoted\\"",1e+21,0.1,0]');
  });

  it('leaves out undefined members and writes undefined as null, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([undefined])).toBe('[null]');
  });

  it('refuses what JSON cannot say exactly, naming where it is', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow(new CanonicalJsonError('$.a[1] is NaN, which JSON cannot say'));
    expect(() => canonicalJson({ f: () => 1 })).toThrow(new CanonicalJsonError('$.f is a function, which JSON cannot say'));
    expect(() => canonicalJson({ n: 1n })).toThrow(CanonicalJsonError);
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/nested more than 64 deep/);
  });
});
