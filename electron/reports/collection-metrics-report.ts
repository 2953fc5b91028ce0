import { DEFAULT_AGING_OPTIONS, emptyAgingTotals, type AgingTotals } from '../../shared/aging.ts';
import { addDays, daysInclusive, parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import {
  averageDaysDelinquent,
  averageDaysLate,
  bestPossibleDso,
  cei,
  countbackDso,
  countbackMonths,
  dso,
} from '../../shared/collection-metrics.ts';
import { daysLate } from '../../shared/invoice-balance.ts';
import type { Ledger } from '../ledger/database.ts';
import {
  creditSales,
  monthlyCreditSales,
  settledInvoices,
  type ReceivablesFilter,
} from '../ledger/receivables.ts';
import { receivablesAt } from './aging-report.ts';

/** The core collection metrics of one currency for a period; money in minor units. */
export interface CurrencyMetrics {
  readonly creditSales: number;
  readonly beginningReceivables: number;
  readonly endingReceivables: number;
  readonly endingCurrentReceivables: number;
  readonly dso: number | null;
  readonly countbackDso: number | null;
  readonly bestPossibleDso: number | null;
  readonly averageDaysDelinquent: number | null;
  readonly cei: number | null;
  readonly settledInvoices: number;
  readonly averageDaysLate: number | null;
  readonly weightedAverageDaysLate: number | null;
}

/** The fields of `CurrencyMetrics` in the order the CLI and the metrics report print them. */
export const currencyMetricIds: readonly (keyof CurrencyMetrics)[] = [
  'creditSales',
  'beginningReceivables',
  'endingReceivables',
  'endingCurrentReceivables',
  'dso',
  'countbackDso',
  'bestPossibleDso',
  'averageDaysDelinquent',
  'cei',
  'settledInvoices',
  'averageDaysLate',
  'weightedAverageDaysLate',
];

export interface MetricsReport {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly currencies: Record<string, CurrencyMetrics>;
}

/**
 * Computes DSO, count-back DSO, best possible DSO, average days delinquent, CEI and average
 * days late for [from, to], both ends included, per currency. Beginning receivables are those
 * at the end of the day before `from`. `filter` narrows every figure to some clients or one
 * currency.
 */
export function collectionMetrics(
  db: Ledger,
  from: IsoDate,
  to: IsoDate,
  filter: ReceivablesFilter = {},
): MetricsReport {
  parseIsoDate(from, 'period start');
  parseIsoDate(to, 'period end');
  if (from > to) {
    throw new RangeError(`Invalid period: it starts on ${from}, after its end ${to}.`);
  }
  const days = daysInclusive(from, to);
  const beginning = receivablesAt(db, addDays(from, -1), filter);
  const ending = receivablesAt(db, to, filter);
  const sales = creditSales(db, from, to, filter);
  const settled = settledInvoices(db, from, to, filter);
  const earliest = db
    .prepare(`SELECT MIN(invoice_date) FROM invoices WHERE voided_at IS NULL`)
    .pluck()
    .get() as IsoDate | null;
  const monthly = monthlyCreditSales(db, earliest ?? to, to, filter);

  const currencies = new Set([...beginning.keys(), ...ending.keys(), ...sales.keys()]);
  for (const invoice of settled) currencies.add(invoice.currency);
  const zero = emptyAgingTotals(DEFAULT_AGING_OPTIONS.bounds);
  const result: Record<string, CurrencyMetrics> = {};
  for (const currency of [...currencies].sort()) {
    const start: AgingTotals = beginning.get(currency) ?? zero;
    const end: AgingTotals = ending.get(currency) ?? zero;
    const sold = sales.get(currency) ?? 0;
    const endingCurrent = end.buckets.current ?? 0;
    const periodDso = dso(end.total, sold, days);
    const bestDso = bestPossibleDso(endingCurrent, sold, days);
    const late = averageDaysLate(
      settled
        .filter((invoice) => invoice.currency === currency)
        .map((invoice) => ({
          daysLate: daysLate(invoice.dueDate, invoice.settledDate),
          amountCents: invoice.amountCents,
        })),
    );
    result[currency] = {
      creditSales: sold,
      beginningReceivables: start.total,
      endingReceivables: end.total,
      endingCurrentReceivables: endingCurrent,
      dso: periodDso,
      countbackDso: countback(end.total, monthly.get(currency), earliest ?? to, to),
      bestPossibleDso: bestDso,
      averageDaysDelinquent: averageDaysDelinquent(periodDso, bestDso),
      cei: cei(start.total, sold, end.total, endingCurrent),
      settledInvoices: late.count,
      averageDaysLate: late.plain,
      weightedAverageDaysLate: late.weighted,
    };
  }
  return { from, to, days, currencies: result };
}

function countback(
  receivables: number,
  monthly: Map<string, number> | undefined,
  earliest: IsoDate,
  to: IsoDate,
): number | null {
  if (!monthly || monthly.size === 0) return null;
  const monthCount =
    (Number(to.slice(0, 4)) - Number(earliest.slice(0, 4))) * 12 +
    (Number(to.slice(5, 7)) - Number(earliest.slice(5, 7))) +
    1;
  const months = countbackMonths(to, Math.max(monthCount, 1)).map((month) => ({
    days: month.days,
    salesCents: monthly.get(month.from.slice(0, 7)) ?? 0,
  }));
  return countbackDso(receivables, months);
}
