import { useCallback } from 'react';
import { useLocaleState } from 'react-admin';
import { decimalParts, formatExactDecimal } from '../shared/decimal';

/** How many minor-unit digits a currency shows (2 for USD, 0 for JPY); 2 for codes Intl does not know. */
function minorUnitDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export interface MoneyFormatOptions {
  /** BCP 47 tag of the language to format for; English by default. */
  locale?: string;
  /** Flip the sign: a refund's amount is positive but counts negative. */
  negate?: boolean;
}

/**
 * Formats an exact decimal string from the API ("1299.5000") with its ISO currency code, as the
 * locale writes money ("USD 1,299.50" in English and Chinese, "1.299,50 USD" in German), without
 * floats (see formatExactDecimal): at least the currency's minor units, any further non-zero digits
 * kept. The code rather than a symbol: "$" is several currencies, and customers pay in many.
 */
export function formatMoney(amount: string, currency: string, { locale = 'en', negate = false }: MoneyFormatOptions = {}): string {
  const minFractionDigits = minorUnitDigits(currency);
  let formatted: string | null = null;
  try {
    formatted = formatExactDecimal(amount, locale, { style: 'currency', currency, currencyDisplay: 'code' }, { minFractionDigits, negate });
  } catch {
    // Not an ISO 4217 code Intl accepts: shown below the way it came.
  }
  if (formatted !== null) return formatted;
  const parts = decimalParts(amount, { minFractionDigits, negate });
  if (!parts) return `${currency} ${amount}`;
  return `${parts.negative ? '-' : ''}${currency} ${parts.digits}`;
}

/** formatMoney in the console's current language. */
export function useMoneyFormat(): (amount: string, currency: string, options?: Omit<MoneyFormatOptions, 'locale'>) => string {
  const [locale] = useLocaleState();
  return useCallback((amount, currency, options = {}) => formatMoney(amount, currency, { ...options, locale }), [locale]);
}
