const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** How many minor-unit digits a currency shows (2 for USD, 0 for JPY); 2 for codes Intl does not know. */
function minorUnitDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * Formats an exact decimal string from the API ("1299.5000") as "USD 1,299.50", working on the
 * digits themselves so no float ever rounds a cent away: trailing zeros are trimmed down to the
 * currency's minor units, and any further non-zero digits are kept. `negate` flips the sign (a
 * refund's amount is positive but counts negative).
 */
export function formatMoney(amount: string, currency: string, { negate = false } = {}): string {
  const match = DECIMAL.exec(amount.trim());
  if (!match || (match[2] === '' && !match[3])) return `${currency} ${amount}`;
  const [, sign = '', integerDigits = '', fractionDigits = ''] = match;

  const integer = integerDigits.replace(/^0+(?=\d)/, '') || '0';
  let fraction = fractionDigits.replace(/0+$/, '');
  const minor = minorUnitDigits(currency);
  if (fraction.length < minor) fraction = fraction.padEnd(minor, '0');

  const isZero = /^0*$/.test(integer + fraction);
  const negative = !isZero && (sign === '-') !== negate;
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${currency} ${grouped}${fraction ? `.${fraction}` : ''}`;
}
