import DataLoader from 'dataloader';
import { timestamp } from '../../db/sql.js';
import { groupKeys, perRequest, type Context } from '../../graphql/context.js';
import type { Team } from '../../domain/enums.js';
import { openBreaches, teamSlaRows } from './sla.sql.js';
import { toTeamSla, type SlaState, type TeamSlaType } from './sla.type.js';

const KEY = Symbol('sla.loaders');

interface BreachKey {
  customerId: string;
  asOf: Date;
}
const keyOf = (k: BreachKey) => `${k.customerId}|${k.asOf.getTime()}`;

export function slaLoaders(context: Context) {
  return perRequest(context, KEY, () => {
    let settings: Promise<Map<Team, TeamSlaType>> | null = null;
    return {
      /** Every team's service levels, read once per request. */
      teamSlas(): Promise<Map<Team, TeamSlaType>> {
        settings ??= teamSlaRows(context.em).then((rows) => new Map(rows.map((row) => [row.team, toTeamSla(row)])));
        return settings;
      },
      state: new DataLoader<BreachKey, SlaState, string>(
        async (keys) => {
          const byMoment = groupKeys(keys, (key) => key.asOf.getTime());
          const found = new Map<string, SlaState>();
          for (const [moment, group] of byMoment) {
            const asOf = new Date(moment);
            for (const row of await openBreaches(context.em, [...new Set(group.map((k) => k.customerId))], asOf)) {
              const interactionBreaches = Number(row.interaction_breaches);
              const handoffBreaches = Number(row.handoff_breaches);
              found.set(keyOf({ customerId: row.customer_id, asOf }), {
                asOf,
                openBreaches: interactionBreaches + handoffBreaches,
                interactionBreaches,
                handoffBreaches,
                oldestBreachDueAt: timestamp(row.oldest_due),
              });
            }
          }
          return keys.map((k) => found.get(keyOf(k))!);
        },
        { cacheKeyFn: keyOf },
      ),
    };
  });
}
