import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { cohortRetention } from './cohort.service.js';
import { CohortRetentionArgs, MetricsArgs } from './metrics.inputs.js';
import { metricsReport } from './metrics.service.js';
import { CohortRetention, MetricsReport } from './metrics.type.js';

@Resolver()
export class MetricsResolver {
  @Query(() => MetricsReport, {
    description:
      'CSAT, NPS, CES, churn and retention, customers, revenue, lifetime value, acquisition spend, CAC, LTV:CAC, response-SLA breach rate, handoffs and churn reasons over [from, to), by bucket and group. Ratios over nothing are null; sums over nothing are 0.',
  })
  metrics(@Args(() => MetricsArgs) args: MetricsArgs, @Ctx() context: Context): Promise<MetricsReport> {
    return metricsReport(context.em, args, context.now);
  }

  @Query(() => CohortRetention, { description: 'Customers grouped by acquisition month, with the share still active after 1…N months.' })
  cohortRetention(@Args(() => CohortRetentionArgs) args: CohortRetentionArgs, @Ctx() context: Context): Promise<CohortRetention> {
    return cohortRetention(context.em, args, context.now);
  }
}
