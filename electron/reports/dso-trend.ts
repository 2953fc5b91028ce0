import {
  addDays,
  addMonths,
  daysInclusive,
  firstOfMonth,
  lastOfMonth,
  type IsoDate,
} from '../../shared/calendar-date.ts';
import { dso } from '../../shared/collection-metrics.ts';
import type { Ledger } from '../ledger/database.ts';

export interface MonthlyDso {
  /** `YYYY-MM` */
  readonly month: string;
  readonly dso: number | null;
}

/**
 * DSO of each of the `months` whole calendar months up to `asOf`, in one currency:
 * receivables at the end of the month ÷ that month's credit sales × its days. The month of
 * `asOf` counts only when `asOf` is its last day: a DSO over the first few days of a month
 * swings wildly and would read as a collapse on a chart.
 *
 * Receivables at a day equal invoiced − received − credited up to that day, which also
 * equals the aging total, so monthly sums and a running total give every month end without
 * ageing each one.
 */
export function dsoByMonth(db: Ledger, asOf: IsoDate, currency: string, months = 12): MonthlyDso[] {
  const movements = db
    .prepare(
      `
    SELECT month, SUM(sales) AS sales, SUM(net) AS net FROM (
      SELECT substr(invoice_date, 1, 7) AS month,
             CASE kind WHEN 'sale' THEN amount_cents ELSE 0 END AS sales, amount_cents AS net
      FROM invoices
      WHERE currency = @currency AND invoice_date <= @asOf AND voided_at IS NULL
        AND status = 'issued'
      UNION ALL
      SELECT substr(payment_date, 1, 7), 0, -amount_cents FROM payments
      WHERE currency = @currency AND payment_date <= @asOf AND voided_at IS NULL
      UNION ALL
      SELECT substr(credit_date, 1, 7), 0, -amount_cents FROM credit_notes
      WHERE currency = @currency AND credit_date <= @asOf AND voided_at IS NULL
    ) movements GROUP BY month ORDER BY month`,
    )
    .all({ currency, asOf }) as { month: string; sales: number; net: number }[];

  const lastWholeMonth = asOf === lastOfMonth(asOf) ? asOf : addDays(firstOfMonth(asOf), -1);
  const result: MonthlyDso[] = [];
  let receivables = 0;
  let index = 0;
  for (let offset = months - 1; offset >= 0; offset -= 1) {
    const start = addMonths(firstOfMonth(lastWholeMonth), -offset);
    const month = start.slice(0, 7);
    let sales = 0;
    while (index < movements.length && (movements[index]?.month ?? '') <= month) {
      const row = movements[index] as { month: string; sales: number; net: number };
      receivables += row.net;
      if (row.month === month) sales = row.sales;
      index += 1;
    }
    const end = lastOfMonth(start);
    result.push({ month, dso: dso(receivables, sales, daysInclusive(start, end)) });
  }
  return result;
}
