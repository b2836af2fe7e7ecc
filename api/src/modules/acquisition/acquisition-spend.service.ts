import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { Conditions, query } from '../../db/sql.js';
import type { Context } from '../../graphql/context.js';
import { ErrorCode, invalidArgument } from '../../graphql/errors.js';
import type { MutationResult } from '../../graphql/mutation.js';
import { Validator } from '../../graphql/validation.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import type { AcquisitionSpendArgs, AcquisitionSpendSetInput } from './acquisition-spend.inputs.js';
import { SPEND_COLUMNS, toAcquisitionSpend, type AcquisitionSpendRow, type AcquisitionSpendType } from './acquisition-spend.type.js';
import { mutateAllowed } from '../access/guard.js';

/** Spend rows whose month starts in [from, to), by month then channel. */
export async function listAcquisitionSpend(em: EntityManager, args: AcquisitionSpendArgs): Promise<AcquisitionSpendType[]> {
  if (args.from > args.to) throw invalidArgument(['to'], 'must not be before from');
  const where = new Conditions().add('period_start >= ?::date', args.from).add('period_start < ?::date', args.to);
  if (args.channels) where.add('channel = any(?::text[])', args.channels);
  const rows = await query<AcquisitionSpendRow>(em, `select ${SPEND_COLUMNS} from acquisition_spend ${where.sql} order by period_start, channel`, where.params);
  return rows.map(toAcquisitionSpend);
}

/** A period start must be the first of a month that has begun, from 1970 on (LocalDate text). */
function monthStart(v: Validator, value: string, now: Date): string | null {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  if (day !== 1) return v.fail('periodStart', ErrorCode.INVALID, 'must be the first day of a month, e.g. "2026-03-01": spend is kept per calendar month');
  if (year < 1970) return v.fail('periodStart', ErrorCode.INVALID, 'must not be before 1970');
  if (year * 12 + month - 1 > now.getUTCFullYear() * 12 + now.getUTCMonth()) {
    return v.fail('periodStart', ErrorCode.INVALID, 'must not be a month that has not begun yet');
  }
  return value;
}

/** The fields an audit row shows for a spend row. */
function snapshot(spend: AcquisitionSpendType): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = spend;
  return fields;
}

/**
 * Sets the spend of a channel and month: inserts the row, or replaces amount and currency of the
 * existing one (locked, so concurrent sets apply one after the other). Setting the same values
 * again changes and audits nothing.
 */
export function setAcquisitionSpend(context: Context, input: AcquisitionSpendSetInput): Promise<MutationResult<AcquisitionSpendType>> {
  return mutateAllowed(context, 'acquisitionSpend', async (tx, viewer) => {
    const v = new Validator();
    const periodStart = monthStart(v, input.periodStart, context.now);
    const currency = v.currency('currency', input.currency);
    const amount = v.money('amount', input.amount, currency, { allowZero: true });
    v.check();
    const audit = (action: string, before: Record<string, unknown> | null, after: Record<string, unknown>, id: string) =>
      recordAudit(tx, viewer, context.requestId, [{ action, entityType: 'AcquisitionSpend', entityId: id, customerId: null, before, after }]);

    const [created] = await query<AcquisitionSpendRow>(
      tx,
      `insert into acquisition_spend (channel, period_start, period_end, amount, currency)
       values (?, ?::date, (?::date + interval '1 month')::date, ?, ?)
       on conflict (channel, period_start) do nothing
       returning ${SPEND_COLUMNS}`,
      [input.channel, periodStart, periodStart, amount, currency],
    );
    if (created) {
      const spend = toAcquisitionSpend(created);
      await audit('acquisitionSpendSet', null, snapshot(spend), spend.id);
      return spend;
    }
    const [locked] = await query<AcquisitionSpendRow>(
      tx,
      `select ${SPEND_COLUMNS} from acquisition_spend where channel = ? and period_start = ?::date for update`,
      [input.channel, periodStart],
    );
    const before = toAcquisitionSpend(locked!);
    if (before.currency === currency && new Decimal(before.amount).equals(amount!)) return before;
    const [updated] = await query<AcquisitionSpendRow>(
      tx,
      `update acquisition_spend set amount = ?, currency = ?, version = version + 1, updated_at = now() where id = ? returning ${SPEND_COLUMNS}`,
      [amount, currency, before.id],
    );
    const after = toAcquisitionSpend(updated!);
    const diff = changedFields(snapshot(before), snapshot(after));
    await audit('acquisitionSpendSet', diff.before, diff.after, after.id);
    return after;
  });
}
