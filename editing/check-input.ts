/**
 * Editor input is checked before anything is written (docs/architecture.md, "The write
 * side"): each problem is BAD_USER_INPUT naming the field and showing a valid value.
 */
import { badUserInput, quoteShort } from '../core/errors.ts';

/** True for a control character other than the line feed (and the carriage return, normalised below) between a text's lines. */
const isControl = (ch: string): boolean => {
  const code = ch.codePointAt(0) ?? 0;
  return (code < 0x20 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
};

export const LIMITS = { text: 20_000, title: 300, key: 64, reason: 2_000 } as const;

/** A text an editor wrote: no control characters, not over `max`; trimmed at both ends. */
export function checkText(value: string, field: string, max: number, example: string): string {
  if ([...value].some(isControl)) {
    throw badUserInput(`${field} must be plain text with no control characters (line breaks are allowed), such as ${JSON.stringify(example)}`, field);
  }
  if (value.length > max) throw badUserInput(`${field} must be at most ${max} characters; got ${value.length}`, field);
  const trimmed = value.replace(/\r\n?/g, '\n').trim();
  if (trimmed === '') throw badUserInput(`${field} must not be empty; for example ${JSON.stringify(example)}`, field);
  return trimmed;
}

/** A draft's key: lower-case letters, digits and hyphens, such as "draft-2026-review". */
export function checkDraftKey(value: string, field = 'input.key'): string {
  if (!/^[a-z0-9][a-z0-9-]{2,63}$/.test(value)) {
    throw badUserInput(`${field} must be 3 to 64 lower-case letters, digits and hyphens, such as "draft-2026-review"; got "${quoteShort(value)}"`, field);
  }
  return value;
}

/** The version the editor last saw: a whole number from 1. */
export function checkVersion(value: number, field = 'input.expectedVersion'): number {
  if (!Number.isInteger(value) || value < 1) throw badUserInput(`${field} must be the revision's version as you last read it, such as 3; got ${value}`, field);
  return value;
}
