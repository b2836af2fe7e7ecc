import { StringDecoder } from 'node:string_decoder';

/** One record of a CSV file and the physical line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** Set when the record breaks RFC 4180 (text after a closing quote, a quote never closed). */
  malformed: string | null;
}

/** Keeps memory bounded on a broken file; no real cell comes near it. */
export const MAX_FIELD_CHARS = 1_000_000;

export class CsvError extends Error {
  override name = 'CsvError';
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/**
 * An RFC 4180 parser fed text piece by piece: quoted fields may hold commas, doubled quotes and
 * line breaks; records end with CRLF, LF or CR; blank lines are skipped. It keeps only the record
 * being read, so memory stays constant however large the file. Malformed records are still
 * returned (flagged) so the caller can report their line and carry on.
 */
export class CsvParser {
  private fields: string[] = [];
  private field = '';
  /** The current field opened with a quote. */
  private quoted = false;
  /** Between a field's opening and closing quote. */
  private inQuotes = false;
  /** Just saw a quote inside quotes: an escaped quote if another follows, else the field's end. */
  private quotePending = false;
  private malformed: string | null = null;
  private line = 1;
  private recordLine = 1;
  private started = false;
  private lineBreakPending = false;
  private previousWasCr = false;

  /** Parses the next piece of text; returns the records it completed. */
  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      // Lines are counted for reports: CRLF, LF and CR each end one, inside quotes too.
      if (this.lineBreakPending) this.line += 1;
      this.lineBreakPending = c === CR || (c === LF && !this.previousWasCr);
      this.previousWasCr = c === CR;
      if (!this.started) {
        this.started = true;
        this.recordLine = this.line;
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === QUOTE) {
            this.field += '"';
            start = i + 1;
            continue;
          }
          this.inQuotes = false; // the pending quote closed the field; this character follows it
        } else {
          if (c === QUOTE) {
            this.field += text.slice(start, i);
            start = i + 1;
            this.quotePending = true;
          }
          continue;
        }
      }
      if (c === COMMA) {
        this.field += text.slice(start, i);
        this.endField();
        start = i + 1;
      } else if (c === LF || c === CR) {
        this.field += text.slice(start, i);
        const record = this.endRecord();
        if (record) records.push(record);
        start = i + 1;
      } else if (c === QUOTE && !this.quoted && this.field === '' && start === i) {
        this.inQuotes = true;
        this.quoted = true;
        start = i + 1;
      } else if (this.quoted) {
        this.malformed ??= `text after the closing quote of field ${this.fields.length + 1}`;
        this.field += text[i];
        start = i + 1;
      }
    }
    this.field += text.slice(start);
    if (this.field.length > MAX_FIELD_CHARS) {
      // Most likely a quote never closed: everything after it would pile up in one field.
      throw new CsvError(`the field starting on line ${this.recordLine} is longer than ${MAX_FIELD_CHARS} characters (a quote never closed?)`);
    }
    return records;
  }

  /** Ends the input: returns the last record when the text did not end with a line break. */
  end(): CsvRecord[] {
    if (this.inQuotes && !this.quotePending) this.malformed ??= `a quoted field opened on line ${this.recordLine} is never closed`;
    this.inQuotes = false;
    if (!this.started) return [];
    const record = this.endRecord();
    return record ? [record] : [];
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.quoted = false;
  }

  private endRecord(): CsvRecord | null {
    this.endField();
    const record = { line: this.recordLine, fields: this.fields, malformed: this.malformed };
    this.fields = [];
    this.malformed = null;
    this.started = false;
    return record.fields.length === 1 && record.fields[0] === '' && !record.malformed ? null : record;
  }
}

/**
 * Streams the records of a UTF-8 CSV source (a file stream, chunk by chunk). A byte order mark is
 * dropped; a multi-byte character split between chunks is decoded whole.
 */
export async function* readCsv(source: AsyncIterable<Buffer | string>): AsyncGenerator<CsvRecord> {
  const decoder = new StringDecoder('utf8');
  const parser = new CsvParser();
  let first = true;
  for await (const chunk of source) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    yield* parser.push(text);
  }
  yield* parser.push(decoder.end());
  yield* parser.end();
}

/** One CSV line (with CRLF) from values, quoting those that need it. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values
    .map((value) => {
      const text = value === null || value === undefined ? '' : String(value);
      return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\r\n`;
}
