import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Direction, HandoffStatus } from '../../domain/enums.js';
import type { Context } from '../../graphql/context.js';
import { CustomerType } from '../customers/customer.type.js';
import { HandoffType } from '../handoffs/handoff.type.js';
import { InteractionType } from '../interactions/interaction.type.js';
import { addMinutes, slaStatus } from './sla.js';
import { slaLoaders } from './sla.loaders.js';
import { SlaState, SlaStatus, TeamSlaType } from './sla.type.js';
import { Allowed } from '../access/guard.js';

@Resolver(() => TeamSlaType)
export class TeamSlaResolver {
  @Query(() => [TeamSlaType], { description: "Every team's service levels." })
  @Allowed('read', 'teamSla')
  async teamSlas(@Ctx() context: Context): Promise<TeamSlaType[]> {
    return [...(await slaLoaders(context).teamSlas()).values()];
  }
}

@Resolver(() => CustomerType)
export class CustomerSlaResolver {
  @FieldResolver(() => SlaState, { description: 'Open service-level breaches of this customer.' })
  slaState(
    @Root() customer: CustomerType,
    @Arg('asOf', () => Date, { nullable: true, description: 'Judge the clock at this moment (default: now).' }) asOf: Date | null,
    @Ctx() context: Context,
  ): Promise<SlaState> {
    return slaLoaders(context).state.load({ customerId: customer.id, asOf: asOf ?? context.now });
  }
}

@Resolver(() => InteractionType)
export class InteractionSlaResolver {
  @FieldResolver(() => Date, { nullable: true, description: "When an inbound interaction must be answered: occurredAt + its team's response SLA. Null for outbound ones." })
  async responseDueAt(@Root() interaction: InteractionType, @Ctx() context: Context): Promise<Date | null> {
    if (interaction.direction !== Direction.INBOUND) return null;
    const sla = (await slaLoaders(context).teamSlas()).get(interaction.team)!;
    return addMinutes(interaction.occurredAt, sla.responseSlaMinutes);
  }

  @FieldResolver(() => SlaStatus, { nullable: true, description: 'The response SLA of an inbound interaction, now. Null for outbound ones.' })
  async slaStatus(
    @Root() interaction: InteractionType,
    @Arg('asOf', () => Date, { nullable: true, description: 'Judge the clock at this moment (default: now).' }) asOf: Date | null,
    @Ctx() context: Context,
  ): Promise<SlaStatus | null> {
    if (interaction.direction !== Direction.INBOUND) return null;
    const sla = (await slaLoaders(context).teamSlas()).get(interaction.team)!;
    const dueAt = addMinutes(interaction.occurredAt, sla.responseSlaMinutes);
    return slaStatus(dueAt, sla.responseSlaMinutes, interaction.respondedAt, asOf ?? context.now);
  }
}

@Resolver(() => HandoffType)
export class HandoffSlaResolver {
  @FieldResolver(() => SlaStatus, {
    nullable: true,
    description: 'Whether the receiving team accepted (or rejected) the handoff by its dueAt, now. Null once cancelled.',
  })
  slaStatus(
    @Root() handoff: HandoffType,
    @Arg('asOf', () => Date, { nullable: true, description: 'Judge the clock at this moment (default: now).' }) asOf: Date | null,
    @Ctx() context: Context,
  ): SlaStatus | null {
    if (handoff.status === HandoffStatus.CANCELLED) return null;
    const allowedMinutes = (handoff.dueAt.getTime() - handoff.requestedAt.getTime()) / 60_000;
    return slaStatus(handoff.dueAt, allowedMinutes, handoff.acceptedAt ?? handoff.rejectedAt, asOf ?? context.now);
  }
}
