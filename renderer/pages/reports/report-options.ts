import { firstOfMonth, isIsoDate, type IsoDate } from '../../../shared/calendar-date.ts';
import type { IpcRequest } from '../../../shared/ipc/contract.ts';
import { reportEntry, type ReportName } from '../../../shared/reports/report-catalog.ts';

export type ReportRequestInput = IpcRequest<'reports/preview'>;
export type RiskTier = 'low' | 'medium' | 'high';

/**
 * The Reports page's form as typed: dates are the raw values of the date inputs ('' while a
 * date is incomplete) and an empty filter means "all". Null dates follow the as-of date of
 * the header until the user picks one.
 */
export interface ReportOptions {
  readonly report: ReportName;
  readonly asOf: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly client: string;
  readonly tier: RiskTier | '';
  readonly manager: string;
  readonly currency: string;
}

export const initialOptions: ReportOptions = {
  report: 'aging-summary',
  asOf: null,
  from: null,
  to: null,
  client: '',
  tier: '',
  manager: '',
  currency: '',
};

/** The dates the form shows: the user's, else the header's as-of date and its month. */
export interface ShownDates {
  readonly asOf: string;
  readonly from: string;
  readonly to: string;
}

export function shownDates(options: ReportOptions, headerAsOf: IsoDate): ShownDates {
  const to = options.to ?? headerAsOf;
  const from = options.from ?? (isIsoDate(to) ? firstOfMonth(to) : firstOfMonth(headerAsOf));
  return { asOf: options.asOf ?? headerAsOf, from, to };
}

/** Maximum lengths of a client code and a manager name in the report request's schema. */
const MAX_CLIENT_CODE = 100;
const MAX_MANAGER = 200;

/** A message per form field that stops the request from being sent. */
export interface OptionProblems {
  readonly asOf?: string;
  readonly from?: string;
  readonly to?: string;
  readonly client?: string;
  readonly manager?: string;
}

/**
 * Checks the form before anything is sent, with the same rules as the request schema, so the
 * user reads what to fix beside the field instead of an error from the ledger. A client code
 * that the ledger lacks passes here, because only the ledger can tell, and its message is
 * shown.
 */
export function optionProblems(
  options: ReportOptions,
  dates: ShownDates,
  requireClient = reportEntry(options.report).perClient,
): OptionProblems {
  const entry = reportEntry(options.report);
  const problems: { -readonly [K in keyof OptionProblems]: string } = {};
  if (entry.dates === 'as-of') {
    if (!isIsoDate(dates.asOf)) problems.asOf = 'Enter the as-of date.';
  } else {
    if (!isIsoDate(dates.from)) problems.from = 'Enter the first day of the period.';
    if (!isIsoDate(dates.to)) problems.to = 'Enter the last day of the period.';
    if (problems.from === undefined && problems.to === undefined && dates.from > dates.to) {
      problems.from =
        `The period starts on ${dates.from}, after it ends on ${dates.to}: ` +
        'choose a start on or before the end.';
    }
  }

  const client = options.client.trim();
  if (client.length > MAX_CLIENT_CODE) {
    problems.client = `A client code has at most ${MAX_CLIENT_CODE} characters.`;
  } else if (requireClient && client === '') {
    problems.client = `The ${entry.title.toLowerCase()} is about one client: choose its code.`;
  }
  if (options.manager.trim().length > MAX_MANAGER) {
    problems.manager = `An account manager's name has at most ${MAX_MANAGER} characters.`;
  }
  return problems;
}

export function hasProblems(problems: OptionProblems): boolean {
  return Object.keys(problems).length > 0;
}

/** Builds the request of the form's report, or null while a field has a problem. */
export function reportRequestFor(
  options: ReportOptions,
  dates: ShownDates,
  problems: OptionProblems,
): ReportRequestInput | null {
  if (hasProblems(problems)) return null;
  const entry = reportEntry(options.report);
  const period =
    entry.dates === 'as-of' ? { asOf: dates.asOf } : { from: dates.from, to: dates.to };
  return { report: options.report, ...period, filters: filtersFor(options) };
}

/** Builds the filters the form sets, without the empty ones. */
export function filtersFor(options: ReportOptions) {
  const client = options.client.trim();
  const manager = options.manager.trim();
  return {
    ...(client === '' ? {} : { client }),
    ...(options.tier === '' ? {} : { tier: options.tier }),
    ...(manager === '' ? {} : { manager }),
    ...(options.currency === '' ? {} : { currency: options.currency }),
  };
}

/**
 * Returns the period of a statement batch, or null while the form has a problem. Unlike a single
 * statement, the batch needs no client: without one it covers every client the filters leave.
 */
export function statementBatchPeriod(
  options: ReportOptions,
  dates: ShownDates,
): { from: IsoDate; to: IsoDate } | null {
  if (options.report !== 'statement') return null;
  if (hasProblems(optionProblems(options, dates, false))) return null;
  return { from: dates.from, to: dates.to };
}
