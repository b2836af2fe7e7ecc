import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { CustomerType } from '../customers/customer.type.js';
import { TimelineArgs } from './timeline.inputs.js';
import { selectedFieldNames } from '../../graphql/selection.js';
import { timelineLoaders } from './timeline.loaders.js';
import { selectsEventSources } from './timeline.service.js';
import { TimelineConnection, type TimelineEvent } from './timeline.type.js';
import { Allowed } from '../access/guard.js';

@Resolver(() => CustomerType)
@Allowed('read', 'interactions', 'purchases', 'surveys', 'handoffs')
export class CustomerTimelineResolver {
  @FieldResolver(() => TimelineConnection, {
    description:
      "The customer's whole history in one list: interactions, purchases, survey responses and every step of each handoff, newest first (events at the same moment in a fixed kind order, see TimelineEventKind).",
  })
  timeline(
    @Root() customer: CustomerType,
    @Args(() => TimelineArgs) args: TimelineArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<TimelineEvent>> {
    return timelineLoaders(context).page(customer.id, args, selectsEventSources(selectedFieldNames(info)));
  }
}
