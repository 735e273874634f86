/**
 * The query parameters of the obligations downloads (README "Downloads"): the fields of the
 * API's `ObligationFilter` (appliesTo, force, modality, ...) and the revision arguments of
 * `obligations` (asOf, prospective, revision), by the same names, read against the schema
 * itself, so a field added to the filter is a parameter of the downloads at once, and each
 * value is coerced by the same GraphQL types (enums, lists, the Date scalar) as a variable of
 * the API would be. The checks of the filter's values and of the revision choice are then the
 * API's own (loaders/obligation-query.ts, domain/revision-in-force.ts), with the same codes
 * and messages.
 */
// One graphql instance with the schema's types (server/plugins/query-cost.ts says why).
import {
  coerceInputValue,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  type GraphQLArgument,
  type GraphQLError,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql/index.js';
import { badUserInput, quoteShort } from '../../core/errors.ts';
import { isoDay, type RevisionChoice } from '../../domain/revision-in-force.ts';
import type { ObligationFilterInput } from '../../loaders/obligation-query.ts';

/** A download whose every parameter is valid, for the examples of the error messages. */
export const EXPORT_EXAMPLE = '/exports/obligations.csv?appliesTo=local-health-board&force=REQUIREMENT&asOf=2024-09-01';

/** The arguments of `obligations` that are not parameters of a download (a download has every page). */
const NOT_PARAMETERS = new Set(['filter', 'first', 'after']);

export interface ExportQuery {
  filter: ObligationFilterInput;
  choice: RevisionChoice;
  /** The parameters as given, in the order of the query string, for the header row. */
  given: [string, string][];
}

/** One parameter: where it goes (the filter or the revision choice) and its GraphQL type. */
interface Parameter {
  /** The field's name, dotted for a field of a nested input (`anyOf.standard`). */
  name: string;
  target: 'filter' | 'choice';
  type: GraphQLInputType;
}

/** The filter's fields as parameters, a nested input's fields as dotted names (anyOf.standard=S7,S8). */
function fieldParameters(fields: readonly GraphQLInputField[], prefix: string): Parameter[] {
  return fields.flatMap((field): Parameter[] => {
    const named = getNamedType(field.type);
    if (isInputObjectType(named) && !isListType(getNullableType(field.type))) return fieldParameters(Object.values(named.getFields()), `${prefix}${field.name}.`);
    return [{ name: `${prefix}${field.name}`, target: 'filter', type: field.type }];
  });
}

/** The parameters a download takes, read from the schema: the filter's fields, then asOf, prospective and revision. */
export function exportParameters(schema: GraphQLSchema): Parameter[] {
  const obligations = schema.getQueryType()?.getFields()['obligations'];
  const filterArgument = obligations?.args.find((arg) => arg.name === 'filter');
  const filterType = filterArgument === undefined ? undefined : getNamedType(filterArgument.type);
  if (obligations === undefined || filterType === undefined || !isInputObjectType(filterType)) {
    throw new Error('the schema has no Query.obligations(filter: ObligationFilter)');
  }
  // The filter's own fields first, then the dotted ones of its nested inputs (anyOf.appliesTo ...).
  const fields = fieldParameters(Object.values(filterType.getFields()), '').sort((a, b) => Number(a.name.includes('.')) - Number(b.name.includes('.')));
  const choice: Parameter[] = obligations.args
    .filter((arg: GraphQLArgument) => !NOT_PARAMETERS.has(arg.name))
    .map((arg: GraphQLArgument) => ({ name: arg.name, target: 'choice', type: arg.type }));
  return [...fields, ...choice];
}

/** Sets a dotted parameter's value in the filter: anyOf.standard → filter.anyOf.standard. */
function setAtPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const inner = target[head];
  const nested: Record<string, unknown> = typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : {};
  target[head] = nested;
  setAtPath(nested, rest, value);
}

/** A refusal of one parameter, with the API's code, the filter's argument name and a valid download. */
function refuse(message: string, argument: string): GraphQLError {
  const error = badUserInput(`${message}; for example ${EXPORT_EXAMPLE}`, argument);
  error.extensions['example'] = EXPORT_EXAMPLE;
  return error;
}

/** The text values of a query parameter as Express's query parser gives them. */
function textValues(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
  return null;
}

/** A text value as the input a GraphQL variable of this type would be: booleans and numbers from their spelling. */
function asInput(text: string, type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (named.name === 'Boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if ((named.name === 'Int' || named.name === 'Float') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/**
 * The filter and revision choice a download's query string asks for. Throws BAD_USER_INPUT,
 * naming the parameter and showing a valid download, for a parameter no filter field or
 * revision argument has, one given twice that takes one value, or a value its GraphQL type
 * refuses (a modality that is not one of the enum's, a date that is not a day). A list
 * (modality, lineage) is given as repeated parameters or separated by commas.
 */
export function parseExportQuery(query: Record<string, unknown>, parameters: readonly Parameter[]): ExportQuery {
  const byName = new Map(parameters.map((parameter) => [parameter.name, parameter]));
  const unknown = Object.keys(query).filter((name) => !byName.has(name));
  if (unknown.length > 0) {
    const names = parameters.map((parameter) => parameter.name).join(', ');
    throw refuse(`"${quoteShort(unknown[0] ?? '')}" is not a parameter of this download; its parameters are ${names}`, unknown[0] ?? '');
  }
  const filter: Record<string, unknown> = {};
  const choice: Record<string, unknown> = {};
  const given: [string, string][] = [];
  for (const name of Object.keys(query)) {
    const parameter = byName.get(name);
    const raw = query[name];
    if (parameter === undefined || raw === undefined) continue;
    const argument = parameter.target === 'filter' ? `filter.${parameter.name}` : parameter.name;
    const values = textValues(raw);
    if (values === null) throw refuse(`${parameter.name} must be given as text, such as ${parameter.name}=...`, argument);
    const list = isListType(getNullableType(parameter.type));
    if (!list && values.length > 1) throw refuse(`${parameter.name} was given ${values.length} times; give it once`, argument);
    const input = list ? values.flatMap((value) => value.split(',')).map((value) => asInput(value.trim(), parameter.type)) : asInput(values[0] ?? '', parameter.type);
    const coerced = coerceInputValue(input, parameter.type, (_path, invalid, error) => {
      const named = getNamedType(parameter.type);
      const hint = isEnumType(named) ? ` (one of ${named.getValues().map((v) => v.name).join(', ')})` : '';
      throw refuse(`Query parameter ${parameter.name} got invalid value ${JSON.stringify(quoteShort(String(invalid)))}${hint}; ${error.message.replace(/\.$/, '')}`, argument);
    });
    if (parameter.target === 'choice') choice[parameter.name] = coerced;
    else setAtPath(filter, parameter.name.split('.'), coerced);
    given.push([parameter.name, values.join(',')]);
  }
  const asOf = choice['asOf'];
  return {
    filter,
    choice: {
      revision: typeof choice['revision'] === 'string' ? choice['revision'] : null,
      asOf: asOf instanceof Date || typeof asOf === 'string' ? isoDay(asOf) : null,
      prospective: typeof choice['prospective'] === 'boolean' ? choice['prospective'] : null,
    },
    given,
  };
}
