/**
 * How the Code binds each body, in words: the catalogue's `bindings` (seed/data/CATALOGUE.md)
 * as the sentence stage 5 adds to the explanation of who an obligation binds
 * (docs/reading-rules.md, "Legal basis per body"). Not a stage: built once with the reader's
 * context. Pure.
 *
 * Local authorities are bound through section 145 of the 2014 Act, under which the Code is
 * issued (clauses 1.1 and 1.4; their guidelines clause 1.7); local health boards and NHS trusts
 * to its requirements through the Welsh Ministers' direction under the 2006 Act (clause 1.5),
 * and to its guidelines as guidance under section 2 of that Act and section 169 of the 2014 Act
 * (clauses 1.2 and 1.7).
 */
import type { BindingRelation, Force } from '../core/vocabulary.ts';
import type { BindingEntry, Catalogue } from './catalogue.ts';

/** The sentence for one body and one force, such as "Local health boards must act ... (clause 1.5)."; null when the catalogue has none. */
export type BindingSentence = (body: string, force: Force) => string | null;

const WHAT: Record<Force, string> = {
  REQUIREMENT: "must act in accordance with the Code's requirements",
  GUIDELINE: "must have regard to the Code's guidelines",
};

const HOW: Record<BindingRelation, string> = {
  ISSUED_UNDER: 'as a code issued under',
  DIRECTION_UNDER: 'as the Welsh Ministers direct them under',
  GUIDANCE_UNDER: 'as guidance under',
};

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const unique = <T>(values: T[]): T[] => [...new Set(values)];
const joined = (parts: string[]): string => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`);

/** "section 12 of the National Health Service (Wales) Act 2006": a provision as the Code cites one. */
function provisionLabel(catalogue: Catalogue, key: string): string {
  const provision = catalogue.legalProvisions.find((entry) => entry.key === key);
  if (provision === undefined) return key;
  const instrument = catalogue.instruments.find((entry) => entry.key === provision.instrumentKey);
  const number = `${provision.kind === 'SECTION' ? 'section' : 'regulation'} ${provision.number}${provision.subsection === null ? '' : `(${provision.subsection})`}`;
  return instrument === undefined ? number : `${number} of the ${instrument.title}`;
}

/** One sentence from the entries for one body and force, in the catalogue's order. */
function sentenceOf(catalogue: Catalogue, entries: BindingEntry[]): string | null {
  const [first] = entries;
  if (first === undefined) return null;
  const body = catalogue.bodies.find((entry) => entry.key === first.body);
  const who = capitalise(body?.pluralName ?? first.body);
  const ways = unique(entries.map((entry) => entry.relation)).map(
    (relation) => `${HOW[relation]} ${joined(entries.filter((entry) => entry.relation === relation).map((entry) => provisionLabel(catalogue, entry.provision)))}`,
  );
  const where = unique(entries.map((entry) => entry.location)).join('; ');
  return `${who} ${WHAT[first.force]}, ${ways.join(', and ')} (${where}).`;
}

/** The sentences for the bindings of `instrument` (the Code), by body and force. */
export function bindingSentences(catalogue: Catalogue, instrument: string): BindingSentence {
  const sentences = new Map<string, string>();
  const own = catalogue.bindings.filter((entry) => entry.instrument === instrument);
  for (const key of unique(own.map((entry) => `${entry.body} ${entry.force}`))) {
    const sentence = sentenceOf(
      catalogue,
      own.filter((entry) => `${entry.body} ${entry.force}` === key),
    );
    if (sentence !== null) sentences.set(key, sentence);
  }
  return (body, force) => sentences.get(`${body} ${force}`) ?? null;
}
