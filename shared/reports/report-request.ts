import { z } from 'zod';
import { daysInclusive, type IsoDate } from '../calendar-date.ts';
import { currencyCode, isoDate } from '../ipc/schemas.ts';
import { reportEntry, reportNames, type ReportName } from './report-catalog.ts';

export const reportFormats = ['pdf', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** Filters that narrow a report to some clients or one currency. Every field is optional. */
export const reportFilters = z
  .object({
    /** A client's code. */
    client: z.string().trim().min(1).max(100).optional(),
    /** Compared without case, as typed on the command line. */
    tier: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['low', 'medium', 'high'], { error: 'expected low, medium or high' }))
      .optional(),
    /** An account manager's name as stored on clients, compared without case. */
    manager: z.string().trim().min(1).max(200).optional(),
    currency: z.string().trim().toUpperCase().pipe(currencyCode).optional(),
  })
  .strict();

export type ReportFilters = z.infer<typeof reportFilters>;
/** The filters as a caller may write them, before case is folded. */
export type ReportFilterInput = z.input<typeof reportFilters>;

/**
 * Request for one report. As-of reports need `asOf`. Period reports need `from` and `to`, and
 * are computed as of `to`. Per-client reports need the client filter.
 */
export const reportRequest = z
  .object({
    report: z.enum(reportNames),
    asOf: isoDate.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    filters: reportFilters.default({}),
  })
  .strict()
  .superRefine((request, context) => {
    const problem = reportRequestProblem(request);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export type ReportRequest = z.infer<typeof reportRequest>;

interface RequestFields {
  readonly report: ReportName;
  readonly asOf?: IsoDate | undefined;
  readonly from?: IsoDate | undefined;
  readonly to?: IsoDate | undefined;
  readonly filters: ReportFilters;
}

/**
 * Maximum length of a report's period. Month-by-month figures (the DSO trend, the tier mix)
 * grow with the period, and no bookkeeping question needs more than a decade at once.
 */
export const MAX_PERIOD_YEARS = 10;

/**
 * Earliest date a report takes. A period report also reads the day before its start, which
 * must be a date too, and no ledger contains business from earlier centuries.
 */
export const EARLIEST_REPORT_DATE = '1900-01-01';

/** Describes what a request lacks for its report, or returns null when it is complete. */
export function reportRequestProblem(request: RequestFields): string | null {
  const entry = reportEntry(request.report);
  if (entry.dates === 'as-of') {
    if (request.from || request.to) {
      return `The ${entry.title.toLowerCase()} is as of one date: give an as-of date, not a period.`;
    }
    if (!request.asOf) return `The ${entry.title.toLowerCase()} needs an as-of date.`;
  } else {
    if (!request.from || !request.to) {
      return `The ${entry.title.toLowerCase()} covers a period: give a from and a to date.`;
    }
    if (request.from > request.to) {
      return `The period starts (${request.from}) after it ends (${request.to}): swap the dates.`;
    }
    const years = daysInclusive(request.from, request.to) / 365.25;
    if (years > MAX_PERIOD_YEARS) {
      return (
        `The period ${request.from} to ${request.to} runs ${Math.floor(years)} years: a ` +
        `report covers at most ${MAX_PERIOD_YEARS}, so shorten it.`
      );
    }
    if (request.asOf) {
      return `The ${entry.title.toLowerCase()} covers a period: give from and to, not an as-of date.`;
    }
  }
  const first = request.asOf ?? request.from;
  if (first !== undefined && first < EARLIEST_REPORT_DATE) {
    return `The date ${first} is before ${EARLIEST_REPORT_DATE}: give a date from then on.`;
  }
  if (entry.perClient && !request.filters.client) {
    return `The ${entry.title.toLowerCase()} is about one client: give the client's code.`;
  }
  return null;
}

/** Returns the day a report's figures are taken at: the as-of date, or the period's last day. */
export function reportAsOf(request: RequestFields): IsoDate {
  const date = request.asOf ?? request.to;
  if (!date) throw new RangeError('The report request has neither an as-of nor a to date.');
  return date;
}

/** Formats the scope line under a report's title: its dates, then the filters applied. */
export function describeReportScope(request: RequestFields): string {
  const dates = request.asOf ? `As of ${request.asOf}` : `${request.from} to ${request.to}`;
  const { client, tier, manager, currency } = request.filters;
  const filters = [
    client && `client ${client}`,
    tier && `${tier} risk`,
    manager && `manager ${manager}`,
    currency && `${currency} only`,
  ].filter(Boolean);
  return filters.length === 0 ? dates : `${dates} · ${filters.join(', ')}`;
}
