import { localToday, type IsoDate } from '../../shared/calendar-date.ts';
import type { ReportDocument } from '../../shared/reports/report-document.ts';
import { previewReport, type ReportPreview } from '../../shared/reports/report-preview.ts';
import {
  reportAsOf,
  reportRequest,
  type ReportFormat,
  type ReportRequest,
} from '../../shared/reports/report-request.ts';
import { firstIssue } from '../../shared/validation-issue.ts';
import type { Ledger } from '../ledger/database.ts';
import { inReadSnapshot } from '../ledger/read-snapshot.ts';
import type { ReportContext } from './report-builder.ts';
import { reportHeader } from './report-header.ts';
import { reportModule } from './report-registry.ts';
import { resolveReportScope, type ReportScope } from './report-scope.ts';
import { writeReportCsv, type CsvProgress } from './output/report-csv.ts';
import { writeReportPdf } from './output/report-pdf.ts';

export type ReportProgress = CsvProgress;

export interface ReportFileOptions {
  readonly format: ReportFormat;
  readonly outFile: string;
  /** The day printed as "Generated on", or today's local date when absent. */
  readonly generatedOn?: IsoDate;
  readonly onProgress?: (progress: ReportProgress) => void;
  /**
   * The request's filters already resolved against the ledger, as a statement batch does once
   * for all its clients. Resolved from the request when absent.
   */
  readonly scope?: ReportScope;
}

export interface ExportedReport {
  readonly file: string;
  readonly format: ReportFormat;
  /** Rows of the CSV, or table rows laid out in the PDF. */
  readonly rows: number;
  /** Pages of the PDF, or null for CSV. */
  readonly pages: number | null;
}

/** Error for a request that lacks what the report needs. Its message names the field and fix. */
export class ReportRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportRequestError';
  }
}

/**
 * Checks `input` against the request schema and resolves its filters against the ledger, or
 * takes them as `scope` when the caller resolved them already.
 */
export function reportContext(
  db: Ledger,
  input: unknown,
  generatedOn: IsoDate,
  scope?: ReportScope,
): ReportContext {
  const parsed = reportRequest.safeParse(input);
  if (!parsed.success) throw new ReportRequestError(firstIssue(parsed.error));
  const request: ReportRequest = parsed.data;
  const asOf = reportAsOf(request);
  return {
    db,
    request,
    asOf,
    scope: scope ?? resolveReportScope(db, request.filters, asOf),
    header: reportHeader(db, request, generatedOn),
  };
}

/** Builds the report that `input` requests, with its rows still to be read. */
export function buildReport(db: Ledger, input: unknown, generatedOn: IsoDate): ReportDocument {
  const context = reportContext(db, input, generatedOn);
  return reportModule(context.request.report).build(context);
}

/** Builds the report and formats the first rows of each table for the Reports page. */
export function previewReportRequest(
  db: Ledger,
  input: unknown,
  generatedOn: IsoDate,
  rowLimit = 100,
): ReportPreview {
  return previewReport(buildReport(db, input, generatedOn), rowLimit);
}

/**
 * Writes the report to `options.outFile` as PDF or CSV. Rows stream from the ledger to the
 * file, which appears complete or not at all. Every query reads one snapshot of the ledger,
 * so writes committed while the file is written do not show in it.
 */
export async function exportReport(
  db: Ledger,
  input: unknown,
  options: ReportFileOptions,
): Promise<ExportedReport> {
  return inReadSnapshot(db, () => writeReportFile(db, input, options));
}

async function writeReportFile(
  db: Ledger,
  input: unknown,
  options: ReportFileOptions,
): Promise<ExportedReport> {
  const context = reportContext(db, input, options.generatedOn ?? localToday(), options.scope);
  const module = reportModule(context.request.report);
  const { format, outFile, onProgress } = options;
  if (format === 'csv') {
    const document = module.build(context);
    const { rows } = await writeReportCsv(document.csv, outFile, { onProgress });
    return { file: outFile, format, rows, pages: null };
  }
  if (module.writePdf) {
    const { rows, pages } = await module.writePdf(context, outFile);
    return { file: outFile, format, rows, pages };
  }
  const { rows, pages } = await writeReportPdf(module.build(context), outFile, { onProgress });
  return { file: outFile, format, rows, pages };
}
