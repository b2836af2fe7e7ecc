import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

describe('formatMoney', () => {
  it('shows an exact decimal string with the currency code, grouped, at the currency minor units', () => {
    expect(formatMoney('1299.5000', 'USD')).toBe('USD 1,299.50');
    expect(formatMoney('1234567.0000', 'EUR')).toBe('EUR 1,234,567.00');
    expect(formatMoney('0.5', 'USD')).toBe('USD 0.50');
    expect(formatMoney('12', 'USD')).toBe('USD 12.00');
  });

  it('never rounds: digits beyond the minor units that are not zero stay', () => {
    expect(formatMoney('0.1250', 'USD')).toBe('USD 0.125');
    expect(formatMoney('9007199254740993.0100', 'USD')).toBe('USD 9,007,199,254,740,993.01');
  });

  it('follows currencies without minor units', () => {
    expect(formatMoney('5000.0000', 'JPY')).toBe('JPY 5,000');
  });

  it('shows a refund negative, and keeps a sign the API sent', () => {
    expect(formatMoney('49.0000', 'USD', { negate: true })).toBe('-USD 49.00');
    expect(formatMoney('-3.5', 'GBP')).toBe('-GBP 3.50');
    expect(formatMoney('0.0000', 'USD', { negate: true })).toBe('USD 0.00');
  });

  it('shows anything that is not a decimal as it came', () => {
    expect(formatMoney('n/a', 'USD')).toBe('USD n/a');
  });
});

describe('formatMoney in a locale', () => {
  it('writes money as the locale does, still exactly', () => {
    expect(formatMoney('1299.5000', 'USD', { locale: 'zh-Hans' })).toBe('USD 1,299.50');
    expect(formatMoney('1299.5000', 'TWD', { locale: 'zh-Hant' })).toBe('TWD 1,299.50');
    expect(formatMoney('9007199254740993.0100', 'CNY', { locale: 'zh-Hans' })).toBe('CNY 9,007,199,254,740,993.01');
    expect(formatMoney('1234567.1250', 'EUR', { locale: 'de', negate: true })).toBe('-1.234.567,125 EUR');
    expect(formatMoney('1234567', 'INR', { locale: 'en-IN' })).toBe('INR 12,34,567.00');
  });
});
