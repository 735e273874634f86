import { describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../../loaders/global-id.ts';

describe('global ids', () => {
  it('are base64 of the type and the key or uid', () => {
    expect(toGlobalId('Obligation', '2024-09-01|S8/3')).toBe(Buffer.from('Obligation:2024-09-01|S8/3').toString('base64'));
  });

  it('decode back to the type and key', () => {
    expect(fromGlobalId(toGlobalId('LegalProvision', 'anaw/2014/4/section/145'))).toEqual({ type: 'LegalProvision', key: 'anaw/2014/4/section/145' });
  });

  it('name source documents by their key', () => {
    expect(fromGlobalId(toGlobalId('SourceDocument', 'em-2024'))).toEqual({ type: 'SourceDocument', key: 'em-2024' });
  });

  it('are refused when they name a type the API does not have', () => {
    expect(fromGlobalId(Buffer.from('User:1').toString('base64'))).toBeNull();
  });

  it('are refused when they are not base64, or have no key', () => {
    expect(fromGlobalId('S8/3')).toBeNull();
    expect(fromGlobalId(Buffer.from('Body:').toString('base64'))).toBeNull();
    expect(fromGlobalId(Buffer.from('Body').toString('base64'))).toBeNull();
  });
});
