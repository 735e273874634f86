/**
 * The forms of the keys people cite (docs/graph-model.md, "Keys"): a provision is cited as
 * `1.53` (a clause), `P3` (a principle) or `S8` (a standard); an obligation as its
 * provision's key and its place among the provision's obligations, `1.53/1` or `S8/3`. A
 * provision an editor inserts into a draft may carry capital letters after its number until
 * the draft is renumbered (`1.53A`, domain/provision-numbering.ts).
 */

export const PROVISION_KEY = /^(\d+\.\d+|P\d+|S\d+)[A-Z]{0,3}$/;
export const OBLIGATION_KEY = /^(\d+\.\d+|P\d+|S\d+)[A-Z]{0,3}\/[1-9]\d*$/;
