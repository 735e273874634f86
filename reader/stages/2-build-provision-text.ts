/**
 * Stage 2: the text of each provision as the graph stores it. Reads: a provision's key and
 * its Parts (stage 1). Writes: ProvisionText: parts joined by newlines, list items with their
 * markers and nested items indented by two spaces, footnote markers removed (their offsets
 * kept), so that an obligation's trigger offsets point into exactly the text a user sees.
 * Headings and glossary terms take their text from here too.
 */
import type { FootnoteRef, Part, ProvisionText } from '../model.ts';

const MARKER = /\[\^(\d+)\]/g;

/** Removes `[^N]` markers from a line, returning the text and where each marker stood. */
export function stripFootnoteMarkers(text: string): { text: string; refs: FootnoteRef[] } {
  const refs: FootnoteRef[] = [];
  let out = '';
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    out += text.slice(last, match.index);
    refs.push({ number: Number(match[1]), offset: out.length });
    last = match.index + match[0].length;
  }
  out += text.slice(last);
  return { text: out, refs };
}

function lineOf(part: Part): string {
  if (part.kind === 'PARAGRAPH') return part.text;
  return `${'  '.repeat(Math.max(0, part.depth - 1))}${part.marker ?? ''} ${part.text}`;
}

/** Joins a provision's parts into its stored text; pure. */
export function buildProvisionText(key: string, parts: Part[]): ProvisionText {
  let text = '';
  const spans: ProvisionText['spans'] = [];
  const footnotes: FootnoteRef[] = [];
  parts.forEach((part, index) => {
    if (index > 0) text += '\n';
    const stripped = stripFootnoteMarkers(lineOf(part));
    const start = text.length;
    for (const ref of stripped.refs) footnotes.push({ number: ref.number, offset: start + ref.offset });
    text += stripped.text;
    spans.push({ start, end: text.length, part });
  });
  return { key, text, spans, footnotes };
}
