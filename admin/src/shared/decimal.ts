import { useCallback } from 'react';
import { useLocaleState } from 'react-admin';

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

export interface DecimalParts {
  negative: boolean;
  /** The magnitude, grouped by thousands: "1,299.5". */
  digits: string;
}

export interface DecimalFormatOptions {
  /** BCP 47 tag of the language to format for; English by default. */
  locale?: string;
  /** Trailing zeros are trimmed down to this many fraction digits; further non-zero digits are kept. */
  minFractionDigits?: number;
  /** Flip the sign (a refund's positive amount shown negative). */
  negate?: boolean;
}

/** An exact decimal string taken apart: its sign and its digits without redundant zeros. Null when not a decimal. */
function parseDecimal(value: string, negate: boolean): { negative: boolean; integer: string; fraction: string } | null {
  const match = DECIMAL.exec(value.trim());
  if (!match || (match[2] === '' && !match[3])) return null;
  const [, sign = '', integerDigits = '', fractionDigits = ''] = match;
  const integer = integerDigits.replace(/^0+(?=\d)/, '') || '0';
  const fraction = fractionDigits.replace(/0+$/, '');
  const isZero = /^0*$/.test(integer + fraction);
  return { negative: !isZero && (sign === '-') !== negate, integer, fraction };
}

/**
 * Splits an exact decimal string from the API ("1299.5000") into its sign and grouped digits,
 * working on the digits themselves so no float ever rounds anything away: trailing zeros are trimmed
 * down to `minFractionDigits`, further non-zero digits are kept. `negate` flips the sign. Null when
 * the string is not a decimal.
 */
export function decimalParts(value: string, { minFractionDigits = 0, negate = false } = {}): DecimalParts | null {
  const decimal = parseDecimal(value, negate);
  if (!decimal) return null;
  const fraction = decimal.fraction.padEnd(minFractionDigits, '0');
  const grouped = decimal.integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return { negative: decimal.negative, digits: `${grouped}${fraction ? `.${fraction}` : ''}` };
}

/** Intl keeps at most 20 fraction digits (the API's decimals have 4). */
const MAX_FRACTION_DIGITS = 20;

/**
 * Intl.NumberFormat formats a decimal STRING exactly (ECMA-402 NumberFormat v3, every current
 * browser and Node 20): no float in between. An engine from before converts it to a float, so it
 * gets the digit-by-digit English formatting of decimalParts instead.
 */
const EXACT_STRINGS = (() => {
  try {
    return new Intl.NumberFormat('en', { useGrouping: false }).format('9007199254740993' as unknown as number) === '9007199254740993';
  } catch {
    return false;
  }
})();

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/**
 * An exact decimal string formatted by Intl for a locale (grouping, decimal separator, and with
 * `style` a currency's code and its place), keeping every digit: at least `minFractionDigits`,
 * further non-zero digits never rounded away. Null when the value is not a decimal or the engine
 * cannot format strings exactly. Spaces Intl puts around a currency code are ordinary spaces.
 */
export function formatExactDecimal(value: string, locale: string, style: Intl.NumberFormatOptions, { minFractionDigits = 0, negate = false } = {}): string | null {
  const decimal = parseDecimal(value, negate);
  if (!decimal || !EXACT_STRINGS) return null;
  const digits = Math.min(MAX_FRACTION_DIGITS, Math.max(minFractionDigits, decimal.fraction.length));
  const format = numberFormat(locale, { ...style, minimumFractionDigits: Math.min(minFractionDigits, digits), maximumFractionDigits: digits });
  const exact = `${decimal.negative ? '-' : ''}${decimal.integer}${decimal.fraction ? `.${decimal.fraction}` : ''}`;
  return format
    .formatToParts(exact as unknown as number)
    .map((part) => (part.type === 'literal' ? part.value.replace(/[\u00a0\u202f]/g, ' ') : part.value))
    .join('');
}

/** An exact decimal for reading, in a locale: "87.50" → "87.5", "-33.3300" → "-33.33", "1234" → "1,234". */
export function formatDecimal(value: string, { locale = 'en', minFractionDigits = 0, negate = false }: DecimalFormatOptions = {}): string {
  const formatted = formatExactDecimal(value, locale, {}, { minFractionDigits, negate });
  if (formatted !== null) return formatted;
  const parts = decimalParts(value, { minFractionDigits, negate });
  if (!parts) return value;
  return `${parts.negative ? '-' : ''}${parts.digits}`;
}

/** formatDecimal in the console's current language. */
export function useDecimalFormat(): (value: string, options?: Omit<DecimalFormatOptions, 'locale'>) => string {
  const [locale] = useLocaleState();
  return useCallback((value, options = {}) => formatDecimal(value, { ...options, locale }), [locale]);
}

/** Whether an exact decimal string is above zero, without parsing it into a float. */
export function isPositiveDecimal(value: string): boolean {
  const parts = decimalParts(value);
  return parts !== null && !parts.negative && /[1-9]/.test(parts.digits);
}
