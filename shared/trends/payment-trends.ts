/**
 * Payment trends by calendar month, for one client or a whole portfolio, in one currency.
 *
 * Each month is a calendar month clipped to the report period, so the first and last months
 * may be shorter than a whole month. Its measures:
 * - average payment time: days from the invoice date to the settled date of the invoices
 *   settled in the month, weighted by invoice amount;
 * - average days late: payment time less the invoice's terms (due date − invoice date), which
 *   equals days from the due date to the settled date. It is signed, so an invoice paid 3 days
 *   early counts as −3, and weighted by invoice amount;
 * - late share: invoices settled in the month after their due date ÷ invoices settled in the
 *   month, counted, not weighted;
 * - DSO: receivables at the end of the month ÷ the month's credit sales × its days, as in
 *   `dso`, with receivables taken from running totals of invoiced − received − credited;
 * - credit utilisation: the open invoice balance at the end of the month ÷ the credit limit.
 * A measure with nothing to measure is null, never 0 or NaN: payment measures in a month in
 * which nothing was settled, DSO in a month without credit sales, and credit utilisation
 * without a positive credit limit.
 */

import { daysBetween, parseIsoDate, type IsoDate } from '../calendar-date.ts';
import { dso } from '../collection-metrics.ts';
import { assertCents } from '../money.ts';

export interface SettledInvoiceFact {
  readonly invoiceDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly settledDate: IsoDate;
  readonly amountCents: number;
}

/** Ledger facts of one month (or the part of it inside the report period), in one currency. */
export interface MonthInput {
  /** `YYYY-MM` */
  readonly month: string;
  /** Days of the month inside the report period, 1 to 31. */
  readonly days: number;
  /** Invoices whose settled date falls in the month. */
  readonly settled: readonly SettledInvoiceFact[];
  /** Invoiced − received − credited up to the end of the month: the aging total then. */
  readonly receivablesCents: number;
  /** Amounts of the invoices dated in the month. */
  readonly creditSalesCents: number;
  /** Sum of the balances of the invoices open at the end of the month. */
  readonly openBalanceCents: number;
  /** Credit limit in the same currency, or null when none is on record. */
  readonly creditLimitCents: number | null;
}

export interface MonthlyTrend {
  /** `YYYY-MM` */
  readonly month: string;
  readonly settledInvoices: number;
  /** Settled invoices paid after their due date. */
  readonly lateInvoices: number;
  /** Summed amounts of the settled invoices: the weight of the month's averages. */
  readonly settledAmountCents: number;
  readonly averagePaymentDays: number | null;
  readonly averageDaysLate: number | null;
  /** Share from 0 to 1. */
  readonly lateShare: number | null;
  readonly dso: number | null;
  /** Share of the limit: 1 means the open balance equals the limit. */
  readonly creditUtilisation: number | null;
  readonly receivablesCents: number;
  readonly creditSalesCents: number;
  readonly openBalanceCents: number;
}

/** Computes the measures of each month, in the order given. Unrounded: round for display. */
export function monthlyTrends(months: readonly MonthInput[]): MonthlyTrend[] {
  return months.map(monthlyTrend);
}

function monthlyTrend(input: MonthInput): MonthlyTrend {
  assertCents(input.receivablesCents, 'receivables');
  assertCents(input.openBalanceCents, 'open balance');
  let amount = 0;
  let paymentDaysSum = 0;
  let lateDaysSum = 0;
  let lateInvoices = 0;
  for (const invoice of input.settled) {
    assertCents(invoice.amountCents, 'invoice amount');
    if (invoice.amountCents < 0) {
      throw new RangeError(
        `Invalid invoice amount ${invoice.amountCents}: a weight must not be negative.`,
      );
    }
    const invoiceDate = parseIsoDate(invoice.invoiceDate, 'invoice date');
    const dueDate = parseIsoDate(invoice.dueDate, 'due date');
    const settledDate = parseIsoDate(invoice.settledDate, 'settled date');
    const daysLate = daysBetween(dueDate, settledDate);
    amount += invoice.amountCents;
    paymentDaysSum += daysBetween(invoiceDate, settledDate) * invoice.amountCents;
    lateDaysSum += daysLate * invoice.amountCents;
    if (daysLate > 0) lateInvoices += 1;
  }
  const count = input.settled.length;
  const limit = input.creditLimitCents;
  return {
    month: input.month,
    settledInvoices: count,
    lateInvoices,
    settledAmountCents: amount,
    // Invoices of zero amount are counted in the late share but have no weight.
    averagePaymentDays: amount === 0 ? null : paymentDaysSum / amount,
    averageDaysLate: amount === 0 ? null : lateDaysSum / amount,
    lateShare: count === 0 ? null : lateInvoices / count,
    dso: dso(input.receivablesCents, input.creditSalesCents, input.days),
    creditUtilisation: limit === null || limit <= 0 ? null : input.openBalanceCents / limit,
    receivablesCents: input.receivablesCents,
    creditSalesCents: input.creditSalesCents,
    openBalanceCents: input.openBalanceCents,
  };
}

export interface TrendAlertOptions {
  /** Days by which the recent average days late must exceed the earlier one, strictly. */
  readonly thresholdDays?: number;
  /** Length in months of the recent window and of the earlier window before it. */
  readonly months?: number;
  /** Percentage points by which the recent late share must reach above the earlier one. */
  readonly lateSharePoints?: number;
  /** Settled invoices that each window needs before it is compared. */
  readonly minimumInvoices?: number;
}

export type TrendAlertKind = 'days-late' | 'late-share';

export interface TrendAlert {
  readonly kind: TrendAlertKind;
  /** Months of the earlier window, oldest first, as `YYYY-MM`. */
  readonly earlierMonths: readonly string[];
  /** Months of the recent window, oldest first, as `YYYY-MM`. */
  readonly recentMonths: readonly string[];
  /** Days for 'days-late', a share from 0 to 1 for 'late-share'. */
  readonly earlier: number;
  readonly recent: number;
  readonly message: string;
}

/**
 * Compares the last `months` months of a client's series with the `months` months before
 * them, and returns an alert for each rule that fires:
 * - 'days-late' when the average days late of the recent window exceeds that of the earlier
 *   window by more than `thresholdDays` (default 10);
 * - 'late-share' when the late share rises by `lateSharePoints` (default 25) or more.
 * A window's average pools its invoices, so it is weighted by amount across the months, as
 * the late share is weighted by invoice count. A series shorter than 2 × `months` gives no
 * alert. Neither does a window with fewer than `minimumInvoices` (default 3) settled invoices,
 * because one disputed invoice of a client invoiced rarely would otherwise raise both alerts.
 * NOTE: both rules read settled invoices only, so a client that stops paying altogether
 * raises no alert here until it settles late. Its DSO and credit utilisation show it instead.
 */
export function trendAlerts(
  series: readonly MonthlyTrend[],
  options: TrendAlertOptions = {},
): TrendAlert[] {
  const { thresholdDays = 10, months = 3, lateSharePoints = 25, minimumInvoices = 3 } = options;
  if (!Number.isSafeInteger(months) || months < 1) {
    throw new RangeError(`Invalid window of ${String(months)} months: expected 1 or more.`);
  }
  if (!Number.isSafeInteger(minimumInvoices) || minimumInvoices < 1) {
    throw new RangeError(
      `Invalid minimum of ${String(minimumInvoices)} settled invoices: expected 1 or more.`,
    );
  }
  if (!(thresholdDays >= 0) || !(lateSharePoints >= 0)) {
    throw new RangeError(
      `Invalid alert thresholds ${String(thresholdDays)} days and ${String(lateSharePoints)} ` +
        'points: expected numbers, 0 or more.',
    );
  }
  if (series.length < 2 * months) return [];
  const recent = series.slice(-months);
  const earlier = series.slice(-2 * months, -months);
  if (settledCount(recent) < minimumInvoices || settledCount(earlier) < minimumInvoices) return [];
  const earlierMonths = earlier.map((month) => month.month);
  const recentMonths = recent.map((month) => month.month);
  const alerts: TrendAlert[] = [];

  const [earlierLate, recentLate] = [pooledDaysLate(earlier), pooledDaysLate(recent)];
  if (earlierLate !== null && recentLate !== null && recentLate - earlierLate > thresholdDays) {
    alerts.push({
      kind: 'days-late',
      earlierMonths,
      recentMonths,
      earlier: earlierLate,
      recent: recentLate,
      message:
        `average days against terms rose from ${oneDecimal(earlierLate)} to ${oneDecimal(recentLate)} ` +
        `over the last ${monthsText(months)}`,
    });
  }

  const [earlierShare, recentShare] = [pooledLateShare(earlier), pooledLateShare(recent)];
  // Compared in whole invoices scaled to points, with a tolerance for binary fractions, so
  // that a rise of exactly 25 points (1 of 4 invoices) fires.
  if (
    earlierShare !== null &&
    recentShare !== null &&
    (recentShare - earlierShare) * 100 >= lateSharePoints - 1e-9
  ) {
    alerts.push({
      kind: 'late-share',
      earlierMonths,
      recentMonths,
      earlier: earlierShare,
      recent: recentShare,
      message:
        `late payments rose from ${percent(earlierShare)} to ${percent(recentShare)} of ` +
        `invoices settled over the last ${monthsText(months)}`,
    });
  }
  return alerts;
}

/** Amount-weighted days late of all invoices settled in `months`, or null without weight. */
function pooledDaysLate(months: readonly MonthlyTrend[]): number | null {
  let weighted = 0;
  let amount = 0;
  for (const month of months) {
    if (month.averageDaysLate === null) continue;
    weighted += month.averageDaysLate * month.settledAmountCents;
    amount += month.settledAmountCents;
  }
  return amount === 0 ? null : weighted / amount;
}

function settledCount(months: readonly MonthlyTrend[]): number {
  return months.reduce((count, month) => count + month.settledInvoices, 0);
}

function pooledLateShare(months: readonly MonthlyTrend[]): number | null {
  let late = 0;
  let count = 0;
  for (const month of months) {
    late += month.lateInvoices;
    count += month.settledInvoices;
  }
  return count === 0 ? null : late / count;
}

function oneDecimal(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function monthsText(months: number): string {
  return months === 1 ? 'month' : `${months} months`;
}
