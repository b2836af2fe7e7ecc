const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

export interface DecimalParts {
  negative: boolean;
  /** The magnitude, grouped by thousands: "1,299.5". */
  digits: string;
}

/**
 * Splits an exact decimal string from the API ("1299.5000") into its sign and grouped digits,
 * working on the digits themselves so no float ever rounds anything away: trailing zeros are trimmed
 * down to `minFractionDigits`, further non-zero digits are kept. `negate` flips the sign. Null when
 * the string is not a decimal.
 */
export function decimalParts(value: string, { minFractionDigits = 0, negate = false } = {}): DecimalParts | null {
  const match = DECIMAL.exec(value.trim());
  if (!match || (match[2] === '' && !match[3])) return null;
  const [, sign = '', integerDigits = '', fractionDigits = ''] = match;

  const integer = integerDigits.replace(/^0+(?=\d)/, '') || '0';
  let fraction = fractionDigits.replace(/0+$/, '');
  if (fraction.length < minFractionDigits) fraction = fraction.padEnd(minFractionDigits, '0');

  const isZero = /^0*$/.test(integer + fraction);
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return { negative: !isZero && (sign === '-') !== negate, digits: `${grouped}${fraction ? `.${fraction}` : ''}` };
}

/** An exact decimal for reading: "87.50" → "87.5", "-33.3300" → "-33.33", "1234" → "1,234". */
export function formatDecimal(value: string, options: { minFractionDigits?: number; negate?: boolean } = {}): string {
  const parts = decimalParts(value, options);
  if (!parts) return value;
  return `${parts.negative ? '-' : ''}${parts.digits}`;
}

/** Whether an exact decimal string is above zero, without parsing it into a float. */
export function isPositiveDecimal(value: string): boolean {
  const parts = decimalParts(value);
  return parts !== null && !parts.negative && /[1-9]/.test(parts.digits);
}
