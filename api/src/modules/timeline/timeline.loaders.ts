import DataLoader from 'dataloader';
import { toConnection, type Connection, type CursorKey } from '../../graphql/connection.js';
import { perRequest, type Context } from '../../graphql/context.js';
import type { TimelineArgs } from './timeline.inputs.js';
import { timelineCursorKey, timelinePageRequest, toTimelineEvent, type TimelinePageRequest } from './timeline.service.js';
import { timelineCounts, timelinePages, type TimelineFilter } from './timeline.sql.js';
import type { AnyTimelineEvent, TimelineEvent } from './timeline.type.js';

const KEY = Symbol('timeline.loaders');

/** Keys with the same `shape` (the canonical JSON of everything but the customer) share a statement. */
interface Keyed<T> {
  customerId: string;
  shape: string;
  request: T;
}

function keyed<T>(customerId: string, request: T): Keyed<T> {
  return { customerId, shape: JSON.stringify(request), request };
}

/** Batches the keys by shape and runs `load` once per shape, for all the customers that asked. */
function byShape<T, V>(load: (customerIds: string[], request: T) => Promise<Map<string, V>>, missing: V) {
  return new DataLoader<Keyed<T>, V, string>(
    async (keys) => {
      const shapes = new Map<string, Keyed<T>[]>();
      for (const key of keys) {
        const group = shapes.get(key.shape);
        if (group) group.push(key);
        else shapes.set(key.shape, [key]);
      }
      const found = new Map<string, V>();
      for (const [shape, group] of shapes) {
        const values = await load([...new Set(group.map((k) => k.customerId))], group[0]!.request);
        for (const [customerId, value] of values) found.set(`${customerId}|${shape}`, value);
      }
      return keys.map((k) => found.get(`${k.customerId}|${k.shape}`) ?? missing);
    },
    { cacheKeyFn: (k) => `${k.customerId}|${k.shape}` },
  );
}

/**
 * Per-request timeline loaders: one statement per distinct page request for every customer of a
 * GraphQL list, and one grouped count per distinct filter when a client asks for totalCount.
 */
export function timelineLoaders(context: Context) {
  return perRequest(context, KEY, () => {
    const cursors = new WeakMap<object, CursorKey>();

    const pages = byShape<TimelinePageRequest, AnyTimelineEvent[]>(async (customerIds, { filter, after, limit, withRows }) => {
      const events = new Map<string, AnyTimelineEvent[]>();
      for (const row of await timelinePages(context.em, customerIds, filter, after, limit + 1, withRows)) {
        const event = toTimelineEvent(row);
        cursors.set(event, timelineCursorKey(row));
        const list = events.get(row.customer_key);
        if (list) list.push(event);
        else events.set(row.customer_key, [event]);
      }
      return events;
    }, []);

    const counts = byShape<TimelineFilter, number>((customerIds, filter) => timelineCounts(context.em, customerIds, filter), 0);

    return {
      /** `withRows`: whether the query reads the events' source objects (see timelinePages). */
      async page(customerId: string, args: TimelineArgs, withRows: boolean): Promise<Connection<TimelineEvent>> {
        const request = timelinePageRequest(args, withRows);
        const events = await pages.load(keyed(customerId, request));
        return toConnection<TimelineEvent>(
          events,
          request.limit,
          (event) => cursors.get(event)!,
          () => counts.load(keyed(customerId, request.filter)),
          request.after !== null,
        );
      },
    };
  });
}
