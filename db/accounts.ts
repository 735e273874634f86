/**
 * The embedded provider's accounts (README "Sign-in"): one `:Account` node per person, with a
 * username (unique: the `account_username` constraint of db/graph-schema.ts), a display name,
 * roles from ROLES (core/vocabulary.ts), a subject that is never reused, and a scrypt hash of
 * the password (db/password-hash.ts). Used by `npm run user`, by `npm run token`, and by the
 * embedded provider's sign-in page. With AUTH_ISSUER set, accounts live at that issuer instead.
 */
import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '../core/vocabulary.ts';
import { asProps, oneOfList, text } from './graph-values.ts';
import { hashPassword, UNMATCHABLE_HASH, verifyPassword } from './password-hash.ts';
import type { QueryRunner } from './run-query.ts';

export interface Account {
  /** The token's `sub`: a UUID given at creation, never reused, so the audit never confuses two people. */
  subject: string;
  /** What the person types to sign in: lower-case letters, digits, `.`, `_` and `-`. */
  username: string;
  displayName: string;
  roles: Role[];
  /** ISO date-time of creation. */
  createdAt: string;
}

/** A refusal of `npm run user` or of the account store, as one sentence for the person at the terminal. */
export class AccountError extends Error {
  override name = 'AccountError';
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** The username as stored, or an AccountError saying what a valid one looks like. */
export function checkUsername(name: string): string {
  const username = name.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new AccountError(`A username is 2 to 64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit, such as "ann.jones"; got "${name.slice(0, 60)}"`);
  }
  return username;
}

/** Roles from a comma-separated list such as "editor,reviewer", or an AccountError naming the valid ones. */
export function parseRoles(list: string): Role[] {
  const given = list.split(',').map((r) => r.trim().toLowerCase()).filter((r) => r !== '');
  const unknown = given.filter((r) => !ROLES.some((role) => role === r));
  if (unknown.length > 0) {
    throw new AccountError(`Unknown role${unknown.length === 1 ? '' : 's'} ${unknown.map((r) => `"${r.slice(0, 30)}"`).join(', ')}: the roles are ${ROLES.join(', ')}, such as --roles editor,reviewer`);
  }
  return ROLES.filter((role) => given.includes(role));
}

const RETURN_ACCOUNT = 'RETURN a {.subject, .username, .displayName, .roles, createdAt: toString(a.createdAt)} AS account';

const CREATE_ACCOUNT = `
MERGE (a:Account {username: $username})
ON CREATE SET a.subject = $subject, a.displayName = $displayName, a.roles = $roles, a.passwordHash = $passwordHash, a.createdAt = datetime()
WITH a, a.subject = $subject AS created
RETURN created, a {.subject, .username, .displayName, .roles, createdAt: toString(a.createdAt)} AS account`;

const LIST_ACCOUNTS = `MATCH (a:Account) ${RETURN_ACCOUNT} ORDER BY a.username`;
const ACCOUNT_BY_SUBJECT = `MATCH (a:Account {subject: $subject}) ${RETURN_ACCOUNT}`;
const ACCOUNT_BY_USERNAME = `MATCH (a:Account {username: $username}) ${RETURN_ACCOUNT}`;
const CREDENTIALS = `MATCH (a:Account {username: $username}) RETURN a.passwordHash AS passwordHash, a {.subject, .username, .displayName, .roles, createdAt: toString(a.createdAt)} AS account`;
const REMOVE_ACCOUNT = 'MATCH (a:Account {username: $username}) DETACH DELETE a RETURN count(*) AS removed';

/** Checks a row read back from the graph (docs/architecture.md, convention 10). */
function toAccount(value: unknown): Account {
  const props = asProps(value, 'an Account');
  return {
    subject: text(props, 'subject'),
    username: text(props, 'username'),
    displayName: text(props, 'displayName'),
    roles: oneOfList(props, 'roles', ROLES),
    createdAt: text(props, 'createdAt'),
  };
}

export interface NewAccount {
  username: string;
  displayName?: string;
  roles: readonly Role[];
  password: string;
}

/** The shortest password an account may have. */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Creates an account in one statement; refuses a taken name (the uniqueness constraint makes
 * two processes creating the same name at once safe) and a short password.
 */
export async function createAccount(runner: QueryRunner, input: NewAccount): Promise<Account> {
  const username = checkUsername(input.username);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AccountError(`A password must be at least ${MIN_PASSWORD_LENGTH} characters long; leave it out to have one generated`);
  }
  const displayName = (input.displayName ?? '').trim() || username;
  const subject = randomUUID();
  const [row] = await runner.write<{ created: boolean; account: unknown }>('accounts.create', CREATE_ACCOUNT, {
    username,
    subject,
    displayName: displayName.slice(0, 200),
    roles: ROLES.filter((role) => input.roles.includes(role)),
    passwordHash: await hashPassword(input.password),
  });
  if (row?.created !== true) throw new AccountError(`The username "${username}" is taken; choose another, or remove it first with npm run user -- remove ${username}`);
  return toAccount(row.account);
}

/** Every account, by username. */
export async function listAccounts(runner: QueryRunner): Promise<Account[]> {
  const rows = await runner.read<{ account: unknown }>('accounts.list', LIST_ACCOUNTS);
  return rows.map((row) => toAccount(row.account));
}

/** Removes an account; an unknown name is an AccountError. Tokens it already holds run out within AUTH_TOKEN_TTL_S. */
export async function removeAccount(runner: QueryRunner, name: string): Promise<void> {
  const username = checkUsername(name);
  const [row] = await runner.write<{ removed: number }>('accounts.remove', REMOVE_ACCOUNT, { username });
  if ((row?.removed ?? 0) === 0) throw unknownUser(username);
}

export const unknownUser = (username: string): AccountError =>
  new AccountError(`There is no account "${username}"; npm run user -- list shows them, npm run user -- add ${username} --roles editor creates it`);

export async function findAccountBySubject(runner: QueryRunner, subject: string): Promise<Account | null> {
  const [row] = await runner.read<{ account: unknown }>('accounts.bySubject', ACCOUNT_BY_SUBJECT, { subject });
  return row === undefined ? null : toAccount(row.account);
}

export async function findAccountByUsername(runner: QueryRunner, name: string): Promise<Account | null> {
  const [row] = await runner.read<{ account: unknown }>('accounts.byUsername', ACCOUNT_BY_USERNAME, { username: name.trim().toLowerCase() });
  return row === undefined ? null : toAccount(row.account);
}

/**
 * The account whose username and password these are, or null. An unknown name costs the same
 * scrypt as a known one, so the time taken does not tell which names exist.
 */
export async function checkCredentials(runner: QueryRunner, name: string, password: string): Promise<Account | null> {
  const [row] = await runner.read<{ passwordHash: unknown; account: unknown }>('accounts.credentials', CREDENTIALS, { username: name.trim().toLowerCase() });
  const stored = typeof row?.passwordHash === 'string' ? row.passwordHash : UNMATCHABLE_HASH;
  const matches = await verifyPassword(password, stored);
  return matches && row !== undefined ? toAccount(row.account) : null;
}
