/**
 * Stage 1: reads the clean text (seed/data/FORMAT.md) into headings, provisions, terms and
 * footnotes. Reads: the file's text. Writes: ParsedCode. Fails with the line number on any
 * line the format does not allow, so a bad edit to the text stops the seed before it writes.
 * For one provision's text on its own (an editor's new wording), `partsOfText` reads the
 * stored form of a provision's text into the same Parts (docs/reading-rules.md, "Reading one
 * provision").
 */
import type { ParsedCode, ParsedHeading, ParsedProvision, ParsedTerm, Part } from '../model.ts';

export class ReaderError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`code-of-practice.txt line ${line}: ${message}`);
    this.name = 'ReaderError';
  }
}

const FRONT_MATTER = /^@([a-z]+) (.+)$/;
const HEADING = /^# (.+)$/;
const PRINCIPLE = /^## P(\d+) (.+)$/;
const STANDARD = /^## S(\d+) (.+)$/;
const TERM = /^## term: (.+)$/;
const CLAUSE = /^(1\.\d+)\. (.+)$/;
const ITEM = /^( {2}| {4})([a-z]\)|[ivxl]+\.|-) (.+)$/;
const FOOTNOTE = /^\[\^(\d+)\]: (.+)$/;
const NOTE = /^%% (.+)$/;
const URL = /https?:\/\/\S+/;

/** A heading's key: its title in lower case, words joined by hyphens (`pre-amble`). */
export function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Parses the clean text; pure. */
export function parseCleanText(source: string): ParsedCode {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const frontMatter: Record<string, string> = {};
  let index = 0;
  for (; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line === '') break;
    const match = FRONT_MATTER.exec(line);
    if (match === null) throw new ReaderError(index + 1, `front matter lines look like "@key value"; got "${line}"`);
    frontMatter[match[1] ?? ''] = match[2] ?? '';
  }

  const code: ParsedCode = { frontMatter, headings: [], footnotes: [], notes: [] };
  let heading: ParsedHeading | undefined;
  /** Where the next paragraph or item goes: a provision's, a term's or the heading's parts. */
  let target: Part[] | undefined;
  const seen = new Set<string>();

  const requireHeading = (line: number): ParsedHeading => {
    if (heading === undefined) throw new ReaderError(line, 'text before the first "# " heading');
    return heading;
  };
  const addProvision = (provision: ParsedProvision): void => {
    if (seen.has(provision.key)) throw new ReaderError(provision.line, `${provision.key} appears twice`);
    seen.add(provision.key);
    requireHeading(provision.line).provisions.push(provision);
    target = provision.parts;
  };

  for (; index < lines.length; index += 1) {
    const raw = lines[index] ?? '';
    const line = index + 1;
    if (raw.trim() === '') continue;
    let match: RegExpExecArray | null;
    if ((match = NOTE.exec(raw)) !== null) {
      code.notes.push({ line, text: match[1] ?? '' });
    } else if ((match = FOOTNOTE.exec(raw)) !== null) {
      const text = match[2] ?? '';
      const number = Number(match[1]);
      if (code.footnotes.some((footnote) => footnote.number === number)) throw new ReaderError(line, `footnote ${number} is defined twice`);
      code.footnotes.push({ line, number, text, url: URL.exec(text)?.[0] ?? null });
    } else if ((match = HEADING.exec(raw)) !== null) {
      const title = match[1] ?? '';
      heading = { line, key: slug(title), title, parts: [], provisions: [], terms: [] };
      code.headings.push(heading);
      target = heading.parts;
    } else if ((match = PRINCIPLE.exec(raw)) !== null || (match = STANDARD.exec(raw)) !== null) {
      const kind = raw.startsWith('## P') ? 'PRINCIPLE' : 'STANDARD';
      const number = match[1] ?? '';
      addProvision({ line, kind, key: `${kind === 'PRINCIPLE' ? 'P' : 'S'}${number}`, number, title: match[2] ?? '', parts: [] });
    } else if ((match = TERM.exec(raw)) !== null) {
      const term: ParsedTerm = { line, key: slug(match[1] ?? ''), term: match[1] ?? '', parts: [] };
      requireHeading(line).terms.push(term);
      target = term.parts;
    } else if ((match = CLAUSE.exec(raw)) !== null) {
      const number = match[1] ?? '';
      addProvision({ line, kind: 'CLAUSE', key: number, number, title: null, parts: [{ line, kind: 'PARAGRAPH', marker: null, depth: 0, text: match[2] ?? '' }] });
    } else if ((match = ITEM.exec(raw)) !== null) {
      if (target === undefined) throw new ReaderError(line, 'a list item before any heading');
      target.push({ line, kind: 'ITEM', marker: match[2] ?? '', depth: (match[1] ?? '').length / 2, text: match[3] ?? '' });
    } else if (raw.startsWith(' ') || raw.startsWith('#') || raw.startsWith('\t')) {
      throw new ReaderError(line, `unrecognised line "${raw.slice(0, 60)}": list items are indented two or four spaces and start with "a) ", "i. " or "- "`);
    } else {
      if (target === undefined) throw new ReaderError(line, 'a paragraph before any heading');
      target.push({ line, kind: 'PARAGRAPH', marker: null, depth: 0, text: raw.trim() });
    }
  }
  return code;
}

/** A stored provision text's item line: nested items indented two spaces (stage 2 writes them so). */
const TEXT_ITEM = /^((?: {2})?)([a-z]\)|[ivxl]+\.|-) (.+)$/;

export class ProvisionTextError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line} of the provision's text: ${message}`);
    this.name = 'ProvisionTextError';
  }
}

/**
 * Reads one provision's text in the form stage 2 stores it (and the API shows it) back into
 * Parts: one paragraph or list item a line; an item starts "a) ", "i. " or "- ", a nested
 * item is indented two spaces and follows an item; `[^N]` footnote markers may stand in the
 * text; blank lines are skipped. Each Part's line is its line in `text` (1-based), so that
 * `buildProvisionText(key, partsOfText(text)).text` is `text` again for any stored text.
 * Pure.
 */
export function partsOfText(text: string): Part[] {
  const parts: Part[] = [];
  text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .forEach((raw, index) => {
      const line = index + 1;
      if (raw.trim() === '') return;
      const item = TEXT_ITEM.exec(raw);
      if (item !== null) {
        const depth = (item[1] ?? '').length / 2 + 1;
        if (depth === 2 && parts[parts.length - 1]?.kind !== 'ITEM') throw new ProvisionTextError(line, `a nested item (indented two spaces) must follow a list item; got "${raw.slice(0, 60)}"`);
        parts.push({ line, kind: 'ITEM', marker: item[2] ?? '', depth, text: item[3] ?? '' });
      } else if (/^\s/.test(raw) || HEADING.test(raw) || raw.startsWith('## ') || FOOTNOTE.test(raw) || NOTE.test(raw)) {
        throw new ProvisionTextError(line, `unrecognised line "${raw.slice(0, 60)}": a provision's text is paragraphs and list items ("a) ", "i. " or "- ", nested items indented two spaces), without headings, footnote definitions or notes`);
      } else {
        parts.push({ line, kind: 'PARAGRAPH', marker: null, depth: 0, text: raw.trim() });
      }
    });
  return parts;
}
