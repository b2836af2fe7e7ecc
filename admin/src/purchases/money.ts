import { decimalParts } from '../shared/decimal';

/** How many minor-unit digits a currency shows (2 for USD, 0 for JPY); 2 for codes Intl does not know. */
function minorUnitDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * Formats an exact decimal string from the API ("1299.5000") as "USD 1,299.50" without floats
 * (see decimalParts): at least the currency's minor units, and any further non-zero digits kept.
 * `negate` flips the sign (a refund's amount is positive but counts negative).
 */
export function formatMoney(amount: string, currency: string, { negate = false } = {}): string {
  const parts = decimalParts(amount, { minFractionDigits: minorUnitDigits(currency), negate });
  if (!parts) return `${currency} ${amount}`;
  return `${parts.negative ? '-' : ''}${currency} ${parts.digits}`;
}
