import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { toUserError } from '../../graphql/errors.js';
import type { MutationResult } from '../../graphql/mutation.js';
import { logInteraction, logInteractionBatch, markResolved, markResponded } from './interaction-writes.js';
import {
  InteractionLogBatchInput,
  InteractionLogBatchPayload,
  InteractionLogInput,
  InteractionMarkResolvedInput,
  InteractionMarkRespondedInput,
  InteractionPayload,
} from './interaction.mutations.js';
import type { InteractionType } from './interaction.type.js';

const payload = async (result: Promise<MutationResult<InteractionType>>): Promise<InteractionPayload> => {
  const { value, userErrors } = await result;
  return { interaction: value, userErrors };
};

@Resolver()
export class InteractionMutationsResolver {
  @Mutation(() => InteractionPayload, { description: 'Logs a touchpoint with a customer (for a known externalId: returns the stored one).' })
  interactionLog(@Arg('input', () => InteractionLogInput) input: InteractionLogInput, @Ctx() context: Context): Promise<InteractionPayload> {
    return payload(logInteraction(context, input));
  }

  @Mutation(() => InteractionLogBatchPayload, {
    description: 'Logs up to 1,000 touchpoints in one transaction: valid items are written, invalid ones reported per item.',
  })
  async interactionLogBatch(
    @Arg('input', () => InteractionLogBatchInput) input: InteractionLogBatchInput,
    @Ctx() context: Context,
  ): Promise<InteractionLogBatchPayload> {
    const { value, userErrors } = await logInteractionBatch(context, input);
    const results = (value ?? []).map((item, index) => ({ index, interaction: item.value, userErrors: item.errors.map(toUserError) }));
    return { results, userErrors };
  }

  @Mutation(() => InteractionPayload, { description: 'Records when we answered an INBOUND interaction (once).' })
  interactionMarkResponded(
    @Arg('input', () => InteractionMarkRespondedInput) input: InteractionMarkRespondedInput,
    @Ctx() context: Context,
  ): Promise<InteractionPayload> {
    return payload(markResponded(context, input));
  }

  @Mutation(() => InteractionPayload, { description: 'Records when the matter was resolved (once); an unanswered INBOUND one counts as answered then.' })
  interactionMarkResolved(
    @Arg('input', () => InteractionMarkResolvedInput) input: InteractionMarkResolvedInput,
    @Ctx() context: Context,
  ): Promise<InteractionPayload> {
    return payload(markResolved(context, input));
  }
}
