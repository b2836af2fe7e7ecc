import { describe, expect, it } from 'vitest';
import { formatDecimal, isPositiveDecimal } from './decimal';

describe('formatDecimal', () => {
  it('shows the exact digits, grouped, without trailing zeros', () => {
    expect(formatDecimal('87.50')).toBe('87.5');
    expect(formatDecimal('100.00')).toBe('100');
    expect(formatDecimal('1234567.0001')).toBe('1,234,567.0001');
    expect(formatDecimal('0.0000')).toBe('0');
  });

  it('keeps the sign, and pads to a minimum of fraction digits when asked', () => {
    expect(formatDecimal('-33.33')).toBe('-33.33');
    expect(formatDecimal('-0.00')).toBe('0');
    expect(formatDecimal('5', { minFractionDigits: 2 })).toBe('5.00');
  });

  it('shows anything that is not a decimal as it came', () => {
    expect(formatDecimal('n/a')).toBe('n/a');
  });

  it("uses the locale's separators and never rounds through a float", () => {
    expect(formatDecimal('1234567.0001', { locale: 'zh-Hant' })).toBe('1,234,567.0001');
    expect(formatDecimal('1234567.0001', { locale: 'de' })).toBe('1.234.567,0001');
    expect(formatDecimal('9007199254740993.25', { locale: 'zh-Hans' })).toBe('9,007,199,254,740,993.25');
  });
});

describe('isPositiveDecimal', () => {
  it('tells above zero from zero and below', () => {
    expect(isPositiveDecimal('0.0001')).toBe(true);
    expect(isPositiveDecimal('0.0000')).toBe(false);
    expect(isPositiveDecimal('-5')).toBe(false);
    expect(isPositiveDecimal('x')).toBe(false);
  });
});
