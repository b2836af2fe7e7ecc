import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { SavedFilterResource } from './saved-filter.enums.js';
import { SavedFilterCreateInput, SavedFilterDeleteInput, SavedFilterUpdateInput } from './saved-filter.inputs.js';
import { createSavedFilter, deleteSavedFilter, listSavedFilters, updateSavedFilter } from './saved-filter.service.js';
import { SavedFilterDeletePayload, SavedFilterPayload, SavedFilterType } from './saved-filter.type.js';

@Resolver(() => SavedFilterType)
export class SavedFilterResolver {
  @Query(() => [SavedFilterType], {
    description: "The signed-in staff member's own saved filters of one list, by name. Every role has them; an API key has none (FORBIDDEN).",
  })
  savedFilters(@Arg('resource', () => SavedFilterResource) resource: SavedFilterResource, @Ctx() context: Context): Promise<SavedFilterType[]> {
    return listSavedFilters(context, resource);
  }

  @Mutation(() => SavedFilterPayload, {
    description: 'Saves a filter of a list under a name for the signed-in staff member (CONFLICT on `name` when they already have that name for the list, ignoring case).',
  })
  async savedFilterCreate(@Arg('input', () => SavedFilterCreateInput) input: SavedFilterCreateInput, @Ctx() context: Context): Promise<SavedFilterPayload> {
    const { value, userErrors } = await createSavedFilter(context, input);
    return { savedFilter: value, userErrors };
  }

  @Mutation(() => SavedFilterPayload, { description: "Renames one of the viewer's saved filters or replaces its filter or order (NOT_FOUND for anyone else's)." })
  async savedFilterUpdate(@Arg('input', () => SavedFilterUpdateInput) input: SavedFilterUpdateInput, @Ctx() context: Context): Promise<SavedFilterPayload> {
    const { value, userErrors } = await updateSavedFilter(context, input);
    return { savedFilter: value, userErrors };
  }

  @Mutation(() => SavedFilterDeletePayload, { description: "Deletes one of the viewer's saved filters (NOT_FOUND for anyone else's)." })
  async savedFilterDelete(@Arg('input', () => SavedFilterDeleteInput) input: SavedFilterDeleteInput, @Ctx() context: Context): Promise<SavedFilterDeletePayload> {
    const { value, userErrors } = await deleteSavedFilter(context, input);
    return { deletedId: value, userErrors };
  }
}
