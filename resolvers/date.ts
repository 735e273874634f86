/**
 * The `Date` scalar: graphql-scalars' DateResolver (RFC 3339 full-date) does the checking;
 * this wrapper only rewords its refusal so it shows a valid value (docs/architecture.md,
 * convention 6).
 */
import { GraphQLError, GraphQLScalarType } from 'graphql';
import { DateResolver } from 'graphql-scalars';

const refusal = (value: unknown): GraphQLError =>
  new GraphQLError(`A date must be written year-month-day, such as 2024-09-01; got ${JSON.stringify(value)}`);

const config = DateResolver.toConfig();

export const DateScalar = new GraphQLScalarType({
  ...config,
  description: 'A calendar date in ISO 8601 form, such as 2024-09-01.',
  parseValue(value) {
    try {
      return config.parseValue?.(value);
    } catch {
      throw refusal(value);
    }
  },
  parseLiteral(ast, variables) {
    try {
      return config.parseLiteral?.(ast, variables);
    } catch {
      throw refusal('value' in ast ? ast.value : ast.kind);
    }
  },
});
