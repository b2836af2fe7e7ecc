/**
 * The dashboard's pickers, kept in the URL's query string so a view can be shared:
 * `/dashboard?from=2026-01-01&to=2026-03-31&interval=MONTH&groupBy=SEGMENT&timeZone=Europe/Paris`.
 * Dates are calendar days in the chosen time zone and `to` is the last day shown (inclusive); the
 * API's half-open [from, to) instants are worked out here, once.
 */

export const METRIC_INTERVALS = ['DAY', 'WEEK', 'MONTH'] as const;
export type MetricInterval = (typeof METRIC_INTERVALS)[number];

export const METRIC_DIMENSIONS = ['TEAM', 'CHANNEL', 'JOURNEY_STAGE', 'SEGMENT', 'ACQUISITION_CHANNEL', 'OWNER'] as const;
export type MetricDimension = (typeof METRIC_DIMENSIONS)[number];

export interface DashboardParams {
  /** First day of the period, "YYYY-MM-DD". */
  from: string;
  /** Last day of the period, "YYYY-MM-DD", included. */
  to: string;
  interval: MetricInterval;
  groupBy: MetricDimension | null;
  /** IANA time zone of the days and buckets. */
  timeZone: string;
}

/** What the API is asked: instants of [from, to) and how many months the cohorts are followed. */
export interface ReportPeriod {
  from: string;
  to: string;
  months: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The API follows cohorts for 1 to 60 months. */
const MAX_COHORT_MONTHS = 60;

export function isTimeZone(name: string): boolean {
  if (!name) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : 'UTC';
}

export function isDay(value: string | null | undefined): value is string {
  const match = value ? DAY.exec(value) : null;
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dayOf(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

/** Calendar arithmetic on "YYYY-MM-DD" (no time zone involved). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return dayOf(year, month - 1, date + days);
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: field('year'), month: field('month'), day: field('day'), hour: field('hour'), minute: field('minute'), second: field('second') };
}

/** How far the time zone's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day starts in a time zone ("2026-03-29" in Europe/Paris → 2026-03-28T23:00:00.000Z). */
export function startOfDayIn(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date);
  const guess = wall - offsetAt(wall, timeZone);
  // The offset at the guess can differ from the one at the wall time read as UTC (a DST change in between).
  return new Date(wall - offsetAt(guess, timeZone));
}

/** Today's date in a time zone, "YYYY-MM-DD". */
export function todayIn(timeZone: string, now = new Date()): string {
  const wall = wallClock(now.getTime(), timeZone);
  return dayOf(wall.year, wall.month - 1, wall.day);
}

/** The default period: the last 12 full calendar months before the current one. */
export function lastTwelveFullMonths(timeZone: string, now = new Date()): { from: string; to: string } {
  const [year, month] = todayIn(timeZone, now).split('-').map(Number) as [number, number];
  return { from: dayOf(year, month - 1 - 12, 1), to: dayOf(year, month - 1, 0) };
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** The pickers from a query string; anything missing or invalid takes its default. */
export function readParams(search: URLSearchParams, now = new Date()): DashboardParams {
  const requestedZone = search.get('timeZone');
  const timeZone = requestedZone && isTimeZone(requestedZone) ? requestedZone : browserTimeZone();
  const defaults = lastTwelveFullMonths(timeZone, now);
  const from = search.get('from');
  const to = search.get('to');
  return {
    from: isDay(from) ? from : defaults.from,
    to: isDay(to) ? to : defaults.to,
    interval: oneOf(METRIC_INTERVALS, search.get('interval')) ?? 'MONTH',
    groupBy: oneOf(METRIC_DIMENSIONS, search.get('groupBy')),
    timeZone,
  };
}

/** The pickers as a query string (no group-by: left out). */
export function writeParams(params: DashboardParams): URLSearchParams {
  const search = new URLSearchParams({ from: params.from, to: params.to, interval: params.interval });
  if (params.groupBy) search.set('groupBy', params.groupBy);
  search.set('timeZone', params.timeZone);
  return search;
}

/** i18n key of what is wrong with the period, or null when it can be asked for. */
export function periodProblem(params: DashboardParams): string | null {
  if (!isDay(params.from) || !isDay(params.to)) return 'customer360.dashboard.errors.invalid_date';
  if (params.from > params.to) return 'customer360.dashboard.errors.reversed_period';
  // cohortRetention refuses more than 10 years (metrics allows 20): one refusal would fail the whole request.
  if (params.to >= addDays(params.from, 10 * 365 + 2)) return 'customer360.dashboard.errors.period_too_long';
  return null;
}

/** Calendar months touched by [from, to], at least 1: how long the cohorts are followed. */
function monthsTouched(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
}

/** The instants and cohort length to ask the API for. */
export function reportPeriod(params: DashboardParams): ReportPeriod {
  return {
    from: startOfDayIn(params.from, params.timeZone).toISOString(),
    to: startOfDayIn(addDays(params.to, 1), params.timeZone).toISOString(),
    months: Math.min(MAX_COHORT_MONTHS, Math.max(1, monthsTouched(params.from, params.to))),
  };
}
