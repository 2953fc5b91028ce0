import {
  addDays,
  addMonths,
  firstOfMonth,
  lastOfMonth,
  type IsoDate,
} from '../../../shared/calendar-date.ts';
import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { findMetric, type MetricDefinition } from '../../../shared/metrics/metric-registry.ts';

export type TrendReport = IpcResponse<'trends/report'>;
export type TrendMonth = TrendReport['portfolio'][string][number];
export type TrendAlertRow = TrendReport['alerts'][number];
export type TrendClientRow = TrendReport['clients'][number];
export type TrendClientSeries = NonNullable<TrendReport['client']>;
export type TrendClientMonth = TrendClientSeries['months'][number];

/** Shown as the title of the terms line and column, which the metric registry has no entry for. */
export const termsDefinition =
  'Days from the invoice date to the due date of the invoices settled in the month, weighted ' +
  'by invoice amount: average payment time less days against terms. It is null when nothing ' +
  'was settled.';

/**
 * Computes the amount-weighted terms of the invoices settled in the month. Payment time and days
 * against terms share their weights, so their difference is exactly that average.
 */
export function averageTermsDays(month: {
  readonly averagePaymentDays: number | null;
  readonly averageDaysLate: number | null;
}): number | null {
  const { averagePaymentDays, averageDaysLate } = month;
  return averagePaymentDays === null || averageDaysLate === null
    ? null
    : averagePaymentDays - averageDaysLate;
}

/** Months the page shows, more than the two 3-month windows that the alerts compare. */
export const trendMonths = 12;

/**
 * Returns the `trendMonths` whole months up to `asOf`. The month of the as-of date counts only when
 * the as-of date is its last day, as on the dashboard, because a clipped month would show a
 * DSO and averages over fewer days than the months beside it.
 */
export function trendPeriod(asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  const to = asOf === lastOfMonth(asOf) ? asOf : addDays(firstOfMonth(asOf), -1);
  return { from: addMonths(firstOfMonth(to), 1 - trendMonths), to };
}

/** Returns the registry's entry, so that the CLI and the window share titles and hints. */
export function metric(id: string): MetricDefinition {
  const found = findMetric(id);
  // A renamed id would otherwise leave a column without a title, unnoticed.
  if (found === undefined) throw new Error(`Metric ${id} not found in the metric registry.`);
  return found;
}
