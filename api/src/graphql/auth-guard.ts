import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Context } from './context.js';
import { unauthenticated } from './errors.js';

/** Root fields anyone may call without a token. */
const PUBLIC_ROOT_FIELDS = new Set(['login', '__typename']);

function onlyPublicFields(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(selection.name.value),
  );
}

/**
 * Refuses every operation without a valid viewer before it executes, unless it only asks for
 * public root fields. The check sits here, once, so no resolver can forget it.
 */
export const authGuardPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (contextValue.viewer === null && (!operation || !onlyPublicFields(operation))) {
          throw contextValue.credentialsRejected
            ? unauthenticated('The bearer token is invalid or expired, or its account is deactivated: sign in again with the login mutation.')
            : unauthenticated();
        }
      },
    };
  },
};
