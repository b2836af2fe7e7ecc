import { enumLabelKey, type EnumName } from '../graphql/enums';
import type { Decimal } from '../graphql/types';
import { formatMoney } from '../purchases/money';
import { formatDecimal } from '../shared/decimal';
import type { MetricDimension, MetricInterval } from './dashboardParams';

/**
 * An exact decimal from the API as a number for the chart to PLOT (a bar's height, a point's y).
 * Every figure a person reads — tooltips, labels, tables — shows the API's string instead.
 * null stays null: no data is a gap, never 0.
 */
export function plotValue(value: Decimal | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

export type Unit = 'percent' | 'score' | 'money' | 'hours';

export interface ExactTextContext {
  /** The report's currency, for money. */
  currency: string;
  /** The console's language. */
  locale: string;
  translate: (key: string, options?: Record<string, unknown>) => string;
}

/** How an exact figure reads, with its unit, in the console's language: "33.33%", "−12.5", "USD 1,250.00", "6.5 h". */
export function exactText(value: Decimal, unit: Unit, { currency, locale, translate }: ExactTextContext): string {
  switch (unit) {
    case 'percent':
      return `${formatDecimal(value, { locale })}%`;
    case 'money':
      return formatMoney(value, currency, { locale });
    case 'hours':
      return translate('customer360.dashboard.hours', { value: formatDecimal(value, { locale }) });
    default:
      return formatDecimal(value, { locale });
  }
}

/** The label of a bucket, in the report's time zone: "Jan 2026" for months, "Mon, Jan 5, 2026" for weeks and days. */
export function bucketLabeller(interval: MetricInterval | null, timeZone: string, locale: string): (start: string) => string {
  const format = new Intl.DateTimeFormat(
    locale,
    interval === 'MONTH' ? { timeZone, month: 'short', year: 'numeric' } : { timeZone, day: 'numeric', month: 'short', year: 'numeric' },
  );
  return (start) => format.format(new Date(start));
}

const ENUM_OF_DIMENSION: Partial<Record<MetricDimension, EnumName>> = {
  TEAM: 'Team',
  CHANNEL: 'Channel',
  JOURNEY_STAGE: 'JourneyStage',
  SEGMENT: 'Segment',
  ACQUISITION_CHANNEL: 'AcquisitionChannel',
};

/** What a series is called: "All customers", an enum label, an owner's name, or "Unspecified". */
export function groupLabeller(
  dimension: MetricDimension | null,
  translate: (key: string, options?: Record<string, unknown>) => string,
  ownerNames: Map<string, string> = new Map(),
): (group: string | null) => string {
  return (group) => {
    if (group === null) return translate('customer360.dashboard.all_customers');
    if (group === 'UNSPECIFIED') return translate('customer360.dashboard.unspecified');
    if (dimension === 'OWNER') return ownerNames.get(group) ?? group;
    const enumName = dimension ? ENUM_OF_DIMENSION[dimension] : undefined;
    return enumName ? translate(enumLabelKey(enumName, group), { _: group }) : group;
  };
}
