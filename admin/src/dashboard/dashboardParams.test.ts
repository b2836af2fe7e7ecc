import { describe, expect, it } from 'vitest';
import { lastTwelveFullMonths, readParams, reportPeriod, startOfDayIn, writeParams } from './dashboardParams';
import { customerFilterForGroup, customerListPath } from './drillDown';

describe('dashboard period', () => {
  it('defaults to the last 12 full months in the chosen time zone', () => {
    // 23 November 2026, 02:00 in Shanghai is still 22 November in UTC: both are in November.
    const now = new Date('2026-11-22T18:00:00Z');
    expect(lastTwelveFullMonths('Asia/Shanghai', now)).toEqual({ from: '2025-11-01', to: '2026-10-31' });
    // 1 January, 00:30 in Paris is still 31 December in UTC: a month apart.
    const newYear = new Date('2026-12-31T23:30:00Z');
    expect(lastTwelveFullMonths('Europe/Paris', newYear)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(lastTwelveFullMonths('UTC', newYear)).toEqual({ from: '2025-12-01', to: '2026-11-30' });
  });

  it('turns calendar days into the instants they start at, across daylight saving changes', () => {
    expect(startOfDayIn('2026-01-15', 'UTC').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(startOfDayIn('2026-04-01', 'Asia/Shanghai').toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(startOfDayIn('2026-03-29', 'Europe/Paris').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayIn('2026-03-30', 'Europe/Paris').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDayIn('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('asks the API for [first day, day after the last) and follows cohorts for the months the period touches', () => {
    const params = { from: '2026-01-01', to: '2026-03-31', interval: 'MONTH', groupBy: null, timeZone: 'Asia/Shanghai' } as const;
    expect(reportPeriod(params)).toEqual({ from: '2025-12-31T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z', months: 3 });
    expect(reportPeriod({ ...params, from: '2020-01-01', to: '2026-12-31' }).months).toBe(60);
  });

  it('reads the pickers back from the URL it wrote, and ignores what it cannot read', () => {
    const params = { from: '2026-01-01', to: '2026-03-31', interval: 'WEEK', groupBy: 'SEGMENT', timeZone: 'Europe/Paris' } as const;
    expect(readParams(writeParams(params))).toEqual(params);
    const now = new Date('2026-11-22T12:00:00Z');
    expect(readParams(new URLSearchParams('from=2026-02-30&interval=HOUR&groupBy=PLANET&timeZone=Mars/Olympus&to=x'), now)).toMatchObject({
      from: '2025-11-01',
      interval: 'MONTH',
      groupBy: null,
    });
  });
});

describe('dashboard drill-down', () => {
  it('maps groups that describe customers to the list filter, and nothing else', () => {
    expect(customerFilterForGroup('ACQUISITION_CHANNEL', 'PAID_SEARCH')).toEqual({ acquisitionChannel: 'PAID_SEARCH' });
    expect(customerFilterForGroup('SEGMENT', 'ENTERPRISE')).toEqual({ segment: 'ENTERPRISE' });
    expect(customerFilterForGroup('OWNER', 'a-staff-id')).toEqual({ ownerId: 'a-staff-id' });
    expect(customerFilterForGroup('ACQUISITION_CHANNEL', 'UNSPECIFIED')).toBeNull();
    expect(customerFilterForGroup('TEAM', 'SALES')).toBeNull();
    expect(customerFilterForGroup('JOURNEY_STAGE', 'ONBOARDING')).toBeNull();
    expect(customerFilterForGroup(null, null)).toBeNull();
  });

  it('opens the customers list with the filter shown', () => {
    const url = new URL(customerListPath({ acquisitionChannel: 'PAID_SEARCH' }), 'http://console');
    expect(url.pathname).toBe('/customers');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ acquisitionChannel: 'PAID_SEARCH' });
    expect(JSON.parse(url.searchParams.get('displayedFilters')!)).toEqual({ acquisitionChannel: true });
  });
});
