import { Field, ID, InputType } from 'type-graphql';
import { ApiKeyScope } from './api-key.type.js';

@InputType({ description: 'A new API key for an integrator.' })
export class ApiKeyCreateInput {
  @Field(() => String, { description: 'What the key is for, e.g. "Shop import" (1–100 characters).' })
  name!: string;

  @Field(() => [ApiKeyScope], { description: 'At least one of READ, WRITE, IMPORT.' })
  scopes!: ApiKeyScope[];

  @Field(() => [String], {
    nullable: true,
    description: 'Limit the key to these resources of the permission matrix (e.g. ["customers", "purchases"]); omit for every resource. Personal fields need "personalData" too.',
  })
  resources?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'When the key stops working (in the future, at most 2 years ahead); omit for no expiry.' })
  expiresAt?: Date | null;
}

@InputType({ description: 'The key to revoke; it is refused from the next request on.' })
export class ApiKeyRevokeInput {
  @Field(() => ID)
  id!: string;
}
