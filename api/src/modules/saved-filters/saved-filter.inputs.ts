import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { SortDirection } from '../../graphql/enums.js';
import { SavedFilterResource } from './saved-filter.enums.js';

@InputType({ description: "Saves a list's current filter (and order) under a name, for the signed-in staff member." })
export class SavedFilterCreateInput {
  @Field(() => SavedFilterResource)
  resource!: SavedFilterResource;

  @Field(() => String, { description: 'Unique per person and list, ignoring case; trimmed, 1–80 characters.' })
  name!: string;

  @Field(() => GraphQLJSON, { description: 'The filter values: a JSON object of at most 4,096 bytes (checked, a userError otherwise).' })
  filter!: unknown;

  @Field(() => String, { nullable: true, description: 'The list column to sort by (with sortOrder); omit for the list\'s default order.' })
  sortField?: string | null;

  @Field(() => SortDirection, { nullable: true })
  sortOrder?: SortDirection | null;
}

@InputType({ description: 'Renames a saved filter or replaces what it holds; omitted fields stay as they are.' })
export class SavedFilterUpdateInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The new filter values (a JSON object of at most 4,096 bytes).' })
  filter?: unknown;

  @Field(() => String, { nullable: true, description: 'Replaces the order together with sortOrder; set clearSort to drop it.' })
  sortField?: string | null;

  @Field(() => SortDirection, { nullable: true })
  sortOrder?: SortDirection | null;

  @Field(() => Boolean, { nullable: true, description: "True: the filter keeps no order (the list's default applies)." })
  clearSort?: boolean | null;
}

@InputType({ description: 'The saved filter to delete.' })
export class SavedFilterDeleteInput {
  @Field(() => ID)
  id!: string;
}
