import { HttpError } from 'react-admin';
import { graphqlRequest } from '../graphql/client';
import { instantOrUndefined, mutationDocument, runMutation } from './mutations';
import type { ResourceReader } from './types';

/** The API keys page (ADMIN only): every key, newest first, and the create and revoke mutations. */
export type ApiKeyScope = 'READ' | 'WRITE' | 'IMPORT';

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  resources: string[] | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  createdById: string;
  usable: boolean;
}

const API_KEY_FIELDS = 'id name prefix scopes resources expiresAt lastUsedAt revokedAt createdAt createdById usable';

const API_KEYS = /* GraphQL */ `
  query ApiKeys {
    apiKeys { ${API_KEY_FIELDS} }
  }
`;

async function allApiKeys(signal?: AbortSignal): Promise<ApiKey[]> {
  const { apiKeys } = await graphqlRequest<{ apiKeys: ApiKey[] }>(API_KEYS, {}, { signal });
  return [...apiKeys].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const apiKeys: ResourceReader = {
  async getList({ pagination, signal }) {
    const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
    const found = await allApiKeys(signal);
    return { data: found.slice((page - 1) * perPage, page * perPage), total: found.length };
  },

  async getOne({ id, signal }) {
    const key = (await allApiKeys(signal)).find((candidate) => candidate.id === String(id));
    if (!key) throw new HttpError('ra.notification.item_doesnt_exist', 404);
    return { data: key };
  },

  async getMany({ ids, signal }) {
    const wanted = new Set(ids.map(String));
    return { data: (await allApiKeys(signal)).filter((key) => wanted.has(key.id)) };
  },
};

const API_KEY_CREATE = mutationDocument('apiKeyCreate', 'ApiKeyCreateInput', `key apiKey { ${API_KEY_FIELDS} }`);
const API_KEY_REVOKE = mutationDocument('apiKeyRevoke', 'ApiKeyRevokeInput', `apiKey { ${API_KEY_FIELDS} }`);

/** Creates a key and answers its whole secret ("c360_<prefix>_<secret>"), which the API shows this once. */
export async function createApiKey(values: Record<string, unknown>): Promise<string> {
  const resources = Array.isArray(values.resources) && values.resources.length > 0 ? values.resources : undefined;
  const input = {
    name: values.name,
    scopes: Array.isArray(values.scopes) ? values.scopes : [],
    resources,
    expiresAt: instantOrUndefined(values.expiresAt),
  };
  return runMutation<string>(API_KEY_CREATE, 'apiKeyCreate', 'key', input);
}

export async function revokeApiKey(id: string): Promise<ApiKey> {
  return runMutation<ApiKey>(API_KEY_REVOKE, 'apiKeyRevoke', 'apiKey', { id });
}
