/**
 * A provision's modal verbs that the reader read but did not count as obligations
 * (docs/graph-model.md, "Nodes": the provision's parallel `uncountedModal*` lists;
 * docs/reading-rules.md, "What counts as an obligation" and "Overrides").
 */
import { GraphShapeError } from '../core/errors.ts';
import { UNCOUNTED_MODAL_KINDS, type UncountedModalKind } from '../core/vocabulary.ts';
import { integer, oneOf, textList, type Props } from '../db/graph-values.ts';

export interface UncountedModalModel {
  trigger: string;
  start: number;
  end: number;
  kind: UncountedModalKind;
  reason: string;
}

function integerList(props: Props, name: string): number[] {
  const value = props[name];
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new GraphShapeError(`property ${name} is not a list of integers (${JSON.stringify(value)})`);
  return value.map((item: unknown) => integer({ [name]: item }, name));
}

/**
 * The uncounted modals of a provision's properties, in text order. The five lists hold one
 * place per modal; lists of different lengths, a kind outside UNCOUNTED_MODAL_KINDS or a
 * value of the wrong type are a GraphShapeError. A provision without the lists has none.
 */
export function toUncountedModals(props: Props): UncountedModalModel[] {
  const triggers = textList(props, 'uncountedModalTriggers');
  const starts = integerList(props, 'uncountedModalStarts');
  const ends = integerList(props, 'uncountedModalEnds');
  const kinds = textList(props, 'uncountedModalKinds');
  const reasons = textList(props, 'uncountedModalReasons');
  if (![starts, ends, kinds, reasons].every((list) => list.length === triggers.length)) {
    throw new GraphShapeError(`provision ${JSON.stringify(props['uid'])} has uncounted modal lists of different lengths`);
  }
  return triggers.map((trigger, index) => ({
    trigger,
    start: starts[index] ?? 0,
    end: ends[index] ?? 0,
    kind: oneOf({ kind: kinds[index] }, 'kind', UNCOUNTED_MODAL_KINDS),
    reason: reasons[index] ?? '',
  }));
}
