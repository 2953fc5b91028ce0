import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { localToday, type IsoDate } from '../../shared/calendar-date.ts';
import { detectDateOrder, type DateOrder } from '../../shared/import-format/date-format.ts';
import { detectNumberFormat, type NumberFormat } from '../../shared/import-format/number-format.ts';
import { findHeaderRow, isTotalRow } from '../../shared/import-format/table-region.ts';
import { creditLimitWarningsForBatch } from './credit-limit-warnings.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';
import {
  headerRecognizer,
  mapColumns,
  missingFields,
  requiredFields,
  type ColumnMapping,
  type ColumnOverride,
} from './column-mapping.ts';
import { inspectCsvFile, readCsvRows, type CsvInspection, type CsvRow } from './csv-file.ts';
import type { FieldId, RecordKind } from './fields.ts';
import type { RowError } from './imported-record.ts';
import { LedgerWriter, type WriteCounts } from './ledger-writer.ts';
import { findPreset, type ImportPreset } from './presets/index.ts';
import { parseRow, type RowParserSettings } from './row-parser.ts';

export interface ImportOptions {
  readonly preset?: string;
  /** Record kind of a generic file; presets fix their own. */
  readonly kind?: RecordKind;
  /** Currency of rows that do not state one. */
  readonly currency?: string;
  /** Date order of every date column, instead of detecting it from the values. */
  readonly dateOrder?: DateOrder;
  readonly map?: readonly ColumnOverride[];
  /** Read and check everything, write nothing. */
  readonly dryRun?: boolean;
  /** Import a file even though the same file was imported before. */
  readonly force?: boolean;
  readonly defaultTermsDays?: number;
  /** Date recorded for amounts the file reports paid without a date; today by default. */
  readonly paidOn?: IsoDate;
  /** Row errors kept in the result; every error is still counted. */
  readonly maxErrors?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number) => void;
}

/** Decisions about the file made before reading its rows: encoding, columns, formats. */
export interface ImportLayout {
  readonly encoding: string;
  readonly delimiter: string;
  readonly headerLine: number;
  readonly header: readonly string[];
  readonly columns: Partial<Record<FieldId, string>>;
  readonly numberFormat: NumberFormat;
  readonly dateOrders: Partial<Record<FieldId, DateOrderChoice>>;
}

/**
 * How a date column's order was chosen: given with `--date-order`, detected from its own
 * values, taken from another date column of the file, or assumed from the preset or the
 * number format when no value could tell.
 */
export interface DateOrderChoice {
  readonly order: DateOrder;
  readonly source: 'given' | 'detected' | 'other-column' | 'assumed';
}

export type ImportStatus =
  | 'imported'
  | 'dry-run'
  | 'rejected'
  | 'already-imported'
  | 'nothing-new'
  | 'no-rows'
  | 'cancelled';

export interface ImportResult {
  readonly status: ImportStatus;
  readonly file: string;
  readonly sha256: string | null;
  readonly preset: string;
  readonly kind: RecordKind;
  readonly batchId: number | null;
  readonly layout: ImportLayout | null;
  readonly rowsRead: number;
  readonly counts: WriteCounts;
  readonly skipped: Readonly<Record<string, number>>;
  readonly errors: readonly RowError[];
  readonly errorCount: number;
  /** The earlier import of the same file, when there is one. */
  readonly previousImport: { batchId: number; importedAt: string } | null;
  /** Clients the file's invoices take over their credit limit (imported or checked). */
  readonly creditLimitWarnings: readonly string[];
}

const emptyCounts: WriteCounts = {
  invoices: 0,
  payments: 0,
  creditNotes: 0,
  clients: 0,
  alreadyInLedger: 0,
  invoiceLines: 0,
};

/**
 * Imports a CSV export into the ledger, all or nothing: every row is checked and written
 * inside one transaction, which is rolled back when any row is rejected.
 */
export async function importFile(
  db: Ledger,
  file: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const preset = findPreset(options.preset ?? 'generic');
  const kind = preset.kind ?? options.kind ?? 'invoices';
  await assertReadableFile(file);
  const inspection = await inspectCsvFile(file);
  const base = {
    file,
    sha256: inspection.sha256,
    preset: preset.id,
    kind,
    batchId: null,
    rowsRead: 0,
    counts: emptyCounts,
    skipped: {},
    previousImport: null,
    creditLimitWarnings: [],
  };

  const planned = planLayout(inspection, preset, kind, options);
  if ('errors' in planned) {
    return { ...base, status: 'rejected', layout: null, errors: planned.errors, errorCount: 1 };
  }
  const { layout, settings } = planned;

  const previous = db
    .prepare(
      `SELECT id AS batchId, imported_at AS importedAt FROM import_batches
       WHERE file_sha256 = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(inspection.sha256) as { batchId: number; importedAt: string } | undefined;
  if (previous && !options.force) {
    return {
      ...base,
      status: 'already-imported',
      layout,
      previousImport: previous,
      errors: [],
      errorCount: 0,
    };
  }

  return writeRows(db, inspection, preset, layout, settings, options, {
    ...base,
    previousImport: previous ?? null,
  });
}

export interface PlannedLayout {
  readonly layout: ImportLayout;
  readonly settings: RowParserSettings;
}

/** Decides how to read the file from its sample: header, columns, formats, date orders. */
export function planLayout(
  inspection: CsvInspection,
  preset: ImportPreset,
  kind: RecordKind,
  options: ImportOptions,
): PlannedLayout | { errors: RowError[] } {
  const recognize = headerRecognizer(preset, kind);
  const overrides = options.map ?? [];
  const headerIndex = findHeaderRow(inspection.rows, (cells) =>
    overrides.length > 0 ? overrides.every((o) => cells.includes(o.header)) : recognize(cells),
  );
  const headerRow = inspection.rows[headerIndex];
  if (headerIndex < 0 || !headerRow) {
    return fileError(null, 'no header row found: the file has no table of at least two columns');
  }
  let mapping: ColumnMapping;
  try {
    mapping = mapColumns(headerRow.cells, preset, overrides);
  } catch (error) {
    return fileError(headerRow.line, (error as Error).message);
  }
  const missing = missingFields(mapping, requiredFields(kind, preset));
  if (missing.length > 0) {
    return fileError(
      headerRow.line,
      `the header row (${headerRow.cells.filter(Boolean).join(', ')}) has no column for ` +
        `${missing.map((m) => m.replaceAll('|', ' or ')).join('; ')}: map one with ` +
        `--map "Header=field" or choose another --preset`,
    );
  }

  const dataRows = inspection.rows.slice(headerIndex + 1).filter((row) => !isTotalRow(row.cells));
  const valuesOf = (field: FieldId) => {
    const index = mapping.columns[field];
    if (index === undefined) return [];
    return dataRows.map((row) => row.cells[index] ?? '').filter((value) => value !== '');
  };

  let numberFormat: NumberFormat;
  try {
    const amounts = (['amount', 'amount_paid', 'open_balance'] as const).flatMap(valuesOf);
    numberFormat = detectNumberFormat(amounts, inspection.delimiter);
  } catch (error) {
    return fileError(headerRow.line, `amount columns disagree: ${(error as Error).message}`);
  }

  const dateFields = (['date', 'due_date', 'settled_date'] as const).filter(
    (field) => mapping.columns[field] !== undefined,
  );
  const detected = new Map<FieldId, { order: DateOrder | null; evidence: string | null }>();
  for (const field of options.dateOrder ? [] : dateFields) {
    try {
      detected.set(field, detectDateOrder(valuesOf(field)));
    } catch (error) {
      const header = headerRow.cells[mapping.columns[field] as number];
      return fileError(
        headerRow.line,
        `column "${header}" mixes date orders (${(error as Error).message}); ` +
          'give the order with --date-order mdy|dmy|ymd',
      );
    }
  }
  // A file uses one day/month order: a column whose values cannot tell (every day ≤ 12)
  // takes the order another column shows, and columns that disagree stop the import.
  const votes = [...detected.entries()].filter(
    ([, detection]) => detection.order === 'dmy' || detection.order === 'mdy',
  );
  const [firstVote, ...otherVotes] = votes;
  const conflict = otherVotes.find(([, detection]) => detection.order !== firstVote?.[1].order);
  if (firstVote && conflict) {
    const describe = ([field, detection]: (typeof votes)[number]) =>
      `"${headerRow.cells[mapping.columns[field] as number]}" reads ` +
      `${detection.order === 'dmy' ? 'day' : 'month'} first ("${detection.evidence}")`;
    return fileError(
      headerRow.line,
      `date columns disagree: ${describe(firstVote)} but ${describe(conflict)}; ` +
        'give the order with --date-order mdy|dmy|ymd',
    );
  }
  const fallback = preset.defaultDateOrder ?? (numberFormat.decimal === ',' ? 'dmy' : 'mdy');
  const dateOrders: Partial<Record<FieldId, DateOrderChoice>> = {};
  for (const field of dateFields) {
    const own = detected.get(field)?.order ?? null;
    let choice: DateOrderChoice;
    if (options.dateOrder) choice = { order: options.dateOrder, source: 'given' };
    else if (own === 'dmy' || own === 'mdy') choice = { order: own, source: 'detected' };
    else if (firstVote?.[1].order) choice = { order: firstVote[1].order, source: 'other-column' };
    else choice = { order: own ?? fallback, source: own ? 'detected' : 'assumed' };
    dateOrders[field] = choice;
  }

  const columns: Partial<Record<FieldId, string>> = {};
  for (const [field, index] of Object.entries(mapping.columns)) {
    columns[field as FieldId] = headerRow.cells[index] ?? '';
  }
  const layout: ImportLayout = {
    encoding: inspection.encoding,
    delimiter: inspection.delimiter,
    headerLine: headerRow.line,
    header: headerRow.cells,
    columns,
    numberFormat,
    dateOrders,
  };
  const orders: Partial<Record<FieldId, DateOrder>> = {};
  for (const [field, choice] of Object.entries(dateOrders)) orders[field as FieldId] = choice.order;
  const settings: RowParserSettings = {
    kind,
    mapping,
    numberFormat,
    dateOrders: orders,
    currency: options.currency ?? null,
    defaultTermsDays: options.defaultTermsDays ?? 30,
    paidOn: options.paidOn ?? localToday(),
  };
  return { layout, settings };
}

async function writeRows(
  db: Ledger,
  inspection: CsvInspection,
  preset: ImportPreset,
  layout: ImportLayout,
  settings: RowParserSettings,
  options: ImportOptions,
  base: Omit<ImportResult, 'status' | 'layout' | 'errors' | 'errorCount'>,
): Promise<ImportResult> {
  const maxErrors = options.maxErrors ?? 1000;
  const errors: RowError[] = [];
  let errorCount = 0;
  const skipped: Record<string, number> = {};
  const skip = (reason: string) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const mappedIndexes = Object.values(settings.mapping.columns);
  let rowsRead = 0;

  db.exec('BEGIN IMMEDIATE');
  let finished = false;
  try {
    const batchId = Number(
      db
        .prepare(
          `INSERT INTO import_batches (file_name, file_sha256, file_size, record_kind, preset,
             layout, rows_read, records_added, rows_already_in_ledger, forced, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?)`,
        )
        .run(
          basename(inspection.path),
          inspection.sha256,
          inspection.sizeBytes,
          settings.kind,
          preset.id,
          JSON.stringify(layout),
          options.force ? 1 : 0,
          new Date().toISOString(),
        ).lastInsertRowid,
    );
    const writer = new LedgerWriter(db, batchId, {
      invoiceLinesRepeat: preset.id === 'xero',
      paidOn: settings.paidOn,
    });
    const keep = (found: readonly RowError[]) => {
      errorCount += found.length;
      for (const error of found) if (errors.length < maxErrors) errors.push(error);
    };

    const onRow = (row: CsvRow) => {
      if (row.line <= layout.headerLine) return;
      const hasData = mappedIndexes.some((index) => (row.cells[index] ?? '') !== '');
      if (!hasData) return skip('headings and notes outside the table');
      if (isTotalLine(row, settings)) return skip('total lines');
      rowsRead += 1;
      const outcome = parseRow(row.cells, row.line, settings);
      if (outcome.type === 'skipped') return skip(outcome.reason);
      if (outcome.type === 'rejected') return keep(outcome.errors);
      // Once a row is rejected nothing will be written, but later rows are still checked.
      if (errorCount === 0) keep(writer.write(outcome.record));
    };
    const size = Math.max(inspection.sizeBytes, 1);
    const readOptions = {
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (bytes: number) => options.onProgress?.(Math.min(bytes / size, 1)),
    };
    await readCsvRows(inspection.path, inspection, onRow, readOptions);

    const counts = writer.counts;
    const added = counts.invoices + counts.payments + counts.creditNotes;
    const creditLimitWarnings =
      errorCount === 0 && counts.invoices > 0 ? creditLimitWarningsForBatch(db, batchId) : [];
    const result = {
      ...base,
      batchId,
      layout,
      rowsRead,
      counts,
      skipped,
      errors,
      errorCount,
      creditLimitWarnings,
    };
    if (errorCount > 0) {
      // Rows written before the first rejection are rolled back, so none of them count.
      return rollback(db, { ...result, status: 'rejected', batchId: null, counts: emptyCounts });
    }
    if (options.dryRun) return rollback(db, { ...result, status: 'dry-run', batchId: null });
    if (rowsRead === 0) return rollback(db, { ...result, status: 'no-rows', batchId: null });
    if (added === 0) return rollback(db, { ...result, status: 'nothing-new', batchId: null });

    db.prepare(
      `UPDATE import_batches SET rows_read = ?, records_added = ?, rows_already_in_ledger = ?
       WHERE id = ?`,
    ).run(rowsRead, added, counts.alreadyInLedger, batchId);
    recordAudit(db, {
      action: 'import',
      entity: 'import_batch',
      entityId: batchId,
      details: { file: inspection.path, sha256: inspection.sha256, preset: preset.id, counts },
    });
    db.exec('COMMIT');
    finished = true;
    return { ...result, status: 'imported' };
  } catch (error) {
    if (options.signal?.aborted) {
      return rollback(db, {
        ...base,
        status: 'cancelled',
        layout,
        rowsRead,
        skipped,
        errors,
        errorCount,
      });
    }
    throw error;
  } finally {
    if (!finished && db.inTransaction) db.exec('ROLLBACK');
  }
}

/** Raises a message a user can act on when `file` is missing or is not a regular file. */
export async function assertReadableFile(file: string): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new Error(`File not found: ${file}. Check the path and try again.`);
  }
  if (!info.isFile()) throw new Error(`${file} is not a file: give the path of a CSV file.`);
}

function rollback(db: Ledger, result: ImportResult): ImportResult {
  if (db.inTransaction) db.exec('ROLLBACK');
  return result;
}

/**
 * Tells a total line by its label, never by its sums, and only when it carries no
 * document number or date of its own: a client called "Total Wine" is still a client.
 */
export function isTotalLine(row: CsvRow, settings: RowParserSettings): boolean {
  if (!isTotalRow(row.cells)) return false;
  const { number, date } = settings.mapping.columns;
  const blankOrLabel = (index: number | undefined) => {
    const cell = index === undefined ? '' : (row.cells[index] ?? '');
    return cell === '' || isTotalRow([cell]);
  };
  return blankOrLabel(number) && blankOrLabel(date);
}

function fileError(line: number | null, reason: string): { errors: RowError[] } {
  return { errors: [{ line: line ?? 0, column: null, value: null, reason }] };
}
