import DataLoader from 'dataloader';
import { groupKeys, perRequest, type Context } from '../../graphql/context.js';
import { toHealth } from './health.js';
import { healthOf } from './health.sql.js';
import type { Health } from './health.type.js';

const KEY = Symbol('health.loaders');

interface HealthKey {
  customerId: string;
  asOf: Date;
}
const keyOf = (k: HealthKey) => `${k.customerId}|${k.asOf.getTime()}`;

export function healthLoaders(context: Context) {
  return perRequest(context, KEY, () => ({
    byCustomer: new DataLoader<HealthKey, Health, string>(
      async (keys) => {
        const byMoment = groupKeys(keys, (key) => key.asOf.getTime());
        const found = new Map<string, Health>();
        for (const [moment, group] of byMoment) {
          const asOf = new Date(moment);
          for (const row of await healthOf(context.em, [...new Set(group.map((k) => k.customerId))], asOf)) {
            found.set(keyOf({ customerId: row.customer_id, asOf }), toHealth(row, asOf));
          }
        }
        return keys.map((k) => found.get(keyOf(k))!);
      },
      { cacheKeyFn: keyOf },
    ),
  }));
}
