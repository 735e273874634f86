/**
 * Stage 7: statutory duties the Code restates rather than creates (docs/reading-rules.md,
 * "Cited duties"): a provision that says bodies "have a duty under section N of the ... Act
 * YYYY" (clause 1.85, section 28 of the Children Act 2004). Reads: ProvisionText (stage 2)
 * and the catalogue's instruments (their titles and aliases). Writes: CitedDuty rows, the
 * sentence and the key of the section it cites; an Act the catalogue does not hold gives none.
 */
import type { InstrumentEntry } from '../catalogue.ts';
import type { CitedDuty, ProvisionText } from '../model.ts';
import { sentenceText, splitSentences } from './3-find-modal-uses.ts';

const CITED_DUTY = /\bhave a duty under section (\d+) of the ([A-Z][A-Za-z() ]*? Act \d{4})/;

/** The duty one provision cites, if it cites one (the first in its text); pure. */
export function findCitedDuties(provision: ProvisionText, instruments: readonly InstrumentEntry[]): CitedDuty[] {
  const match = CITED_DUTY.exec(provision.text);
  if (match === null) return [];
  const act = instruments.find((instrument) => instrument.aliases.includes(match[2] ?? '') || instrument.title === match[2]);
  const sentence = splitSentences(provision.text, 0, provision.text.length).find((s) => s.start <= match.index && match.index < s.end);
  if (act === undefined || sentence === undefined) return [];
  return [{ provision: provision.key, text: sentenceText(provision, sentence), provisionKey: `${act.key}/section/${match[1] ?? ''}` }];
}
