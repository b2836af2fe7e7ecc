import { MAX_BATCH_ITEMS } from '../graphql/batch.js';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../db/orm.js';
import type { Context, Viewer } from '../graphql/context.js';
import { ErrorCode } from '../graphql/errors.js';
import { can } from '../modules/access/permissions.js';
import { listStaff } from '../modules/staff/staff.service.js';
import { CsvError, csvLine, readCsv, type CsvRecord } from './csv-reader.js';
import { compileMapping, MappingError, type FieldProblem, type MappingFile } from './mapping.js';
import type { ImportKindName } from './targets.js';
import { resolveReferences, WRITERS, type Outcome, type Row, type StaffDirectory } from './writers.js';

/** Rows per transaction: at most what a batch mutation takes. */
export const MAX_IMPORT_BATCH = MAX_BATCH_ITEMS;

export interface ImportOptions {
  kind: ImportKindName;
  file: string;
  mapping: MappingFile;
  /** Where to write the rejected and skipped rows (CSV); none: only the summary's first few. */
  reportPath?: string | null;
  /** Rows per transaction, 1–1,000 (default 1,000). */
  batchSize?: number;
  /** Check every row against the database, write nothing (one transaction, rolled back). */
  dryRun?: boolean;
  /** The staff member the import acts as (active, in a role that may write imports): audit rows name them. */
  actorEmail: string;
  /** Overrides the mapping's asOf. */
  asOf?: Date;
  /** Called after each batch with the running totals. */
  onBatch?: (summary: ImportSummary) => void;
}

/** One line of the report: why a CSV row was not imported. */
export interface Rejection {
  line: number;
  column: string;
  field: string;
  code: string;
  reason: string;
}

export interface ImportSummary {
  kind: ImportKindName;
  dryRun: boolean;
  /** Data rows read (the header not counted). */
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows a skip rule of the mapping left out (in the report, code SKIPPED). */
  skipped: number;
  rejected: number;
  elapsedMs: number;
  rowsPerSecond: number;
  /** The first rejections, for a summary without a report file. */
  firstRejections: Rejection[];
}

export class ImportError extends Error {
  override name = 'ImportError';
}

const KEPT_REJECTIONS = 20;

interface PendingRow {
  record: CsvRecord;
  /** The mapped input, when the record could be mapped. */
  row: Row | null;
  problems: FieldProblem[];
  skipped: string | null;
  outcome: Outcome | null;
}

/** The importing staff member as a viewer, and every staff member by email (for ownerEmail, staffEmail). */
async function actorAndStaff(em: EntityManager, email: string): Promise<{ viewer: Viewer; staff: StaffDirectory }> {
  const staff: StaffDirectory = new Map((await listStaff(em)).map((member) => [member.email.toLowerCase(), member]));
  const actor = staff.get(email.toLowerCase());
  if (!actor || !actor.active) throw new ImportError(`no active staff member has the email ${email}: imports act as an active staff member whose role may import`);
  const viewer: Viewer = { staffUserId: actor.id, email: actor.email, name: actor.name, role: actor.role, team: actor.team, apiKey: null };
  // Checked again inside every batch's transaction; here so a refused import reads no file.
  if (!can(viewer, 'write', 'import')) throw new ImportError(`${email} is ${actor.role}, a role that may not import (see "Who may do what" in the README)`);
  return { viewer, staff };
}

/** The report: one line per broken rule (or skip), with the row's own cells after the reason. */
class Report {
  private constructor(private readonly out: WriteStream | null) {}
  readonly first: Rejection[] = [];

  static async open(path: string | null | undefined, header: string[]): Promise<Report> {
    if (!path) return new Report(null);
    const out = createWriteStream(path, { encoding: 'utf8' });
    await Promise.race([once(out, 'open'), once(out, 'error').then(([error]) => Promise.reject(error))]);
    const report = new Report(out);
    await report.write(csvLine(['line', 'column', 'field', 'code', 'reason', ...header]));
    return report;
  }

  async add(record: CsvRecord, rejection: Omit<Rejection, 'line'>): Promise<void> {
    const full = { line: record.line, ...rejection };
    if (rejection.code !== 'SKIPPED' && this.first.length < KEPT_REJECTIONS) this.first.push(full);
    if (this.out) await this.write(csvLine([full.line, full.column, full.field, full.code, full.reason, ...record.fields]));
  }

  private async write(text: string): Promise<void> {
    if (!this.out!.write(text)) await once(this.out!, 'drain');
  }

  async close(): Promise<void> {
    if (!this.out) return;
    this.out.end();
    await once(this.out, 'finish');
  }
}

function importContext(em: EntityManager, viewer: Viewer, requestId: string): Context {
  return {
    em,
    viewer,
    credentialsRejected: false,
    requestId,
    now: new Date(),
    statements: { count: 0 },
    tokens: {
      sign: () => Promise.reject(new Error('an import issues no tokens')),
      verify: () => Promise.resolve(null),
      refreshTokenTtlSeconds: 0,
    },
    loaders: new Map(),
  };
}

/**
 * Imports a CSV file as one kind of record: streams it row by row (memory stays constant), maps
 * each row with the mapping, and writes batches through the kind's set-based batch service — the
 * API's own rules, idempotent by externalId, audited as the importing administrator. Each batch is
 * its own transaction; rows that break a rule are reported with their line, field and reason, and
 * the rest are written. Running the same import again changes nothing.
 */
export async function importCsv(orm: Orm, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? MAX_IMPORT_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_IMPORT_BATCH) {
    throw new ImportError(`--batch must be a whole number from 1 to ${MAX_IMPORT_BATCH}, got ${options.batchSize}`);
  }
  const { viewer, staff } = await actorAndStaff(orm.em.fork(), options.actorEmail);
  const requestId = `csv-import:${options.kind}:${randomUUID()}`;
  const summary: ImportSummary = {
    kind: options.kind, dryRun: Boolean(options.dryRun), read: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, rejected: 0,
    elapsedMs: 0, rowsPerSecond: 0, firstRejections: [],
  };

  // A dry run writes through one outer transaction and rolls it back, so later rows see earlier
  // ones exactly as in a real run; each batch's own transaction becomes a savepoint inside it.
  const dryRunEm = options.dryRun ? orm.em.fork() : null;
  if (dryRunEm) await dryRunEm.begin();

  const records = readCsv(createReadStream(options.file));
  let report: Report | null = null;
  try {
    const first = await records.next();
    if (first.done) throw new ImportError(`${options.file} is empty: the first line must name the columns`);
    const header = first.value.fields.map((name) => name.trim());
    const duplicate = header.find((name, i) => header.indexOf(name) !== i);
    if (duplicate !== undefined) throw new ImportError(`the header names column "${duplicate}" twice`);
    const mapping = compileMapping(options.mapping, options.kind, header, { asOf: options.asOf });
    report = await Report.open(options.reportPath, header);
    const position = new Map(header.map((name, i) => [name, i]));

    // Rows wait in the batch whatever became of them, so the report lists them in file order.
    let batch: PendingRow[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const pending = batch;
      batch = [];
      const em = dryRunEm ?? orm.em.fork();
      const writable = pending.filter((p) => p.row && !p.problems.length);
      const referenceProblems = await resolveReferences(em, writable.map((p) => p.row!), staff);
      writable.forEach((p, i) => p.problems.push(...referenceProblems[i]!));
      const resolved = writable.filter((p) => !p.problems.length);
      const outcomes = resolved.length ? await WRITERS[options.kind](importContext(em, viewer, requestId), resolved.map((p) => p.row!)) : [];
      outcomes.forEach(({ outcome, problems }, i) => {
        resolved[i]!.outcome = outcome;
        resolved[i]!.problems.push(...problems);
      });
      for (const p of pending) {
        if (p.skipped !== null) {
          summary.skipped += 1;
          await report!.add(p.record, { column: '', field: '', code: 'SKIPPED', reason: p.skipped });
        } else if (p.problems.length) {
          summary.rejected += 1;
          for (const problem of p.problems) {
            const column = problem.field ? mapping.columnsOf(problem.field.split('.')[0]!).join(' + ') : '';
            await report!.add(p.record, { column, field: problem.field, code: problem.code, reason: problem.message });
          }
        } else {
          summary[p.outcome as Exclude<Outcome, 'rejected'>] += 1;
        }
      }
      options.onBatch?.({ ...summary });
    };

    for await (const record of records) {
      summary.read += 1;
      const pending: PendingRow = { record, row: null, problems: [], skipped: null, outcome: null };
      if (record.malformed) {
        pending.problems.push({ field: '', code: ErrorCode.INVALID, message: `malformed CSV: ${record.malformed}` });
      } else if (record.fields.length !== header.length) {
        pending.problems.push({ field: '', code: ErrorCode.INVALID, message: `has ${record.fields.length} fields, the header has ${header.length}` });
      } else {
        const mapped = mapping.map((column) => record.fields[position.get(column)!] ?? '');
        if (mapped.skipped !== null) pending.skipped = mapped.skipped;
        else {
          pending.problems.push(...mapped.problems);
          pending.row = mapped.values;
        }
      }
      batch.push(pending);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } catch (error) {
    if (error instanceof MappingError) throw new ImportError(`mapping: ${error.message}`);
    if (error instanceof CsvError) throw new ImportError(`${options.file}: ${error.message}; the batches before it were written (none in a dry run)`);
    throw error;
  } finally {
    await records.return(undefined);
    await report?.close();
    if (dryRunEm) await dryRunEm.rollback();
  }
  summary.firstRejections = report?.first ?? [];
  summary.elapsedMs = Math.round(performance.now() - started);
  summary.rowsPerSecond = summary.elapsedMs ? Math.round((summary.read * 1000) / summary.elapsedMs) : summary.read;
  return summary;
}
