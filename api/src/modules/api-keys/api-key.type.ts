import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { timestamp } from '../../db/sql.js';
import { UserError } from '../../graphql/errors.js';

export enum ApiKeyScope {
  READ = 'READ',
  WRITE = 'WRITE',
  IMPORT = 'IMPORT',
}

registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'What an API key may do: READ queries, WRITE mutations, IMPORT the batch mutations (…Batch).',
  valuesConfig: {
    READ: { description: 'Queries on the resources the key covers.' },
    WRITE: { description: 'Mutations on the resources the key covers (a key without it can never write).' },
    IMPORT: { description: 'The batch mutations (customerCreateBatch, purchaseRecordBatch, …) on the resources the key covers.' },
  },
});

@ObjectType('ApiKey', { description: 'A key an integrator sends as "Authorization: Bearer <key>". The secret is never shown again after creation.' })
export class ApiKeyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The public start of the key ("c360_<prefix>_…"), to tell keys apart.' })
  prefix!: string;

  @Field(() => [ApiKeyScope])
  scopes!: ApiKeyScope[];

  @Field(() => [String], { nullable: true, description: 'Resources the key is limited to (names of the permission matrix); null: every resource its scopes allow.' })
  resources!: string[] | null;

  @Field(() => Date, { nullable: true, description: 'After this moment the key is refused; null: no expiry.' })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last request made with the key, to the minute (updated at most once a minute).' })
  lastUsedAt!: Date | null;

  @Field(() => ID, { description: 'The administrator who created the key; requests with it act in their name.' })
  createdById!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Boolean, { description: 'Neither revoked nor expired (requests also need its creator to be active).' })
  usable!: boolean;
}

@ObjectType({ description: 'The new key with its secret, shown this once; userErrors otherwise.' })
export class ApiKeyCreatePayload {
  @Field(() => ApiKeyType, { nullable: true })
  apiKey!: ApiKeyType | null;

  @Field(() => String, { nullable: true, description: 'The whole key, "c360_<prefix>_<secret>": store it now, it cannot be shown again.' })
  key!: string | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ description: 'The revoked key; userErrors otherwise.' })
export class ApiKeyRevokePayload {
  @Field(() => ApiKeyType, { nullable: true })
  apiKey!: ApiKeyType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  resources: string[] | null;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  created_by: string;
  created_at: string;
}

export const API_KEY_COLUMNS = 'id, name, prefix, scopes, resources, expires_at, revoked_at, last_used_at, created_by, created_at';

export function toApiKey(row: ApiKeyRow, now: Date): ApiKeyType {
  const expiresAt = timestamp(row.expires_at);
  const revokedAt = timestamp(row.revoked_at);
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as ApiKeyScope[],
    resources: row.resources,
    expiresAt,
    revokedAt,
    lastUsedAt: timestamp(row.last_used_at),
    createdById: row.created_by,
    createdAt: timestamp(row.created_at),
    usable: revokedAt === null && (expiresAt === null || expiresAt > now),
  };
}
