import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { viewerOf, type Context } from '../../graphql/context.js';
import { ApiKeyCreateInput, ApiKeyRevokeInput } from './api-key.inputs.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-key.service.js';
import { ApiKeyCreatePayload, ApiKeyRevokePayload, ApiKeyType } from './api-key.type.js';

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @Query(() => [ApiKeyType], { description: 'Every API key, newest first, revoked and expired ones included (ADMIN only). Secrets are never shown.' })
  apiKeys(@Ctx() context: Context): Promise<ApiKeyType[]> {
    return listApiKeys(context, viewerOf(context));
  }

  @Mutation(() => ApiKeyCreatePayload, { description: 'Creates an API key (ADMIN only) and returns it whole this once; only its hash is stored. Audited.' })
  async apiKeyCreate(@Arg('input', () => ApiKeyCreateInput) input: ApiKeyCreateInput, @Ctx() context: Context): Promise<ApiKeyCreatePayload> {
    const { value, userErrors } = await createApiKey(context, input);
    return { apiKey: value?.apiKey ?? null, key: value?.key ?? null, userErrors };
  }

  @Mutation(() => ApiKeyRevokePayload, { description: 'Revokes an API key (ADMIN only): refused from the next request on. Audited.' })
  async apiKeyRevoke(@Arg('input', () => ApiKeyRevokeInput) input: ApiKeyRevokeInput, @Ctx() context: Context): Promise<ApiKeyRevokePayload> {
    const { value, userErrors } = await revokeApiKey(context, input);
    return { apiKey: value, userErrors };
  }
}
