import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { TeamSlaPayload, TeamSlaUpdateInput } from './sla.mutations.js';
import { updateTeamSla } from './sla.service.js';

@Resolver()
export class TeamSlaMutationsResolver {
  @Mutation(() => TeamSlaPayload, { description: "Changes a team's response and handoff SLAs (managers and admins only)." })
  async teamSlaUpdate(@Arg('input', () => TeamSlaUpdateInput) input: TeamSlaUpdateInput, @Ctx() context: Context): Promise<TeamSlaPayload> {
    const { value, userErrors } = await updateTeamSla(context, input);
    return { teamSla: value, userErrors };
  }
}
