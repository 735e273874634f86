/**
 * A validation rule: an operation whose type the schema has no root for (a mutation or a
 * subscription, while the API only reads) is refused as a validation error that says so,
 * with an example that works. Without it graphql-js validates the operation and only
 * execution fails, with an error that leaves as INTERNAL_SERVER_ERROR.
 */
import { GraphQLError, OperationTypeNode, type ValidationRule } from 'graphql';

export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    if (schema.getRootType(node.operation)) return;
    const offered = [OperationTypeNode.QUERY, OperationTypeNode.MUTATION, OperationTypeNode.SUBSCRIPTION].filter((kind) => schema.getRootType(kind));
    context.reportError(
      new GraphQLError(
        `This API has no ${node.operation} operations; it offers ${offered.map((kind) => `${kind} operations`).join(' and ')}. ` +
          'Send a query instead, for example { service { name } }.',
        { nodes: node, extensions: { operation: node.operation } },
      ),
    );
  },
});
