import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { MutationResult } from '../../graphql/mutation.js';
import { acceptHandoff, cancelHandoff, completeHandoff, rejectHandoff, requestHandoff } from './handoff-writes.js';
import {
  HandoffAcceptInput,
  HandoffCancelInput,
  HandoffCompleteInput,
  HandoffPayload,
  HandoffRejectInput,
  HandoffRequestInput,
} from './handoff.mutations.js';
import type { HandoffType } from './handoff.type.js';

const payload = async (result: Promise<MutationResult<HandoffType>>): Promise<HandoffPayload> => {
  const { value, userErrors } = await result;
  return { handoff: value, userErrors };
};

@Resolver()
export class HandoffMutationsResolver {
  @Mutation(() => HandoffPayload, { description: "Hands a customer to another team with its context; due for acceptance after the receiving team's handoff SLA." })
  handoffRequest(@Arg('input', () => HandoffRequestInput) input: HandoffRequestInput, @Ctx() context: Context): Promise<HandoffPayload> {
    return payload(requestHandoff(context, input));
  }

  @Mutation(() => HandoffPayload, { description: 'The receiving team takes the handoff on: REQUESTED → ACCEPTED.' })
  handoffAccept(@Arg('input', () => HandoffAcceptInput) input: HandoffAcceptInput, @Ctx() context: Context): Promise<HandoffPayload> {
    return payload(acceptHandoff(context, input));
  }

  @Mutation(() => HandoffPayload, { description: 'The receiving team has done what the handoff asked: ACCEPTED → COMPLETED.' })
  handoffComplete(@Arg('input', () => HandoffCompleteInput) input: HandoffCompleteInput, @Ctx() context: Context): Promise<HandoffPayload> {
    return payload(completeHandoff(context, input));
  }

  @Mutation(() => HandoffPayload, { description: 'The receiving team turns the handoff down, with the reason: REQUESTED → REJECTED.' })
  handoffReject(@Arg('input', () => HandoffRejectInput) input: HandoffRejectInput, @Ctx() context: Context): Promise<HandoffPayload> {
    return payload(rejectHandoff(context, input));
  }

  @Mutation(() => HandoffPayload, { description: 'The sending side withdraws the handoff: REQUESTED or ACCEPTED → CANCELLED.' })
  handoffCancel(@Arg('input', () => HandoffCancelInput) input: HandoffCancelInput, @Ctx() context: Context): Promise<HandoffPayload> {
    return payload(cancelHandoff(context, input));
  }
}
