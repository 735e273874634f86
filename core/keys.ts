/**
 * The forms of the keys people cite (docs/graph-model.md, "Keys"): a provision is cited as
 * `1.53` (a clause), `P3` (a principle) or `S8` (a standard); an obligation as its
 * provision's key and its place among the provision's obligations, `1.53/1` or `S8/3`.
 */

export const PROVISION_KEY = /^(\d+\.\d+|P\d+|S\d+)$/;
export const OBLIGATION_KEY = /^(\d+\.\d+|P\d+|S\d+)\/[1-9]\d*$/;
