import {
  addMonths,
  daysInclusive,
  firstOfMonth,
  lastOfMonth,
  maxDate,
  minDate,
  parseIsoDate,
  type IsoDate,
} from '../../shared/calendar-date.ts';
import {
  monthlyTrends,
  trendAlerts,
  type MonthlyTrend,
  type SettledInvoiceFact,
  type TrendAlert,
  type TrendAlertOptions,
} from '../../shared/trends/payment-trends.ts';
import type { Ledger } from '../ledger/database.ts';
import { settledInvoices } from '../ledger/receivables.ts';

export interface ClientTrend {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  /** The client's main currency, the only one its months are measured in. */
  readonly currency: string;
  readonly months: MonthlyTrend[];
}

export interface ClientTrendAlert extends TrendAlert {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  readonly currency: string;
}

export interface TrendReport {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** `YYYY-MM` of every month in the period, oldest first. */
  readonly months: string[];
  /**
   * All clients' invoices per currency. Credit utilisation is null: no limit applies. Empty
   * when the report is restricted to one client.
   */
  readonly portfolio: Record<string, MonthlyTrend[]>;
  /** Clients invoiced on or before `to`, by code. */
  readonly clients: ClientTrend[];
  readonly alerts: ClientTrendAlert[];
}

/** Restricts a report to one client, whose entry and alerts are then the only ones. */
export interface TrendReportFilter {
  readonly clientId?: number;
}

interface PeriodMonth {
  /** `YYYY-MM` */
  readonly month: string;
  readonly days: number;
}

interface MonthAmount {
  readonly clientId: number;
  readonly currency: string;
  readonly month: string;
  readonly cents: number;
}

/**
 * Measures payment trends in each calendar month of [from, to], per currency for the whole
 * portfolio and per client in its main currency, and raises the alerts of `trendAlerts` per
 * client. The first and last months are clipped to the period. Each measure is one grouped
 * query over all clients, so the query count does not grow with the number of clients.
 *
 * A client's main currency is that of its largest invoiced total up to `to` (ties go to the
 * alphabetically first code), as in the risk report. Its credit limit counts only when set in
 * that currency.
 *
 * With `filter.clientId`, the same grouped queries read that client's rows only, so a view of
 * one client costs no more than its own history. The portfolio is then left empty, because
 * it would contain that client alone.
 */
export function trendReport(
  db: Ledger,
  from: IsoDate,
  to: IsoDate,
  alertOptions: TrendAlertOptions = {},
  filter: TrendReportFilter = {},
): TrendReport {
  parseIsoDate(from, 'start date');
  parseIsoDate(to, 'end date');
  if (from > to) {
    throw new RangeError(
      `Invalid period ${from} to ${to}: give a start date on or before the end date.`,
    );
  }
  const period = periodMonths(from, to);
  const params = { from, to, clientId: filter.clientId ?? null };

  const receivables = runningTotals(receivableMovements(db, params), period);
  const sales = monthTotals(creditSalesByMonth(db, params));
  const openBalances = runningTotals(openBalanceMovements(db, params), period);
  const settled = settledByMonth(db, params);

  const currencies = [...new Set([...receivables.keys()].map(currencyOfKey))]
    .filter((currency) => currency !== '')
    .sort();
  const portfolio: Record<string, MonthlyTrend[]> = {};
  for (const currency of params.clientId === null ? currencies : []) {
    const key = portfolioKey(currency);
    portfolio[currency] = measure(key, period, { receivables, sales, openBalances, settled }, null);
  }

  const clients: ClientTrend[] = [];
  const alerts: ClientTrendAlert[] = [];
  for (const client of mainCurrencyClients(db, params)) {
    const key = clientKey(client.clientId, client.currency);
    const limit = client.creditLimitCurrency === client.currency ? client.creditLimitCents : null;
    const months = measure(key, period, { receivables, sales, openBalances, settled }, limit);
    const { clientId, code, name, currency } = client;
    clients.push({ clientId, code, name, currency, months });
    for (const alert of trendAlerts(months, alertOptions)) {
      alerts.push({ clientId, code, name, currency, ...alert });
    }
  }
  return { from, to, months: period.map((month) => month.month), portfolio, clients, alerts };
}

/** Lists the calendar months that overlap [from, to], each with its days inside the period. */
function periodMonths(from: IsoDate, to: IsoDate): PeriodMonth[] {
  const months: PeriodMonth[] = [];
  for (let start = firstOfMonth(from); start <= to; start = addMonths(start, 1)) {
    const days = daysInclusive(maxDate(start, from), minDate(lastOfMonth(start), to));
    months.push({ month: start.slice(0, 7), days });
  }
  return months;
}

/** The period, and the client the rows are restricted to, or null for every client. */
interface ReportParams {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly clientId: number | null;
}

interface MeasureSources {
  readonly receivables: Map<string, number[]>;
  readonly sales: Map<string, Map<string, number>>;
  readonly openBalances: Map<string, number[]>;
  readonly settled: Map<string, Map<string, SettledInvoiceFact[]>>;
}

function measure(
  key: string,
  period: readonly PeriodMonth[],
  sources: MeasureSources,
  creditLimitCents: number | null,
): MonthlyTrend[] {
  return monthlyTrends(
    period.map(({ month, days }, index) => ({
      month,
      days,
      settled: sources.settled.get(key)?.get(month) ?? [],
      receivablesCents: sources.receivables.get(key)?.[index] ?? 0,
      creditSalesCents: sources.sales.get(key)?.get(month) ?? 0,
      openBalanceCents: sources.openBalances.get(key)?.[index] ?? 0,
      creditLimitCents,
    })),
  );
}

/**
 * Invoiced − received − credited per client, currency and month, up to the end of `to`. The
 * running total of these is the aging total at each month end, as in `dsoByMonth`.
 */
function receivableMovements(db: Ledger, params: ReportParams): MonthAmount[] {
  return db
    .prepare(
      `SELECT clientId, currency, month, SUM(cents) AS cents FROM (
         SELECT client_id AS clientId, currency, substr(invoice_date, 1, 7) AS month,
                amount_cents AS cents
         FROM invoices
         WHERE invoice_date <= @to AND voided_at IS NULL AND status = 'issued'
           AND (@clientId IS NULL OR client_id = @clientId)
         UNION ALL
         SELECT client_id, currency, substr(payment_date, 1, 7), -amount_cents FROM payments
         WHERE payment_date <= @to AND voided_at IS NULL
           AND (@clientId IS NULL OR client_id = @clientId)
         UNION ALL
         SELECT client_id, currency, substr(credit_date, 1, 7), -amount_cents FROM credit_notes
         WHERE credit_date <= @to AND voided_at IS NULL
           AND (@clientId IS NULL OR client_id = @clientId)
       ) movements
       GROUP BY clientId, currency, month ORDER BY month`,
    )
    .all({ to: params.to, clientId: params.clientId }) as MonthAmount[];
}

/** Credit sales per client, currency and month: invoices dated in [from, to]. */
function creditSalesByMonth(db: Ledger, params: ReportParams): MonthAmount[] {
  return db
    .prepare(
      `SELECT client_id AS clientId, currency, substr(invoice_date, 1, 7) AS month,
              SUM(amount_cents) AS cents
       FROM invoices
       WHERE invoice_date BETWEEN @from AND @to AND voided_at IS NULL AND status = 'issued'
         AND kind = 'sale' AND (@clientId IS NULL OR client_id = @clientId)
       GROUP BY client_id, currency, month`,
    )
    .all(params) as MonthAmount[];
}

/**
 * Changes of the open invoice balance per client, currency and month. An invoice adds its
 * amount in the month of its date. An allocation subtracts in the month it is applied, or in
 * the invoice's month when applied before the invoice existed, as `openInvoicesAt` counts it.
 */
function openBalanceMovements(db: Ledger, params: ReportParams): MonthAmount[] {
  return db
    .prepare(
      `SELECT clientId, currency, month, SUM(cents) AS cents FROM (
         SELECT client_id AS clientId, currency, substr(invoice_date, 1, 7) AS month,
                amount_cents AS cents
         FROM invoices
         WHERE invoice_date <= @to AND voided_at IS NULL AND status = 'issued'
           AND (@clientId IS NULL OR client_id = @clientId)
         UNION ALL
         SELECT i.client_id, i.currency, substr(max(a.applied_on, i.invoice_date), 1, 7),
                -a.amount_cents
         FROM allocations a JOIN invoices i ON i.id = a.invoice_id
         WHERE a.applied_on <= @to AND a.voided_at IS NULL
           AND i.invoice_date <= @to AND i.voided_at IS NULL AND i.status = 'issued'
           AND (@clientId IS NULL OR i.client_id = @clientId)
       ) movements
       GROUP BY clientId, currency, month ORDER BY month`,
    )
    .all({ to: params.to, clientId: params.clientId }) as MonthAmount[];
}

/**
 * Invoices settled in [from, to] by client, currency and month, keyed as the totals are.
 * Allocations applied after `to` are ignored, so the report reads as it would have on `to`.
 * The shared settled-invoice query has no client filter, so a one-client report drops the
 * other clients' rows here.
 */
function settledByMonth(
  db: Ledger,
  params: ReportParams,
): Map<string, Map<string, SettledInvoiceFact[]>> {
  const rows = settledInvoices(db, params.from, params.to);
  const byKey = new Map<string, Map<string, SettledInvoiceFact[]>>();
  for (const row of rows) {
    if (params.clientId !== null && row.clientId !== params.clientId) continue;
    const { invoiceDate, dueDate, settledDate, amountCents } = row;
    const fact = { invoiceDate, dueDate, settledDate, amountCents };
    const month = settledDate.slice(0, 7);
    for (const key of keysOf(row)) {
      const months = byKey.get(key) ?? new Map<string, SettledInvoiceFact[]>();
      const list = months.get(month) ?? [];
      list.push(fact);
      months.set(month, list);
      byKey.set(key, months);
    }
  }
  return byKey;
}

/**
 * Running totals at the end of each period month, per client key and per portfolio key.
 * `rows` must be sorted by month. Months before the period count towards its first total.
 */
function runningTotals(
  rows: readonly MonthAmount[],
  period: readonly PeriodMonth[],
): Map<string, number[]> {
  const byKey = new Map<string, MonthAmount[]>();
  for (const row of rows) {
    for (const key of keysOf(row)) {
      const list = byKey.get(key) ?? [];
      list.push(row);
      byKey.set(key, list);
    }
  }
  const totals = new Map<string, number[]>();
  for (const [key, movements] of byKey) {
    let total = 0;
    let index = 0;
    const series = period.map(({ month }) => {
      while (index < movements.length && (movements[index] as MonthAmount).month <= month) {
        total += (movements[index] as MonthAmount).cents;
        index += 1;
      }
      return total;
    });
    totals.set(key, series);
  }
  return totals;
}

/** Amounts per client key and portfolio key, then per month. */
function monthTotals(rows: readonly MonthAmount[]): Map<string, Map<string, number>> {
  const totals = new Map<string, Map<string, number>>();
  for (const row of rows) {
    for (const key of keysOf(row)) {
      const months = totals.get(key) ?? new Map<string, number>();
      months.set(row.month, (months.get(row.month) ?? 0) + row.cents);
      totals.set(key, months);
    }
  }
  return totals;
}

interface MainCurrencyClient {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  readonly currency: string;
  readonly creditLimitCents: number | null;
  readonly creditLimitCurrency: string | null;
}

/** Clients invoiced on or before `to`, by code, each with its main currency. */
function mainCurrencyClients(db: Ledger, params: ReportParams): MainCurrencyClient[] {
  return db
    .prepare(
      `SELECT c.id AS clientId, c.code, c.name, t.currency,
              c.credit_limit_cents AS creditLimitCents,
              c.credit_limit_currency AS creditLimitCurrency
       FROM clients c
       JOIN (SELECT client_id, currency,
                    row_number() OVER (
                      PARTITION BY client_id ORDER BY SUM(amount_cents) DESC, currency
                    ) AS rank
             FROM invoices
             WHERE invoice_date <= @to AND voided_at IS NULL AND status = 'issued'
               AND (@clientId IS NULL OR client_id = @clientId)
             GROUP BY client_id, currency) t
         ON t.client_id = c.id AND t.rank = 1
       ORDER BY c.code, c.id`,
    )
    .all({ to: params.to, clientId: params.clientId }) as MainCurrencyClient[];
}

/** Each row counts for its client in its currency and for the portfolio in that currency. */
function keysOf(row: { clientId: number; currency: string }): [string, string] {
  return [clientKey(row.clientId, row.currency), portfolioKey(row.currency)];
}

function clientKey(clientId: number, currency: string): string {
  return `${clientId} ${currency}`;
}

function portfolioKey(currency: string): string {
  return `* ${currency}`;
}

/** The currency of a portfolio key, or '' for a client key. */
function currencyOfKey(key: string): string {
  return key.startsWith('* ') ? key.slice(2) : '';
}
