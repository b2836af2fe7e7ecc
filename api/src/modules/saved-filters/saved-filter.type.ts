import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { timestamp } from '../../db/sql.js';
import { SortDirection } from '../../graphql/enums.js';
import { UserError } from '../../graphql/errors.js';
import { SavedFilterResource } from './saved-filter.enums.js';

@ObjectType('SavedFilter', { description: "A list filter the signed-in staff member saved under a name; only they see it." })
export class SavedFilterType {
  @Field(() => ID)
  id!: string;

  @Field(() => SavedFilterResource)
  resource!: SavedFilterResource;

  @Field(() => String, { description: 'Unique per person and list, ignoring case (1–80 characters).' })
  name!: string;

  @Field(() => GraphQLJSONObject, { description: "The list's filter values as the console keeps them (its URL's filter object)." })
  filter!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'The list column to sort by; null: the list\'s default order.' })
  sortField!: string | null;

  @Field(() => SortDirection, { nullable: true })
  sortOrder!: SortDirection | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType({ description: 'The saved filter as it is after the mutation, or userErrors and no change.' })
export class SavedFilterPayload {
  @Field(() => SavedFilterType, { nullable: true })
  savedFilter!: SavedFilterType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ description: 'The id of the deleted saved filter, or userErrors and no change.' })
export class SavedFilterDeletePayload {
  @Field(() => ID, { nullable: true })
  deletedId!: string | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

export interface SavedFilterRow {
  id: string;
  resource: string;
  name: string;
  filter: Record<string, unknown>;
  sort_field: string | null;
  sort_order: string | null;
  created_at: string;
  updated_at: string;
}

export const SAVED_FILTER_COLUMNS = 'id, resource, name, filter, sort_field, sort_order, created_at, updated_at';

export function toSavedFilter(row: SavedFilterRow): SavedFilterType {
  return {
    id: row.id,
    resource: row.resource as SavedFilterResource,
    name: row.name,
    filter: row.filter,
    sortField: row.sort_field,
    sortOrder: row.sort_order as SortDirection | null,
    createdAt: timestamp(row.created_at),
    updatedAt: timestamp(row.updated_at),
  };
}
