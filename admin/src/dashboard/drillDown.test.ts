import { describe, expect, it } from 'vitest';
import { toCustomerFilter } from '../dataProvider/customers';
import { activityFilter, addMonthsInZone, bucketFilter, cohortFilter, customerListPath } from './drillDown';
import { handoffLines, responseSlaLines, revenueLines, satisfactionLines } from './metricLines';

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

  const ungrouped = { currency: 'USD', dimension: null, group: null };
  const period = { after: march.start, before: march.end };

  it('maps a bucket of answers, revenue, inbound interactions or handoffs to the customers behind its rows', () => {
    expect(activityFilter({ kind: 'SURVEY_ANSWER', surveyKind: 'NPS' }, march, ungrouped)).toEqual({ activity: { kind: 'SURVEY_ANSWER', surveyKinds: ['NPS'], ...period } });
    expect(activityFilter({ kind: 'PURCHASE' }, march, { ...ungrouped, currency: 'EUR' })).toEqual({ activity: { kind: 'PURCHASE', currency: 'EUR', ...period } });
    expect(activityFilter({ kind: 'INBOUND_INTERACTION' }, march, ungrouped)).toEqual({ activity: { kind: 'INBOUND_INTERACTION', ...period } });
    expect(activityFilter({ kind: 'HANDOFF_REQUEST' }, march, ungrouped)).toEqual({ activity: { kind: 'HANDOFF_REQUEST', ...period } });
  });

  it('gives each chart line the rows its figure rests on', () => {
    const activityOf = (lines: { id: string; activity?: unknown }[]) => Object.fromEntries(lines.map((line) => [line.id, line.activity]));
    expect(activityOf(satisfactionLines)).toEqual({ csat: { kind: 'SURVEY_ANSWER', surveyKind: 'CSAT' }, nps: { kind: 'SURVEY_ANSWER', surveyKind: 'NPS' } });
    expect(activityOf(revenueLines)).toEqual({ revenue: { kind: 'PURCHASE' }, ltv: undefined });
    expect(activityOf(responseSlaLines)).toEqual({ 'breach-rate': { kind: 'INBOUND_INTERACTION' } });
    expect(activityOf(handoffLines)).toEqual({ 'median-hours': { kind: 'HANDOFF_REQUEST' }, 'p90-hours': { kind: 'HANDOFF_REQUEST' } });
  });

  it("narrows the activity by a TEAM, CHANNEL or JOURNEY_STAGE group, and the customer by a customer group", () => {
    const group = (dimension: 'TEAM' | 'CHANNEL' | 'JOURNEY_STAGE' | 'SEGMENT', value: string) => ({ currency: 'USD', dimension, group: value });
    const nps = { kind: 'SURVEY_ANSWER', surveyKind: 'NPS' } as const;
    expect(activityFilter(nps, march, group('TEAM', 'SERVICE'))).toEqual({ activity: { kind: 'SURVEY_ANSWER', surveyKinds: ['NPS'], teams: ['SERVICE'], ...period } });
    expect(activityFilter({ kind: 'INBOUND_INTERACTION' }, march, group('CHANNEL', 'EMAIL'))).toEqual({ activity: { kind: 'INBOUND_INTERACTION', channels: ['EMAIL'], ...period } });
    expect(activityFilter(nps, march, group('JOURNEY_STAGE', 'ONBOARDING'))).toEqual({
      activity: { kind: 'SURVEY_ANSWER', surveyKinds: ['NPS'], journeyStages: ['ONBOARDING'], ...period },
    });
    // A handoff's TEAM group is the receiving team: the activity's teams (handoff.to_team).
    expect(activityFilter({ kind: 'HANDOFF_REQUEST' }, march, group('TEAM', 'SUCCESS'))).toEqual({ activity: { kind: 'HANDOFF_REQUEST', teams: ['SUCCESS'], ...period } });
    expect(activityFilter({ kind: 'PURCHASE' }, march, group('SEGMENT', 'SMALL_BUSINESS'))).toEqual({ segment: 'SMALL_BUSINESS', activity: { kind: 'PURCHASE', currency: 'USD', ...period } });
  });

  it('opens nothing for a group the rows do not have, an UNSPECIFIED group or an unknown value', () => {
    expect(activityFilter({ kind: 'HANDOFF_REQUEST' }, march, { currency: 'USD', dimension: 'CHANNEL', group: 'EMAIL' })).toBeNull();
    expect(activityFilter({ kind: 'PURCHASE' }, march, { currency: 'USD', dimension: 'TEAM', group: 'SALES' })).toBeNull();
    expect(activityFilter({ kind: 'INBOUND_INTERACTION' }, march, { currency: 'USD', dimension: 'JOURNEY_STAGE', group: 'UNSPECIFIED' })).toBeNull();
    expect(activityFilter({ kind: 'INBOUND_INTERACTION' }, march, { currency: 'USD', dimension: 'TEAM', group: 'NOT_A_TEAM' })).toBeNull();
    expect(activityFilter({ kind: 'INBOUND_INTERACTION' }, march, { currency: 'USD', dimension: null, group: 'SERVICE' })).toBeNull();
  });

  it("carries the activity through the list's URL to the API's CustomerFilter, leaving out what is not one", () => {
    const filter = activityFilter({ kind: 'SURVEY_ANSWER', surveyKind: 'CSAT' }, march, { currency: 'USD', dimension: 'TEAM', group: 'SALES' })!;
    const url = new URL(customerListPath(filter), 'http://console.test');
    expect(JSON.parse(url.searchParams.get('displayedFilters')!)).toEqual({ activity: true });
    expect(toCustomerFilter(JSON.parse(url.searchParams.get('filter')!) as Record<string, unknown>).activity).toEqual({
      kind: 'SURVEY_ANSWER',
      surveyKinds: ['CSAT'],
      teams: ['SALES'],
      ...period,
    });
    expect(toCustomerFilter({ activity: { kind: 'REFUND', ...period } }).activity).toBeUndefined();
    expect(toCustomerFilter({ activity: { kind: 'PURCHASE', after: 'soon', before: march.end } }).activity).toBeUndefined();
    expect(toCustomerFilter({ activity: { kind: 'PURCHASE', currency: 'usd', teams: ['NOBODY'], ...period } }).activity).toEqual({ kind: 'PURCHASE', ...period });
  });
});
