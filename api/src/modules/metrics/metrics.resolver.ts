import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { selectedFieldNames } from '../../graphql/selection.js';
import { viewerOf, type Context } from '../../graphql/context.js';
import { cohortRetention } from './cohort.service.js';
import { CohortRetentionArgs, MetricsArgs } from './metrics.inputs.js';
import { metricsReport } from './metrics.service.js';
import { CohortRetention, MetricsReport } from './metrics.type.js';
import { Allowed } from '../access/guard.js';
import { checkFilterVisibility } from '../customers/customer-visibility.js';

@Resolver()
@Allowed('read', 'metrics')
export class MetricsResolver {
  @Query(() => MetricsReport, {
    description:
      'CSAT, NPS, CES, churn and retention, customers, revenue, lifetime value, acquisition spend, CAC, LTV:CAC, response-SLA breach rate, handoffs and churn reasons over [from, to), by bucket and group. Ratios over nothing are null; sums over nothing are 0. Only the metric families the query selects are computed (one SQL statement each), and groups are those values that occur in them.',
  })
  metrics(@Args(() => MetricsArgs) args: MetricsArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<MetricsReport> {
    checkFilterVisibility(viewerOf(context), args.filter);
    // Only the metric families the query selects are computed.
    return metricsReport(context.em, args, context.now, selectedFieldNames(info));
  }

  @Query(() => CohortRetention, { description: 'Customers grouped by acquisition month, with the share still active after 1…N months.' })
  cohortRetention(@Args(() => CohortRetentionArgs) args: CohortRetentionArgs, @Ctx() context: Context): Promise<CohortRetention> {
    checkFilterVisibility(viewerOf(context), args.filter);
    return cohortRetention(context.em, args, context.now);
  }
}
