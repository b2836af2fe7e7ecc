import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Context } from './context.js';
import { GraphQLError } from 'graphql';
import { ErrorCode, unauthenticated } from './errors.js';

/** Root fields anyone may call without a token. */
const PUBLIC_ROOT_FIELDS = new Set(['login', 'tokenRefresh', '__typename']);

/** Bulk writes (`customerCreateBatch`, `purchaseRecordBatch`, …): an API key needs the IMPORT scope for them. */
const isBatchMutation = (name: string) => name.endsWith('Batch');

/**
 * What an API key's scopes allow at the level of a whole operation, before anything runs: a key
 * without WRITE can never run a mutation, and the batch mutations need IMPORT (instead of WRITE).
 * Per-resource limits are checked by the services (access/permissions.ts `can`).
 */
function apiKeyRefusal(scopes: readonly string[], name: string, operation: OperationDefinitionNode): GraphQLError | null {
  if (operation.operation !== 'mutation') return null;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || PUBLIC_ROOT_FIELDS.has(selection.name.value)) continue;
    const field = selection.name.value;
    const needed = isBatchMutation(field) ? 'IMPORT' : 'WRITE';
    if (!scopes.includes(needed)) {
      return new GraphQLError(`API key "${name}" may not run ${field}: it needs the ${needed} scope (the key has ${scopes.join(', ')})`, {
        extensions: { code: ErrorCode.FORBIDDEN, field: [field], requiredScope: needed, http: { status: 403 } },
      });
    }
  }
  // Fragments on the mutation root are spread in: refuse them for keys rather than walk them.
  if (operation.selectionSet.selections.some((selection) => selection.kind !== Kind.FIELD)) {
    return new GraphQLError(`API key "${name}" must name each mutation field directly (no fragments on the Mutation type)`, {
      extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
    });
  }
  return null;
}

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
            ? unauthenticated(
                contextValue.credentialsProblem ??
                  'The bearer token is invalid or expired, or its account is deactivated: get a new one with tokenRefresh, or sign in again with the login mutation.',
              )
            : unauthenticated();
        }
        const apiKey = contextValue.viewer?.apiKey;
        if (apiKey && operation) {
          const refusal = apiKeyRefusal(apiKey.scopes, apiKey.name, operation);
          if (refusal) throw refusal;
        }
      },
    };
  },
};
