/**
 * A revision's text as Akoma Ntoso 3.0 XML (OASIS LegalDocML, the XML that legislation.gov.uk
 * also publishes), written with xmlbuilder2 (README "Downloads"):
 *
 * - `meta/identification`: the FRBR work (the Code, laid on its day), expression (English, as
 *   in force from its day) and manifestation (this XML, generated from the graph loaded at its
 *   time), under `/akn/gb-wls/act/code/...`;
 * - `preface`: the title;
 * - `body`: one `hcontainer name="crossHeading"` per heading of the Code, in reading order,
 *   holding its clauses (`paragraph`, eId `para_1.53`, `num` 1.53), principles and standards
 *   (`hcontainer name="principle"` or `"standard"`, eId `hcontainer_P3`), and, under the
 *   glossary, its terms (`hcontainer name="definition"`). A provision's text is one `p` per
 *   line, and its lettered and numbered lists are `blockList`s of `item`s with their `num`.
 *
 * Pure: the text in (loaders/revision-text.ts), the XML out.
 */
import { create } from 'xmlbuilder2';
import type { RevisionTextModel } from '../../loaders/revision-text.ts';

/** An element being written (xmlbuilder2 exports the type only from a deep path). */
type XMLBuilder = ReturnType<typeof create>;

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** A list item as the Code writes it: `a) ...`, `ii. ...` or `- ...`, indented two spaces per level. */
const LIST_ITEM = /^( *)([a-z]{1,2}\)|[ivxlc]{1,6}\.|\d{1,2}\.|-)\s+(.*)$/;

/** Writes a provision's text into `content`: a `p` per line, lists as nested `blockList`s. */
function writeText(content: XMLBuilder, text: string): void {
  const open: { indent: number; list: XMLBuilder; item: XMLBuilder | null }[] = [];
  for (const line of text.split('\n')) {
    const match = LIST_ITEM.exec(line);
    if (match === null) {
      open.length = 0;
      content.ele('p').txt(line.trim());
      continue;
    }
    const [, spaces = '', num = '', words = ''] = match;
    const indent = spaces.length;
    while (open.length > 0 && (open[open.length - 1]?.indent ?? 0) > indent) open.pop();
    let level = open[open.length - 1];
    if (level === undefined || level.indent < indent) {
      const parent = level?.item ?? content;
      level = { indent, list: parent.ele('blockList'), item: null };
      open.push(level);
    }
    const item = level.list.ele('item');
    item.ele('num').txt(num);
    item.ele('p').txt(words);
    level.item = item;
  }
}

/** An eId's characters: letters, digits, dots, hyphens and underscores. */
const eIdPart = (key: string): string => key.replace(/[^A-Za-z0-9.-]/g, '_');

/** The revision's text as an Akoma Ntoso document, with its work's URIs under `/akn/gb-wls/`. */
export function revisionAkn(text: RevisionTextModel): string {
  const { revision } = text;
  const work = `/akn/gb-wls/act/code/${(revision.laidOn ?? revision.key).slice(0, 4)}/${eIdPart(text.code.key.replace(/^code\//, ''))}`;
  const expression = `${work}/eng@${revision.inForceFrom ?? revision.key}`;
  const generated = (text.graphLoadedAt ?? new Date().toISOString()).slice(0, 10);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(AKN_NAMESPACE, 'akomaNtoso');
  const act = root.ele('act', { name: 'codeOfPractice', contains: 'originalVersion' });

  const meta = act.ele('meta');
  const identification = meta.ele('identification', { source: '#careCodeGraph' });
  const frbrWork = identification.ele('FRBRWork');
  frbrWork.ele('FRBRthis', { value: `${work}/!main` });
  frbrWork.ele('FRBRuri', { value: work });
  frbrWork.ele('FRBRalias', { value: text.code.title, name: 'title' });
  frbrWork.ele('FRBRdate', { date: revision.laidOn ?? generated, name: revision.laidOn === null ? 'generated' : 'laid' });
  frbrWork.ele('FRBRauthor', { href: '#welshMinisters' });
  frbrWork.ele('FRBRcountry', { value: 'gb-wls' });
  const frbrExpression = identification.ele('FRBRExpression');
  frbrExpression.ele('FRBRthis', { value: `${expression}/!main` });
  frbrExpression.ele('FRBRuri', { value: expression });
  frbrExpression.ele('FRBRdate', { date: revision.inForceFrom ?? revision.laidOn ?? generated, name: revision.inForceFrom === null ? 'laid' : 'inForce' });
  frbrExpression.ele('FRBRauthor', { href: '#welshMinisters' });
  frbrExpression.ele('FRBRlanguage', { language: 'eng' });
  const frbrManifestation = identification.ele('FRBRManifestation');
  frbrManifestation.ele('FRBRthis', { value: `${expression}/!main.xml` });
  frbrManifestation.ele('FRBRuri', { value: `${expression}.akn` });
  frbrManifestation.ele('FRBRdate', { date: generated, name: 'generated' });
  frbrManifestation.ele('FRBRauthor', { href: '#careCodeGraph' });
  const references = meta.ele('references', { source: '#careCodeGraph' });
  references.ele('TLCOrganization', { eId: 'welshMinisters', href: '/ontology/organization/gb-wls/welshMinisters', showAs: 'The Welsh Ministers' });
  references.ele('TLCOrganization', { eId: 'careCodeGraph', href: '/ontology/organization/careCodeGraph', showAs: 'care-code-graph' });

  act.ele('preface').ele('longTitle').ele('p').txt(revision.title);

  const body = act.ele('body');
  for (const { heading, provisions, terms } of text.headings) {
    const container = body.ele('hcontainer', { name: 'crossHeading', eId: `hcontainer_${eIdPart(heading.key)}` });
    container.ele('heading').txt(heading.title);
    if (heading.text !== null && heading.text !== '') writeText(container.ele('intro'), heading.text);
    for (const { provision } of provisions) {
      if (provision.kind === 'CLAUSE') {
        const paragraph = container.ele('paragraph', { eId: `para_${eIdPart(provision.key)}` });
        paragraph.ele('num').txt(provision.number);
        writeText(paragraph.ele('content'), provision.text);
      } else {
        const name = provision.kind === 'PRINCIPLE' ? 'principle' : 'standard';
        const part = container.ele('hcontainer', { name, eId: `hcontainer_${eIdPart(provision.key)}` });
        part.ele('num').txt(`${provision.kind === 'PRINCIPLE' ? 'Principle' : 'Standard'} ${provision.number}`);
        if (provision.title !== null) part.ele('heading').txt(provision.title);
        writeText(part.ele('content'), provision.text);
      }
    }
    for (const term of terms) {
      const definition = container.ele('hcontainer', { name: 'definition', eId: `hcontainer_def_${eIdPart(term.key)}` });
      definition.ele('heading').txt(term.term);
      writeText(definition.ele('content'), term.definition);
    }
  }
  return root.end({ prettyPrint: true });
}
