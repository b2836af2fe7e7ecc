import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { Allowed } from '../access/guard.js';
import { findInteractionsByIds } from './interaction.service.js';
import { InteractionsArgs, listInteractions } from './interaction-list.js';
import { InteractionConnection, InteractionType } from './interaction.type.js';

@Resolver()
export class InteractionListResolver {
  @Query(() => InteractionConnection, { description: 'Interactions of every customer, filtered; newest first by default.' })
  @Allowed('read', 'interactions')
  interactions(@Args(() => InteractionsArgs) args: InteractionsArgs, @Ctx() context: Context): Promise<Connection<InteractionType>> {
    return listInteractions(context.em, args);
  }

  @Query(() => InteractionType, { nullable: true, description: 'One interaction by id; null when there is none.' })
  @Allowed('read', 'interactions')
  async interaction(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<InteractionType | null> {
    return (await findInteractionsByIds(context.em, [id]))[0] ?? null;
  }
}
