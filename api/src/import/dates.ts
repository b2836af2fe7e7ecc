/*
 * Dates in CSV files. A format is "ISO" (ISO 8601: a date, or a date-time with Z or an offset)
 * or a pattern of YYYY, MM/M, DD/D, HH/H, mm, ss and literal characters, e.g. "DD/MM/YYYY" or
 * "MM/DD/YYYY HH:mm". Pattern dates carry no zone and are read as UTC.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const TOKENS: Record<string, string> = { YYYY: '(\\d{4})', MM: '(\\d{2})', M: '(\\d{1,2})', DD: '(\\d{2})', D: '(\\d{1,2})', HH: '(\\d{2})', H: '(\\d{1,2})', mm: '(\\d{2})', ss: '(\\d{2})' };
const UNIT: Record<string, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'> = {
  YYYY: 'year', MM: 'month', M: 'month', DD: 'day', D: 'day', HH: 'hour', H: 'hour', mm: 'minute', ss: 'second',
};

interface Pattern {
  regex: RegExp;
  units: (typeof UNIT)[string][];
}

const patterns = new Map<string, Pattern>();

function compile(format: string): Pattern {
  let pattern = patterns.get(format);
  if (pattern) return pattern;
  const units: Pattern['units'] = [];
  const source = format.replace(/YYYY|MM|M|DD|D|HH|H|mm|ss|[^A-Za-z]/g, (token) => {
    if (TOKENS[token]) {
      units.push(UNIT[token]!);
      return TOKENS[token]!;
    }
    return token.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  });
  pattern = { regex: new RegExp(`^${source}$`), units };
  patterns.set(format, pattern);
  return pattern;
}

/** Whether a format is one parseDate understands (checked when the mapping loads). */
export function isDateFormat(format: string): boolean {
  return format === 'ISO' || (/^(YYYY|MM|M|DD|D|HH|H|mm|ss|[^A-Za-z])+$/.test(format) && /YYYY/.test(format) && /M/.test(format) && /D/.test(format));
}

/** The moment a CSV cell names, or null when it does not fit the format or names no real day (31/02). */
export function parseDate(text: string, format: string): Date | null {
  const parts = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  let offsetMinutes = 0;
  if (format === 'ISO') {
    const m = ISO.exec(text.trim());
    if (!m) return null;
    Object.assign(parts, { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0) });
    parts.millisecond = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
    if (m[4] !== undefined && m[8] === undefined) return null; // a time without a zone is ambiguous
    if (m[8] && m[8] !== 'Z') {
      const sign = m[8].startsWith('-') ? -1 : 1;
      const digits = m[8].slice(1).replace(':', '');
      offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    }
  } else {
    const { regex, units } = compile(format);
    const m = regex.exec(text.trim());
    if (!m) return null;
    units.forEach((unit, i) => {
      parts[unit] = Number(m[i + 1]);
    });
  }
  const { year, month, day, hour, minute, second, millisecond } = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const time = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return new Date(time - offsetMinutes * 60_000);
}

/** `months` calendar months before `moment` (UTC), the day clamped to the month's last: 31 Mar − 1 = 28/29 Feb. */
export function subtractMonths(moment: Date, months: number): Date {
  const year = moment.getUTCFullYear();
  const month = moment.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(moment);
  result.setUTCFullYear(year, month, Math.min(moment.getUTCDate(), lastDay));
  return result;
}
