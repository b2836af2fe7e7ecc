import { describe, expect, it } from 'vitest';
import { monthStart, nextMonthStart, parseSpendRecordId, spendRecordId, toAcquisitionSpendSetInput, toSpendArguments } from './acquisitionSpend';
import { auditDiff, auditValueText, toAuditEventFilter } from './auditEvents';
import { toInteractionListFilter, toInteractionOrder } from './interactions';
import { toPurchaseListFilter, toPurchaseOrder, toPurchaseRefundInput } from './purchases';
import { toSurveyResponseListFilter, toSurveyResponseOrder } from './surveyResponses';

describe('the lists across customers', () => {
  it('map the interaction filters, "awaiting an answer" included, and sort by time only', () => {
    expect(
      toInteractionListFilter({ channel: ['EMAIL', 'CHAT'], direction: 'INBOUND', team: ['SERVICE'], awaitingResponse: 'true', occurredAfter: '2026-03-01', staffId: '' }),
    ).toEqual({
      customerId: undefined,
      teams: ['SERVICE'],
      channels: ['EMAIL', 'CHAT'],
      directions: ['INBOUND'],
      journeyStages: undefined,
      staffId: undefined,
      occurredAfter: new Date('2026-03-01T00:00:00').toISOString(),
      occurredBefore: undefined,
      awaitingResponse: true,
    });
    expect(toInteractionListFilter({ awaitingResponse: false }).awaitingResponse).toBe(false);
    expect(toInteractionOrder({ field: 'occurredAt', order: 'ASC' })).toEqual({ field: 'OCCURRED_AT', direction: 'ASC' });
    expect(toInteractionOrder({ field: 'subject', order: 'ASC' })).toBeUndefined();
  });

  it('keep purchase amounts as the exact text typed and the currency in capitals; leave out what is not an amount', () => {
    expect(toPurchaseListFilter({ kind: ['REFUND'], currency: ' usd ', amountMin: '1299.50', amountMax: '1,000', purchasedBefore: 'soon' })).toEqual({
      customerId: undefined,
      kinds: ['REFUND'],
      currency: 'USD',
      amountMin: '1299.50',
      amountMax: undefined,
      purchasedAfter: undefined,
      purchasedBefore: undefined,
    });
    expect(toPurchaseListFilter({ currency: 'dollars' }).currency).toBeUndefined();
    expect(toPurchaseOrder({ field: 'amount', order: 'DESC' })).toEqual({ field: 'AMOUNT', direction: 'DESC' });
    expect(toPurchaseOrder({ field: 'purchasedAt', order: 'ASC' })).toEqual({ field: 'PURCHASED_AT', direction: 'ASC' });
  });

  it('map survey filters with whole-number score bounds, and sort by score or time', () => {
    expect(toSurveyResponseListFilter({ kind: 'NPS', scoreMin: '0', scoreMax: 6, journeyStage: ['SUPPORT'] })).toMatchObject({
      kinds: ['NPS'],
      scoreMin: 0,
      scoreMax: 6,
      journeyStages: ['SUPPORT'],
    });
    expect(toSurveyResponseListFilter({ scoreMax: 4.5 }).scoreMax).toBeUndefined();
    expect(toSurveyResponseOrder({ field: 'score', order: 'ASC' })).toEqual({ field: 'SCORE', direction: 'ASC' });
  });

  it('refund with the amount as typed, or without one to refund all that is left', () => {
    expect(toPurchaseRefundInput('p-1', { amount: ' 40.25 ', reason: 'Damaged', refundedAt: '' })).toEqual({ purchaseId: 'p-1', amount: '40.25', reason: 'Damaged' });
    expect(toPurchaseRefundInput('p-1', { amount: '', reason: '  ' })).toEqual({ purchaseId: 'p-1' });
  });
});

describe('acquisition spend', () => {
  it('names a record by its month and channel, and reads that back', () => {
    expect(spendRecordId('2026-03-01', 'PAID_SEARCH')).toBe('2026-03-01~PAID_SEARCH');
    expect(parseSpendRecordId('2026-03-01~PAID_SEARCH')).toEqual({ periodStart: '2026-03-01', channel: 'PAID_SEARCH' });
    expect(parseSpendRecordId('c9b1e1c2-0000-4000-8000-000000000000')).toBeNull();
  });

  it('asks for the months from "from" through "to" included, the last twelve by default', () => {
    expect(nextMonthStart('2026-12-01')).toBe('2027-01-01');
    expect(monthStart('2026-03')).toBe('2026-03-01');
    expect(monthStart('2026-13')).toBeUndefined();
    expect(toSpendArguments({ from: '2026-01', to: '2026-03', channel: ['EVENTS'] })).toEqual({ from: '2026-01-01', to: '2026-04-01', channels: ['EVENTS'] });
    expect(toSpendArguments({}, new Date(2026, 2, 15))).toEqual({ from: '2025-04-01', to: '2026-04-01', channels: undefined });
  });

  it('sets a month with the amount as typed and the currency in capitals', () => {
    expect(toAcquisitionSpendSetInput({ channel: 'EVENTS', periodStart: '2026-03', amount: ' 1500.10 ', currency: 'eur' })).toEqual({
      channel: 'EVENTS',
      periodStart: '2026-03-01',
      amount: '1500.10',
      currency: 'EUR',
    });
  });
});

describe('the audit log', () => {
  it('shows only the fields that changed, before beside after', () => {
    const before = { name: 'Ada', tags: ['vip'], owner: null, version: 1 };
    const after = { name: 'Ada King', tags: ['vip'], owner: { id: 's1' }, version: 2, email: 'ada@example.com' };
    expect(auditDiff(before, after)).toEqual([
      { field: 'name', before: 'Ada', after: 'Ada King' },
      { field: 'owner', before: null, after: { id: 's1' } },
      { field: 'version', before: 1, after: 2 },
      { field: 'email', before: undefined, after: 'ada@example.com' },
    ]);
    expect(auditDiff(null, { name: 'Ada' })).toEqual([{ field: 'name', before: undefined, after: 'Ada' }]);
  });

  it('writes values readably', () => {
    expect(auditValueText(['vip', 'beta'])).toBe('vip, beta');
    expect(auditValueText({ id: 's1' })).toBe('{"id":"s1"}');
    expect(auditValueText(null)).toBeNull();
    expect(auditValueText(12)).toBe('12');
    expect(toAuditEventFilter({ entityType: 'Customer', since: '2026-03-01', actorId: '' })).toEqual({
      actorId: undefined,
      customerId: undefined,
      entityId: undefined,
      entityType: 'Customer',
      since: new Date('2026-03-01T00:00:00').toISOString(),
      until: undefined,
    });
  });
});
