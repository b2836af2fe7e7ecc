import { Decimal } from 'decimal.js';
import { isUuid } from '../db/sql.js';
import { DomainError, ErrorCode } from './errors.js';

/** Every rule an input broke, reported together as userErrors. */
export class InputErrors extends Error {
  override name = 'InputErrors';
  constructor(readonly errors: DomainError[]) {
    super(errors.map((e) => `${e.field?.join('.')}: ${e.message}`).join('; '));
  }
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[A-Za-z]{2,}$/;
const PHONE = /^\+?[0-9 ()./-]{3,40}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const CURRENCY = /^[A-Z]{3}$/;
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
/** Earliest moment any record may carry; anything before is a typo (e.g. year 0202). */
export const EARLIEST_MOMENT = new Date('1970-01-01T00:00:00Z');

/** Minor-unit digits of a currency (2 for USD, 0 for JPY; 2 when Intl does not know it). */
export function currencyScale(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * Checks one input, collecting every broken rule with the path of its field, so a client sees
 * all its mistakes at once. Each method returns the cleaned value (or null) for the caller to use.
 */
export class Validator {
  readonly errors: DomainError[] = [];

  constructor(private readonly root: string[] = ['input']) {}

  /** `field` may be a dotted path ("tags.0") or a list of segments. */
  path(field: string | string[]): string[] {
    return [...this.root, ...(Array.isArray(field) ? field : field.split('.'))];
  }

  fail(field: string | string[], code: ErrorCode, message: string): null {
    this.errors.push(new DomainError(code, message, this.path(field)));
    return null;
  }

  /** Throws every collected error at once; call before touching the database. */
  check(): void {
    if (this.errors.length) throw new InputErrors(this.errors);
  }

  text(field: string, value: string | null | undefined, options: { required?: boolean; max: number; min?: number }): string | null {
    const trimmed = value?.trim() ?? '';
    if (!trimmed) return options.required ? this.fail(field, ErrorCode.REQUIRED, 'is required') : null;
    if (trimmed.length < (options.min ?? 1)) return this.fail(field, ErrorCode.INVALID, `must be at least ${options.min} characters`);
    if (trimmed.length > options.max) return this.fail(field, ErrorCode.INVALID, `must be at most ${options.max} characters`);
    // Control characters break exports and screens; newlines and tabs are fine in long texts.
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(trimmed)) return this.fail(field, ErrorCode.INVALID, 'must not contain control characters');
    return trimmed;
  }

  email(field: string, value: string | null | undefined, required = false): string | null {
    const text = this.text(field, value, { required, max: 254 });
    if (text === null) return null;
    return EMAIL.test(text) ? text.toLowerCase() : this.fail(field, ErrorCode.INVALID, 'must be an email address like name@example.com');
  }

  phone(field: string, value: string | null | undefined): string | null {
    const text = this.text(field, value, { max: 40 });
    if (text === null) return null;
    return PHONE.test(text) && /\d{3,}/.test(text.replace(/\D/g, '')) ? text : this.fail(field, ErrorCode.INVALID, 'must be a phone number: digits, spaces, + ( ) . / -');
  }

  locale(field: string, value: string | null | undefined): string | null {
    const text = this.text(field, value, { max: 35 });
    if (text === null) return null;
    return LOCALE.test(text) ? text : this.fail(field, ErrorCode.INVALID, 'must be a language tag like "en" or "zh-Hans"');
  }

  currency(field: string, value: string | null | undefined): string | null {
    const text = this.text(field, value, { required: true, max: 3 });
    if (text === null) return null;
    return CURRENCY.test(text) ? text : this.fail(field, ErrorCode.INVALID, 'must be a three-letter ISO 4217 code in capitals, e.g. "USD"');
  }

  /** An amount of money: positive (or zero when allowed), with at most the currency's decimals. */
  money(field: string, value: string | null | undefined, currency: string | null, options: { allowZero?: boolean } = {}): string | null {
    const text = value?.trim() ?? '';
    if (!text) return this.fail(field, ErrorCode.REQUIRED, 'is required');
    if (!DECIMAL_TEXT.test(text)) return this.fail(field, ErrorCode.INVALID, 'must be a decimal number such as "19.99"');
    const amount = new Decimal(text);
    if (amount.isNegative() || (amount.isZero() && !options.allowZero)) {
      return this.fail(field, ErrorCode.INVALID, options.allowZero ? 'must not be negative' : 'must be greater than 0');
    }
    if (amount.greaterThanOrEqualTo('1e15')) return this.fail(field, ErrorCode.INVALID, 'must be less than 1,000,000,000,000,000');
    const scale = currency ? currencyScale(currency) : 4;
    if (amount.decimalPlaces() > scale) return this.fail(field, ErrorCode.INVALID, `must have at most ${scale} decimal places for ${currency}`);
    return amount.toFixed(Math.max(amount.decimalPlaces(), 0));
  }

  integer(field: string, value: number | null | undefined, min: number, max: number, required = true): number | null {
    if (value === null || value === undefined) return required ? this.fail(field, ErrorCode.REQUIRED, 'is required') : null;
    if (!Number.isInteger(value) || value < min || value > max) return this.fail(field, ErrorCode.INVALID, `must be a whole number from ${min} to ${max}`);
    return value;
  }

  /** A moment that is not absurd: after 1970 and at most `maxAheadMs` past `now`. */
  moment(field: string, value: Date | null | undefined, now: Date, options: { required?: boolean; maxAheadMs?: number } = {}): Date | null {
    if (!value) return options.required ? this.fail(field, ErrorCode.REQUIRED, 'is required') : null;
    if (Number.isNaN(value.getTime())) return this.fail(field, ErrorCode.INVALID, 'must be a date-time');
    if (value < EARLIEST_MOMENT) return this.fail(field, ErrorCode.INVALID, 'must not be before 1970');
    const ahead = options.maxAheadMs ?? 5 * 60_000;
    if (value.getTime() > now.getTime() + ahead) return this.fail(field, ErrorCode.INVALID, 'must not be in the future');
    return value;
  }

  id(field: string, value: string | null | undefined, required = true): string | null {
    if (!value) return required ? this.fail(field, ErrorCode.REQUIRED, 'is required') : null;
    return isUuid(value) ? value : this.fail(field, ErrorCode.NOT_FOUND, 'does not exist');
  }

  /** Tags: each 1–50 characters, at most `max`, duplicates (case-insensitive) removed. */
  tags(field: string, values: string[] | null | undefined, max = 20): string[] | null {
    if (!values) return null;
    if (values.length > max) return this.fail(field, ErrorCode.INVALID, `must have at most ${max} tags`);
    const seen = new Map<string, string>();
    values.forEach((tag, index) => {
      const text = this.text(`${field}.${index}`, tag, { required: true, max: 50 });
      if (text && !seen.has(text.toLowerCase())) seen.set(text.toLowerCase(), text);
    });
    return [...seen.values()];
  }
}
