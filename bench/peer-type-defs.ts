/**
 * The peer's type definitions (bench/serve-peer.ts): `@neo4j/graphql` 7.6 over the graph the
 * seed writes, for the labels and relationships the benchmark's workloads touch
 * (docs/graph-model.md is the contract). Field names are the graph's property names; the
 * library generates the queries, filters, sorting, connections and full-text fields from
 * these, and compiles each operation into one Cypher statement.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
# Read-only, like the workloads: no generated mutations.
extend schema @mutation(operations: [])

type Revision @node {
  key: String!
  title: String
  code: [Instrument!]! @relationship(type: "REVISION_OF", direction: OUT)
  headings: [Heading!]! @relationship(type: "CONTAINS", direction: OUT)
}

type Heading @node {
  uid: String!
  key: String!
  revision: String!
  title: String!
  order: Int!
  inRevision: [Revision!]! @relationship(type: "CONTAINS", direction: IN)
  provisions: [Provision!]! @relationship(type: "CONTAINS", direction: OUT)
}

type Provision @node @fulltext(indexes: [{ indexName: "searchText", queryName: "provisionsSearch", fields: ["text", "title"] }]) {
  uid: String!
  key: String!
  revision: String!
  kind: String!
  number: String
  title: String
  text: String!
  order: Int!
  heading: [Heading!]! @relationship(type: "CONTAINS", direction: IN)
  obligations: [Obligation!]! @relationship(type: "STATED_IN", direction: IN)
}

type Obligation @node @fulltext(indexes: [{ indexName: "searchText", queryName: "obligationsSearch", fields: ["text"] }]) {
  uid: String!
  key: String!
  revision: String!
  text: String!
  modality: String!
  force: String!
  order: Int!
  provision: [Provision!]! @relationship(type: "STATED_IN", direction: OUT)
  addressees: [Body!]! @relationship(type: "ADDRESSES", direction: OUT)
  appliesTo: [Body!]! @relationship(type: "APPLIES_TO", direction: OUT, properties: "Applicability")
}

type Applicability @relationshipProperties {
  reason: String!
  explanation: String!
  via: String
}

type Body @node {
  key: String!
  name: String!
  isGroup: Boolean
}

type Term @node @fulltext(indexes: [{ indexName: "searchText", queryName: "termsSearch", fields: ["term"] }]) {
  uid: String!
  key: String!
  revision: String!
  term: String!
  order: Int!
}

type Instrument @node @fulltext(indexes: [{ indexName: "searchText", queryName: "instrumentsSearch", fields: ["title"] }]) {
  key: String!
  title: String!
  url: String
  issuedUnder: [LegalProvision!]! @relationship(type: "ISSUED_UNDER", direction: OUT)
  guidanceUnder: [LegalProvision!]! @relationship(type: "GUIDANCE_UNDER", direction: OUT)
}

type LegalProvision @node {
  key: String!
  title: String
  url: String
  act: [Instrument!]! @relationship(type: "PART_OF", direction: OUT)
}

type ToolkitItem @node @fulltext(indexes: [{ indexName: "searchText", queryName: "toolkitItemsSearch", fields: ["title"] }]) {
  key: String!
  title: String!
}
`;
