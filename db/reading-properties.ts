/**
 * The properties of what the reader read that the seed and the editing commands both write
 * (docs/graph-model.md, "Nodes"), as Cypher map entries written once: an obligation's own
 * statement beside its sentence (reader stage 9), and a provision's modal verbs that are not
 * obligations, as parallel lists (one place in each list per modal, in text order).
 */

/** Map entries for an obligation whose row is `row` ({statement, statementStart, statementEnd, restoredSubject}). */
export const STATEMENT_PROPERTIES = `statement: row.statement, statementStart: row.statementStart, statementEnd: row.statementEnd, restoredSubject: row.restoredSubject`;

/**
 * Map entries for a provision from `list`, a Cypher expression for its uncounted modals
 * ([{trigger, start, end, kind, reason}]); `list` is the code's own (`row.uncountedModals`,
 * `$uncountedModals`), never input.
 */
export const uncountedModalProperties = (list: string): string =>
  [
    `uncountedModalTriggers: [m IN ${list} | m.trigger]`,
    `uncountedModalStarts: [m IN ${list} | m.start]`,
    `uncountedModalEnds: [m IN ${list} | m.end]`,
    `uncountedModalKinds: [m IN ${list} | m.kind]`,
    `uncountedModalReasons: [m IN ${list} | m.reason]`,
  ].join(', ');
