import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { AcquisitionSpendArgs, AcquisitionSpendPayload, AcquisitionSpendSetInput } from './acquisition-spend.inputs.js';
import { listAcquisitionSpend, setAcquisitionSpend } from './acquisition-spend.service.js';
import { AcquisitionSpendType } from './acquisition-spend.type.js';
import { Allowed } from '../access/guard.js';

@Resolver()
export class AcquisitionSpendResolver {
  @Query(() => [AcquisitionSpendType], { description: 'Acquisition spend per channel and month, for months starting in [from, to), by month then channel.' })
  @Allowed('read', 'acquisitionSpend')
  acquisitionSpend(@Args(() => AcquisitionSpendArgs) args: AcquisitionSpendArgs, @Ctx() context: Context): Promise<AcquisitionSpendType[]> {
    return listAcquisitionSpend(context.em, args);
  }

  @Mutation(() => AcquisitionSpendPayload, { description: 'Sets what a channel cost in a month (creates the row or replaces its amount and currency).' })
  async acquisitionSpendSet(
    @Arg('input', () => AcquisitionSpendSetInput) input: AcquisitionSpendSetInput,
    @Ctx() context: Context,
  ): Promise<AcquisitionSpendPayload> {
    const { value, userErrors } = await setAcquisitionSpend(context, input);
    return { acquisitionSpend: value, userErrors };
  }
}
