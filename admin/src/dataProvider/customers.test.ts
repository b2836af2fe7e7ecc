import { describe, expect, it } from 'vitest';
import { toCustomerFilter, toCustomerOrder } from './customers';

describe('toCustomerFilter', () => {
  it('maps the list filters to the API CustomerFilter, amounts kept as exact strings', () => {
    const filter = toCustomerFilter({
      churnRisk: ['HIGH'],
      ownerTeam: 'SALES',
      tags: [' vip ', ''],
      healthMin: 10,
      healthMax: '90',
      lifetimeValueMin: '1499.99',
      lifetimeValueMax: 5000,
      latestNpsCategory: ['DETRACTOR', 'PASSIVE'],
      hasOpenSlaBreach: false,
      csatBelow: { score: '60', withinDays: 30 },
    });
    expect(filter).toMatchObject({
      churnRisks: ['HIGH'],
      teams: ['SALES'],
      tags: ['vip'],
      healthMin: 10,
      healthMax: 90,
      lifetimeValueMin: '1499.99',
      lifetimeValueMax: '5000',
      latestNpsCategories: ['DETRACTOR', 'PASSIVE'],
      hasOpenSlaBreach: false,
      csatBelow: { score: '60', withinDays: 30 },
    });
  });

  it('turns a day into the start of that day, and leaves out what is incomplete or invalid', () => {
    const filter = toCustomerFilter({
      lastInteractionAfter: '2026-03-01',
      healthMin: 120,
      healthMax: 4.5,
      lifetimeValueMin: '1,000',
      csatBelow: { withinDays: 90 },
      tags: [],
    });
    expect(filter.lastInteractionAfter).toBe(new Date('2026-03-01T00:00:00').toISOString());
    expect(filter.healthMin).toBeUndefined();
    expect(filter.healthMax).toBeUndefined();
    expect(filter.lifetimeValueMin).toBeUndefined();
    expect(filter.csatBelow).toBeUndefined();
    expect(filter.tags).toBeUndefined();
    expect(filter.hasOpenSlaBreach).toBeUndefined();
  });
});

describe('toCustomerOrder', () => {
  it('sorts the new columns through the API', () => {
    expect(toCustomerOrder({ field: 'health', order: 'ASC' })).toEqual({ field: 'HEALTH', direction: 'ASC' });
    expect(toCustomerOrder({ field: 'lifetimeValue', order: 'DESC' })).toEqual({ field: 'LIFETIME_VALUE', direction: 'DESC' });
    expect(toCustomerOrder({ field: 'lastInteractionAt', order: 'DESC' })).toEqual({ field: 'LAST_INTERACTION_AT', direction: 'DESC' });
    expect(toCustomerOrder({ field: 'email', order: 'ASC' })).toBeUndefined();
  });
});
