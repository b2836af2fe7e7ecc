import { describe, expect, it } from 'vitest';
import { formErrors } from '../graphql/client';
import { toPurchaseRecordInput, toSurveyResponseRecordInput } from './activityWrites';
import { profileChanges, toCreateInput } from './customerWrites';
import { toHandoffFilter, toHandoffOrder } from './handoffs';
import { instantOrUndefined } from './mutations';

describe('formErrors', () => {
  it("puts userErrors on the form's inputs by source, and those of no input under root.serverError", () => {
    expect(
      formErrors([
        { field: ['input', 'email'], message: 'must be an email address like name@example.com', code: 'INVALID' },
        { field: ['input', 'tags', '0'], message: 'must be at most 50 characters', code: 'INVALID' },
        { field: ['input', 'tags', '3'], message: 'must not be blank', code: 'INVALID' },
        { field: ['input', 'id'], message: 'cannot go from COMPLETED to ACCEPTED', code: 'INVALID_TRANSITION' },
        { field: ['input', 'customerId'], message: 'is archived', code: 'INVALID' },
        { field: null, message: 'try again', code: 'INVALID' },
      ]),
    ).toEqual({
      email: 'must be an email address like name@example.com',
      tags: 'must be at most 50 characters; must not be blank',
      root: { serverError: 'cannot go from COMPLETED to ACCEPTED is archived try again' },
    });
  });
});

describe('customer writes', () => {
  it('creates with the blanks left out, and dates only for the stages that take them', () => {
    const input = toCreateInput({
      name: 'Ada', email: '', company: '  ', segment: 'ENTERPRISE', acquisitionChannel: 'REFERRAL', kind: 'PERSON',
      lifecycleStage: 'PROSPECT', acquiredAt: '2026-03-01T10:00', tags: [' vip ', ''], ownerId: '',
    });
    expect(input).toEqual({ name: 'Ada', segment: 'ENTERPRISE', acquisitionChannel: 'REFERRAL', kind: 'PERSON', lifecycleStage: 'PROSPECT', tags: ['vip'] });
    const churned = toCreateInput({ name: 'Bo', segment: 'CONSUMER', acquisitionChannel: 'DIRECT', lifecycleStage: 'CHURNED', churnedAt: '2026-03-01T10:00', churnReason: 'Price' });
    expect(churned).toMatchObject({ churnedAt: new Date('2026-03-01T10:00').toISOString(), churnReason: 'Price' });
  });

  it('updates only what the form changed; a cleared optional field is sent as null', () => {
    const previous = { name: 'Ada', email: 'ada@example.com', phone: null, company: 'Engines', tags: ['vip'] };
    expect(profileChanges({ ...previous, email: '', phone: '', company: 'Engines', tags: ['vip', 'beta'] }, previous)).toEqual({
      email: null,
      tags: ['vip', 'beta'],
    });
    expect(profileChanges({ ...previous }, previous)).toEqual({});
  });
});

describe('activity writes', () => {
  it('sends the amount as the exact text typed and the currency in capitals', () => {
    expect(toPurchaseRecordInput({ customerId: 'c1', amount: ' 1299.50 ', currency: 'usd', kind: 'ONE_TIME', product: '' })).toEqual({
      customerId: 'c1',
      amount: '1299.50',
      currency: 'USD',
      kind: 'ONE_TIME',
    });
  });

  it('sends a survey score as an integer', () => {
    expect(toSurveyResponseRecordInput({ customerId: 'c1', kind: 'NPS', score: '9', team: null })).toEqual({ customerId: 'c1', kind: 'NPS', score: 9 });
  });

  it('reads a DateTimeInput value as an instant, and nothing when empty', () => {
    expect(instantOrUndefined('2026-03-01T10:00')).toBe(new Date('2026-03-01T10:00').toISOString());
    expect(instantOrUndefined('')).toBeUndefined();
    expect(instantOrUndefined(null)).toBeUndefined();
  });
});

describe('the handoff inbox', () => {
  it("shows a team's incoming or outgoing handoffs, most urgent first", () => {
    expect(toHandoffFilter({ box: 'incoming', team: 'SERVICE', statuses: ['REQUESTED'], breached: true })).toEqual({
      toTeams: ['SERVICE'],
      fromTeams: undefined,
      statuses: ['REQUESTED'],
      breached: true,
      customerId: undefined,
    });
    expect(toHandoffFilter({ box: 'outgoing', team: 'SALES' })).toMatchObject({ toTeams: undefined, fromTeams: ['SALES'] });
    expect(toHandoffFilter({ box: 'incoming' })).toMatchObject({ toTeams: undefined, fromTeams: undefined });
    expect(toHandoffOrder(undefined)).toEqual({ field: 'DUE_AT', direction: 'ASC' });
    expect(toHandoffOrder({ field: 'requestedAt', order: 'DESC' })).toEqual({ field: 'REQUESTED_AT', direction: 'DESC' });
  });
});
