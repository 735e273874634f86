import { describe, expect, it } from 'vitest';
import { rolesFromClaim, viewerFromClaims } from '../../../server/auth/viewer-from-claims.ts';

describe('viewerFromClaims', () => {
  it('names the viewer by sub, name, roles and iss (as the embedded provider and Entra ID send them)', () => {
    expect(viewerFromClaims({ sub: 's-1', name: 'Ann Jones', preferred_username: 'ann', roles: ['editor', 'reviewer'], iss: 'https://login.microsoftonline.com/t/v2.0' }, 'roles')).toEqual({
      subject: 's-1',
      name: 'Ann Jones',
      roles: ['editor', 'reviewer'],
      issuer: 'https://login.microsoftonline.com/t/v2.0',
    });
  });

  it('falls back from name to preferred_username to the subject', () => {
    expect(viewerFromClaims({ sub: 's-1', preferred_username: 'ann@example.org', iss: 'i' }, 'roles').name).toBe('ann@example.org');
    expect(viewerFromClaims({ sub: 's-1', name: '  ', iss: 'i' }, 'roles').name).toBe('s-1');
  });

  it('reads the roles from the configured claim: whole names first (Auth0), then dotted paths (Keycloak)', () => {
    expect(viewerFromClaims({ sub: 's', iss: 'i', 'https://code.example.org/roles': ['publisher'] }, 'https://code.example.org/roles').roles).toEqual(['publisher']);
    expect(viewerFromClaims({ sub: 's', iss: 'i', realm_access: { roles: ['offline_access', 'reviewer'] } }, 'realm_access.roles').roles).toEqual(['reviewer']);
    expect(viewerFromClaims({ sub: 's', iss: 'i', realm_access: ['reviewer'] }, 'realm_access.roles').roles).toEqual([]);
    expect(viewerFromClaims({ sub: 's', iss: 'i' }, 'roles').roles).toEqual([]);
  });
});

describe('rolesFromClaim', () => {
  it('keeps only the roles of ROLES, in their order, ignoring case, from a list or a string', () => {
    expect(rolesFromClaim(['Publisher', 'admin', 'editor', 'editor', 3])).toEqual(['editor', 'publisher']);
    expect(rolesFromClaim('reviewer editor,publisher')).toEqual(['editor', 'reviewer', 'publisher']);
    expect(rolesFromClaim({ editor: true })).toEqual([]);
    expect(rolesFromClaim(undefined)).toEqual([]);
  });
});
