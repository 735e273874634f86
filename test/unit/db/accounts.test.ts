import { describe, expect, it } from 'vitest';
import { AccountError, checkUsername, parseRoles } from '../../../db/accounts.ts';

describe('checkUsername and parseRoles', () => {
  it('lower-cases a username and refuses one that is not a plain name, with an example', () => {
    expect(checkUsername(' Ann.Jones ')).toBe('ann.jones');
    expect(() => checkUsername('ann jones')).toThrowError(new AccountError('A username is 2 to 64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit, such as "ann.jones"; got "ann jones"'));
  });

  it('reads roles in the order of ROLES and names the valid ones for an unknown role', () => {
    expect(parseRoles('publisher, Editor')).toEqual(['editor', 'publisher']);
    expect(parseRoles('')).toEqual([]);
    expect(() => parseRoles('editor,boss,admin')).toThrowError('Unknown roles "boss", "admin": the roles are editor, reviewer, publisher, such as --roles editor,reviewer');
  });
});
