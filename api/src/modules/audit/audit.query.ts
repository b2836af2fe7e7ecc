import type { EntityManager } from '@mikro-orm/postgresql';
import { Conditions, isTimestampText, isUuid, query } from '../../db/sql.js';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../graphql/connection.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { toAuditEvent, type AuditEventRow, type AuditEventsArgs, type AuditEventType } from './audit.type.js';
import type { Viewer } from '../../graphql/context.js';
import { maskAuditValues } from '../access/masking.js';

const cursorTimes = new WeakMap<AuditEventType, string>();

/** The audit trail, newest first, filtered, paged by cursor; personal values masked for viewers who may not read them. */
export async function listAuditEvents(em: EntityManager, args: AuditEventsArgs, viewer: Viewer): Promise<Connection<AuditEventType>> {
  const limit = pageSize(args.first);
  const where = new Conditions();
  const filter = args.filter ?? {};
  for (const key of ['customerId', 'actorId', 'entityId'] as const) {
    const value = filter[key];
    if (value == null) continue;
    if (!isUuid(value)) throw new DomainError(ErrorCode.INVALID, 'must be an id', ['filter', key]);
    const column = { customerId: 'customer_id', actorId: 'actor_id', entityId: 'entity_id' }[key];
    where.add(`a.${column} = ?::uuid`, value);
  }
  if (filter.entityType) where.add('a.entity_type = ?', filter.entityType);
  if (filter.since) where.add('a.occurred_at >= ?', filter.since);
  if (filter.until) where.add('a.occurred_at < ?', filter.until);
  const counted = new Conditions();
  counted.add(where.sql ? where.sql.replace(/^where /, '') : 'true', ...where.params);
  if (args.after) {
    const [time, id] = decodeCursor(args.after);
    if (typeof time !== 'string' || !isTimestampText(time) || !isUuid(id)) {
      throw new DomainError(ErrorCode.INVALID, 'is not a cursor of this list', ['after']);
    }
    where.add('(a.occurred_at, a.id) < (?::timestamptz, ?::uuid)', time, id);
  }
  const rows = await query<AuditEventRow & { cursor_time: string }>(
    em,
    `select a.*, a.occurred_at::text as cursor_time from audit_event a ${where.sql} order by a.occurred_at desc, a.id desc limit ?`,
    [...where.params, limit + 1],
  );
  const events = rows.map((row) => {
    const event = toAuditEvent(row);
    event.before = maskAuditValues(viewer, event.entityType, event.before);
    event.after = maskAuditValues(viewer, event.entityType, event.after);
    cursorTimes.set(event, row.cursor_time);
    return event;
  });
  return toConnection(
    events,
    limit,
    (e) => [cursorTimes.get(e) ?? null, e.id],
    async () => Number((await query<{ count: string }>(em, `select count(*) from audit_event a ${counted.sql}`, counted.params))[0]!.count),
    Boolean(args.after),
  );
}
