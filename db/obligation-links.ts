/**
 * How an obligation is linked to the bodies it names and binds (docs/graph-model.md,
 * "Relationships"), written once for the seed and the editing commands: a Cypher fragment
 * for a statement that has the obligation as `o` and its row as `row`, with
 * `row.addressees` (body keys) and `row.applicability` ({body, reason, explanation, via}).
 */
export const LINK_OBLIGATION_BODIES = `
CALL (o, row) {
  UNWIND row.addressees AS bodyKey
  MATCH (b:Body {key: bodyKey})
  CREATE (o)-[:ADDRESSES]->(b)
}
CALL (o, row) {
  UNWIND row.applicability AS a
  MATCH (b:Body {key: a.body})
  CREATE (o)-[:APPLIES_TO {reason: a.reason, explanation: a.explanation, via: a.via}]->(b)
}`;
