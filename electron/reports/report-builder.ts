import type { IsoDate } from '../../shared/calendar-date.ts';
import type { ReportDocument, ReportHeader } from '../../shared/reports/report-document.ts';
import type { ReportRequest } from '../../shared/reports/report-request.ts';
import type { Ledger } from '../ledger/database.ts';
import type { ReportScope } from './report-scope.ts';

/** Input of a report module: the ledger, the request and its resolved filters. */
export interface ReportContext {
  readonly db: Ledger;
  readonly request: ReportRequest;
  /** The as-of date, or the last day of the period. */
  readonly asOf: IsoDate;
  readonly scope: ReportScope;
  /** The company, title, scope line and generated-on date, ready to print. */
  readonly header: ReportHeader;
}

/**
 * Builds one report. It may return rows as generators reading the ledger lazily. They are
 * read once, after the builder returns, on the same connection.
 */
export type ReportBuilder = (context: ReportContext) => ReportDocument;

export interface ReportModule {
  readonly build: ReportBuilder;
  /**
   * A PDF layout of the report's own, such as a letter with an address window, used instead
   * of the standard report layout. It writes `outFile` whole or not at all.
   */
  readonly writePdf?: (
    context: ReportContext,
    outFile: string,
  ) => Promise<{ readonly rows: number; readonly pages: number }>;
}
