import type { GetListParams } from 'react-admin';
import { asList } from './types';

/**
 * Turning react-admin's filter form values (kept in the URL as typed) into the API's list filters:
 * each helper returns undefined for a value that is empty, incomplete or invalid, so a half-typed
 * filter never reaches the API.
 */

/** A DateInput's "YYYY-MM-DD" as the start of that day in the browser's time zone. */
export function startOfDay(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const day = new Date(`${value.slice(0, 10)}T00:00:00`);
  return Number.isNaN(day.getTime()) ? undefined : day.toISOString();
}

/** A non-negative decimal typed into a filter, kept as the exact string the API's Decimal takes. */
export function decimalBound(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^\d+(\.\d+)?$/.test(text) ? text : undefined;
}

/** A whole number typed into a filter. */
export function integerBound(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

/** A NullableBooleanInput's value (true, false, or their text from the URL). */
export function yesOrNo(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/** One id (a reference input), or nothing. */
export function idOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A multiple choice (SelectArrayInput) or a single one, as the list the API takes. */
export function choices<T extends string>(value: unknown): T[] | undefined {
  return asList(value as T | T[] | undefined);
}

/** react-admin's sort as an API order ({ field, direction }) for the columns in `fields`; undefined: the API's default. */
export function toOrder(sort: GetListParams['sort'] | undefined, fields: Record<string, string>) {
  const field = sort && fields[sort.field];
  return field ? { field, direction: sort.order === 'ASC' ? 'ASC' : 'DESC' } : undefined;
}
