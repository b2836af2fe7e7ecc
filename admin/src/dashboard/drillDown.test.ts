import { describe, expect, it } from 'vitest';
import { toCustomerFilter } from '../dataProvider/customers';
import { addMonthsInZone, bucketFilter, cohortFilter, customerListPath } from './drillDown';

const march = { start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' };

describe('dashboard drill-down to the customers behind a figure', () => {
  it('maps a bucket to exactly the customers the report counts', () => {
    expect(bucketFilter('new', march)).toEqual({ acquiredAfter: march.start, acquiredBefore: march.end });
    expect(bucketFilter('churned', march)).toEqual({ acquiredBefore: march.start, churnedAfter: march.start, churnedBefore: march.end });
    expect(bucketFilter('retained', march)).toEqual({ acquiredBefore: march.start, notChurnedBefore: march.end });
    expect(bucketFilter('activeAtStart', march)).toEqual({ acquiredBefore: march.start, notChurnedBefore: march.start });
  });

  it('adds calendar months in the report time zone, across a daylight-saving change', () => {
    // Midnight 1 March in Berlin is 23:00 UTC (winter); midnight 1 April is 22:00 UTC (summer).
    expect(addMonthsInZone('2026-02-28T23:00:00.000Z', 1, 'Europe/Berlin')).toBe('2026-03-31T22:00:00.000Z');
    expect(addMonthsInZone('2026-02-28T23:00:00.000Z', 8, 'Europe/Berlin')).toBe('2026-10-31T23:00:00.000Z');
    expect(addMonthsInZone('2026-12-01T00:00:00.000Z', 2, 'UTC')).toBe('2027-02-01T00:00:00.000Z');
    expect(addMonthsInZone('2026-01-01T08:00:00.000Z', 1, 'Asia/Shanghai')).toBe('2026-02-01T08:00:00.000Z');
  });

  it('maps a cohort to its customers, and a cell to those still not churned k months on', () => {
    expect(cohortFilter('2026-01-01T00:00:00.000Z', 'UTC')).toEqual({ acquiredAfter: '2026-01-01T00:00:00.000Z', acquiredBefore: '2026-02-01T00:00:00.000Z' });
    expect(cohortFilter('2026-01-01T00:00:00.000Z', 'UTC', 3)).toEqual({
      acquiredAfter: '2026-01-01T00:00:00.000Z',
      acquiredBefore: '2026-02-01T00:00:00.000Z',
      notChurnedBefore: '2026-04-01T00:00:00.000Z',
    });
  });

  it("reaches the API's CustomerFilter unchanged through the list's URL and filter mapping", () => {
    const filter = { segment: 'SMB', ...bucketFilter('churned', march) };
    const url = new URL(customerListPath(filter), 'http://console.test');
    const fromUrl = JSON.parse(url.searchParams.get('filter')!) as Record<string, unknown>;
    expect(toCustomerFilter(fromUrl)).toMatchObject({ segments: ['SMB'], acquiredBefore: march.start, churnedAfter: march.start, churnedBefore: march.end });
    expect(toCustomerFilter({ notChurnedBefore: 'not a moment', acquiredAfter: '' })).toMatchObject({ notChurnedBefore: undefined, acquiredAfter: undefined });
  });
});
