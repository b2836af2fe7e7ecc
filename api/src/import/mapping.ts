import { readFile } from 'node:fs/promises';
import { ErrorCode } from '../graphql/errors.js';
import { isDateFormat, parseDate, subtractMonths } from './dates.js';
import { IMPORT_KINDS, type ImportKindName, type TargetField } from './targets.js';

/*
 * A mapping file says how one CSV layout becomes the input of one kind of record. It is JSON:
 *
 *   { "kind": "customers", "asOf": "2026-11-01T00:00:00Z", "dateFormat": "YYYY-MM-DD",
 *     "skip": [{ "when": { "column": "TotalCharges", "blank": true }, "reason": "…" }],
 *     "fields": { "<input field>": <source>, … } }
 *
 * A source is one of { "column": "X" }, { "value": … }, { "template": "Customer {X}" },
 * { "asOf": true }, { "list": [<source>, …] }, with optional modifiers: "map" (value → value;
 * a value the map lacks is a row error unless "default" is given), "when" (a condition: the field
 * is left out unless it holds), "format" (date format), "split" (a separator: one column → a
 * list), "monthsBeforeAsOf" (the value is a count of months; the field is asOf minus that many).
 * A condition is { "column": "X", "equals": "v" | "in": ["v", …] | "blank": true|false }.
 * The README's "Importing CSV" section is the reference for users.
 */

export interface Condition {
  column: string;
  equals?: string;
  in?: string[];
  blank?: boolean;
}

export interface Source {
  column?: string;
  value?: unknown;
  template?: string;
  asOf?: boolean;
  list?: Source[];
  map?: Record<string, unknown>;
  default?: unknown;
  when?: Condition;
  format?: string;
  split?: string;
  monthsBeforeAsOf?: boolean;
}

export interface MappingFile {
  kind: ImportKindName;
  description?: string;
  asOf?: string;
  dateFormat?: string;
  skip?: { when: Condition; reason: string }[];
  fields: Record<string, Source>;
}

/** A problem with one row's value for one field, before the API's own rules are applied. */
export interface FieldProblem {
  field: string;
  code: ErrorCode;
  message: string;
}

export interface MappedRow {
  /** The input for the kind's writer: field → cleaned value (absent when the source gave nothing). */
  values: Record<string, unknown>;
  problems: FieldProblem[];
  /** The mapping's reason to leave this row out, when a skip rule matched. */
  skipped: string | null;
}

export class MappingError extends Error {
  override name = 'MappingError';
}

type Cells = (column: string) => string;

/** A mapping checked against its kind and the file's header, ready to map rows. */
export interface CompiledMapping {
  kind: ImportKindName;
  asOf: Date | null;
  /** The CSV columns a field's value came from, for the report. */
  columnsOf(field: string): string[];
  map(cells: Cells): MappedRow;
}

export async function loadMapping(path: string): Promise<MappingFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new MappingError(`cannot read mapping ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as MappingFile;
  } catch (error) {
    throw new MappingError(`mapping ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

function columnsOfSource(source: Source): string[] {
  const own = [source.column, source.when?.column, ...[...(source.template?.matchAll(/\{([^}]+)\}/g) ?? [])].map((m) => m[1])];
  return [...new Set([...own, ...(source.list ?? []).flatMap(columnsOfSource)].filter((c): c is string => Boolean(c)))];
}

function holds(condition: Condition, cells: Cells): boolean {
  const value = cells(condition.column).trim();
  if (condition.blank !== undefined) return (value === '') === condition.blank;
  if (condition.in) return condition.in.includes(value);
  return value === condition.equals;
}

/**
 * Checks the mapping once, before any row: the kind exists and matches, every field is one the kind
 * takes, every column is in the header, constants are valid for their field. Row-level problems
 * are reported per row later; a broken mapping stops the import at once.
 */
export function compileMapping(file: MappingFile, expectedKind: ImportKindName, header: string[], options: { asOf?: Date } = {}): CompiledMapping {
  const fail = (message: string): never => {
    throw new MappingError(message);
  };
  if (!file || typeof file !== 'object' || typeof file.fields !== 'object') fail('mapping must be a JSON object with "kind" and "fields"');
  if (file.kind !== expectedKind) fail(`mapping is for "${file.kind}", but the import is of ${expectedKind}`);
  const target = IMPORT_KINDS[expectedKind];
  const asOf = options.asOf ?? (file.asOf ? new Date(file.asOf) : null);
  if (asOf && Number.isNaN(asOf.getTime())) fail(`asOf must be an ISO 8601 time, got "${file.asOf}"`);
  if (file.dateFormat !== undefined && !isDateFormat(file.dateFormat)) fail(`dateFormat "${file.dateFormat}" is not ISO nor a pattern like DD/MM/YYYY`);
  const columns = new Set(header);
  const checkColumn = (where: string, column: string) => {
    if (!columns.has(column)) fail(`${where}: column "${column}" is not in the file's header (${header.join(', ')})`);
  };
  for (const [index, rule] of (file.skip ?? []).entries()) {
    checkColumn(`skip.${index}.when`, rule.when?.column);
    if (!rule.reason) fail(`skip.${index}: give a "reason"; it goes into the report`);
  }
  for (const [name, source] of Object.entries(file.fields)) {
    const field = target.fields[name];
    if (!field) fail(`fields.${name}: ${expectedKind} have no such field; they take ${Object.keys(target.fields).join(', ')}`);
    for (const column of columnsOfSource(source)) checkColumn(`fields.${name}`, column);
    const sources = field!.type === 'list' && source.list ? source.list : [source];
    for (const s of sources) {
      if (s.format !== undefined && !isDateFormat(s.format)) fail(`fields.${name}: format "${s.format}" is not ISO nor a pattern like DD/MM/YYYY`);
      if ((s.asOf || s.monthsBeforeAsOf) && !asOf) fail(`fields.${name}: uses asOf, so the mapping needs "asOf" (or pass --as-of)`);
      if ([s.column, s.value, s.template, s.asOf].filter((x) => x !== undefined).length !== 1) {
        fail(`fields.${name}: give exactly one of "column", "value", "template", "asOf"${field!.type === 'list' ? ' or "list"' : ''}`);
      }
      const constants = [...(s.value !== undefined ? [s.value] : []), ...Object.values(s.map ?? {}), ...(s.default !== undefined ? [s.default] : [])];
      for (const constant of constants) {
        if (constant === null) continue;
        const { problem } = convert(field!.type === 'list' ? { type: 'text' } : field!, constant, s, null);
        if (problem) fail(`fields.${name}: the constant ${JSON.stringify(constant)} ${problem.message}`);
      }
    }
  }
  for (const [name, field] of Object.entries(target.fields)) {
    if (field.required && !(name in file.fields) && !(field.alternative && field.alternative in file.fields)) {
      fail(`fields.${name}: ${expectedKind} need it${field.alternative ? ` (or ${field.alternative})` : ''}`);
    }
  }

  const dateFormat = file.dateFormat ?? 'ISO';
  return {
    kind: expectedKind,
    asOf,
    columnsOf: (field) => (file.fields[field] ? columnsOfSource(file.fields[field]!) : []),
    map(cells) {
      const skip = (file.skip ?? []).find((rule) => holds(rule.when, cells));
      if (skip) return { values: {}, problems: [], skipped: skip.reason };
      const values: Record<string, unknown> = {};
      const problems: FieldProblem[] = [];
      for (const [name, source] of Object.entries(file.fields)) {
        const field = target.fields[name]!;
        if (field.type === 'list') {
          const items = (source.list ?? [source]).flatMap((s) => {
            const raw = resolve(s, cells, asOf);
            if (raw === null) return [];
            const parts = s.split && typeof raw === 'string' ? raw.split(s.split) : [raw];
            return parts.flatMap((part) => {
              const { value, problem } = convert({ type: 'text' }, part, s, cells);
              if (problem) problems.push({ field: name, ...problem });
              return value === null || value === undefined ? [] : [value];
            });
          });
          values[name] = items;
          continue;
        }
        const raw = resolve(source, cells, asOf);
        const { value, problem } = convert(field, raw, { ...source, format: source.format ?? dateFormat }, cells, asOf);
        if (problem) problems.push({ field: name, ...problem });
        else if (value !== null && value !== undefined) values[name] = value;
      }
      for (const [name, field] of Object.entries(target.fields)) {
        const given = values[name] !== undefined || (field.alternative !== undefined && values[field.alternative] !== undefined);
        if (field.required && !given && !problems.some((p) => p.field === name)) {
          problems.push({ field: name, code: ErrorCode.REQUIRED, message: 'is required' });
        }
      }
      return { values, problems, skipped: null };
    },
  };
}

/** The source's raw value for a row, before conversion: null when blank or when its condition fails. */
function resolve(source: Source, cells: Cells, asOf: Date | null): unknown {
  if (source.when && !holds(source.when, cells)) return null;
  let raw: unknown;
  if (source.column !== undefined) raw = cells(source.column).trim();
  else if (source.template !== undefined) {
    let blank = false;
    raw = source.template.replace(/\{([^}]+)\}/g, (_, column: string) => {
      const cell = cells(column).trim();
      if (!cell) blank = true;
      return cell;
    });
    if (blank) raw = '';
  } else if (source.asOf) raw = asOf;
  else raw = source.value;
  return raw === '' || raw === undefined ? null : raw;
}

/**
 * Applies the source's map and turns the value into the field's type. Text stays text (money
 * included: never a float), so the API's own rules judge it exactly as they would over GraphQL.
 */
function convert(
  field: Pick<TargetField, 'type' | 'values'>,
  raw: unknown,
  source: Source,
  cells: Cells | null,
  asOf: Date | null = null,
): { value: unknown; problem?: Omit<FieldProblem, 'field'> } {
  const invalid = (message: string) => ({ value: null, problem: { code: ErrorCode.INVALID, message } });
  let value = raw;
  if (value !== null && source.map && cells) {
    const key = String(value);
    if (key in source.map) value = source.map[key];
    else if (source.default !== undefined) value = source.default;
    else return invalid(`"${key}" is not one of the mapped values (${Object.keys(source.map).join(', ')})`);
  }
  if (value === null || value === undefined) return { value: null };
  if (source.monthsBeforeAsOf && cells) {
    const months = String(value);
    if (!/^\d{1,4}$/.test(months)) return invalid(`must be a whole number of months, got "${months}"`);
    return { value: subtractMonths(asOf!, Number(months)) };
  }
  switch (field.type) {
    case 'text':
    case 'decimal':
    case 'id':
      return typeof value === 'string' ? { value } : typeof value === 'number' && field.type !== 'id' ? { value: String(value) } : invalid('must be text');
    case 'enum':
      return field.values!.includes(String(value)) ? { value: String(value) } : invalid(`"${String(value)}" is not one of ${field.values!.join(', ')}`);
    case 'integer': {
      const text = String(value).trim();
      return /^-?\d{1,9}$/.test(text) ? { value: Number(text) } : invalid(`must be a whole number, got "${text}"`);
    }
    case 'date': {
      if (value instanceof Date) return { value };
      const parsed = parseDate(String(value), source.format ?? 'ISO');
      return parsed ? { value: parsed } : invalid(`must be a date in the format ${source.format ?? 'ISO'}, got "${String(value)}"`);
    }
    case 'list':
      return invalid('must be a list');
  }
}
