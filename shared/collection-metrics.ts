/**
 * Collection metrics computed from receivables and credit sales of one currency.
 *
 * Receivables at the end of a day are the aging total then (open invoices less unapplied
 * payments and credits), and current receivables are its 'current' bucket. Credit sales are
 * the summed amounts of the invoices dated in the period. The functions return unrounded
 * numbers. Use `roundMetric` only for display.
 */

import {
  addMonths,
  daysInclusive,
  firstOfMonth,
  lastOfMonth,
  parseIsoDate,
  type IsoDate,
} from './calendar-date.ts';
import { assertCents } from './money.ts';

/**
 * Computes days sales outstanding: receivables at the end of the period ÷ credit sales in the
 * period × days in the period. Returns null when credit sales are zero.
 */
export function dso(receivables: number, creditSales: number, days: number): number | null {
  return salesDays(receivables, creditSales, days, 'receivables');
}

/**
 * Computes best possible DSO, the DSO if every invoice were paid on its due date: current
 * receivables (not yet past due) ÷ credit sales × days. Returns null when credit sales are zero.
 */
export function bestPossibleDso(
  currentReceivables: number,
  creditSales: number,
  days: number,
): number | null {
  return salesDays(currentReceivables, creditSales, days, 'current receivables');
}

/** Computes average days delinquent, DSO less best possible DSO, or null when either is null. */
export function averageDaysDelinquent(
  dso: number | null,
  bestPossibleDso: number | null,
): number | null {
  if (dso === null || bestPossibleDso === null) return null;
  return dso - bestPossibleDso;
}

/**
 * Computes count-back DSO: the number of days of the most recent credit sales that the
 * receivables amount to.
 *
 * `monthlySales` lists calendar months newest first, the first one counted from its 1st to the
 * as-of date only (see `countbackMonths`). Walking back, each month's sales are subtracted
 * from what is left of the receivables. A month whose sales are fully consumed adds all its
 * counted days. The month in which the remainder runs out adds remainder ÷ its sales × its
 * days, and the walk stops. When the list runs out first, the result is the days counted so
 * far, and months at the end of the list without positive sales add nothing. Receivables of
 * zero or less give 0.
 *
 * Example: receivables 150,000 with March sales 100,000 (31 days) and February sales 80,000
 * (28 days) give 31 + 50,000 ÷ 80,000 × 28 = 48.5 days.
 */
export function countbackDso(
  receivables: number,
  monthlySales: readonly { days: number; salesCents: number }[],
): number {
  assertCents(receivables, 'receivables');
  for (const month of monthlySales) {
    checkDays(month.days);
    assertCents(month.salesCents, 'monthly sales');
  }

  let remaining = receivables;
  let days = 0;
  // Months without positive sales count only once an older month with sales is reached.
  let pendingDays = 0;
  for (const month of monthlySales) {
    if (remaining <= 0) break;
    if (month.salesCents <= 0) {
      remaining -= month.salesCents;
      pendingDays += month.days;
      continue;
    }
    days += pendingDays;
    pendingDays = 0;
    if (month.salesCents <= remaining) {
      remaining -= month.salesCents;
      days += month.days;
    } else {
      days += (remaining * month.days) / month.salesCents;
      remaining = 0;
    }
  }
  return days;
}

/**
 * Computes the collection effectiveness index as a percentage:
 * (beginning receivables + credit sales − ending receivables) ÷
 * (beginning receivables + credit sales − ending current receivables) × 100.
 * Beginning receivables are those at the end of the day before the period starts.
 * Returns null when the denominator is zero.
 */
export function cei(
  beginning: number,
  creditSales: number,
  endingTotal: number,
  endingCurrent: number,
): number | null {
  assertCents(beginning, 'beginning receivables');
  assertCents(creditSales, 'credit sales');
  assertCents(endingTotal, 'ending receivables');
  assertCents(endingCurrent, 'ending current receivables');
  const collectible = beginning + creditSales - endingCurrent;
  if (collectible === 0) return null;
  return ((beginning + creditSales - endingTotal) * 100) / collectible;
}

/**
 * Averages the days late of settled invoices, plainly and weighted by invoice amount. Pass
 * invoices of one currency only, because the weights are amounts. Each mean is null when
 * there is nothing to average: no invoices, or amounts that sum to zero for the weighted one.
 */
export function averageDaysLate(settled: Iterable<{ daysLate: number; amountCents: number }>): {
  plain: number | null;
  weighted: number | null;
  count: number;
} {
  let count = 0;
  let daysSum = 0;
  let weightedDaysSum = 0;
  let amountSum = 0;
  for (const invoice of settled) {
    if (!Number.isSafeInteger(invoice.daysLate) || invoice.daysLate < 0) {
      throw new RangeError(
        `Invalid days late ${String(invoice.daysLate)}: expected a whole number of days, ` +
          '0 or more.',
      );
    }
    assertCents(invoice.amountCents, 'invoice amount');
    if (invoice.amountCents < 0) {
      throw new RangeError(
        `Invalid invoice amount ${invoice.amountCents}: a weight must not be negative.`,
      );
    }
    count += 1;
    daysSum += invoice.daysLate;
    weightedDaysSum += invoice.daysLate * invoice.amountCents;
    amountSum += invoice.amountCents;
  }
  return {
    plain: count === 0 ? null : daysSum / count,
    weighted: amountSum === 0 ? null : weightedDaysSum / amountSum,
    count,
  };
}

/**
 * Lists the calendar months for count-back DSO, newest first. The first month runs from the
 * 1st of `to`'s month to `to` itself. The others are whole months before it.
 */
export function countbackMonths(
  to: IsoDate,
  count: number,
): { from: IsoDate; to: IsoDate; days: number }[] {
  parseIsoDate(to, 'count-back end date');
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(
      `Invalid month count ${String(count)}: expected a whole number, 0 or more.`,
    );
  }
  const months: { from: IsoDate; to: IsoDate; days: number }[] = [];
  const firstMonth = firstOfMonth(to);
  for (let index = 0; index < count; index += 1) {
    const from = addMonths(firstMonth, -index);
    const end = index === 0 ? to : lastOfMonth(from);
    months.push({ from, to: end, days: daysInclusive(from, end) });
  }
  return months;
}

/**
 * Rounds a metric for display to `places` decimals, with ties away from zero. The rounding
 * works on the shortest decimal text of the number, so 1.005 gives 1.01 as it reads, although
 * the nearest binary value is slightly below 1.005.
 */
export function roundMetric(value: number | null, places = 2): number | null {
  if (value === null) return null;
  if (!Number.isFinite(value)) {
    throw new RangeError(`Invalid metric ${String(value)}: expected a finite number.`);
  }
  if (!Number.isSafeInteger(places) || places < 0 || places > 20) {
    throw new RangeError(
      `Invalid decimal places ${String(places)}: expected a whole number from 0 to 20.`,
    );
  }
  const rounded = Math.round(shiftDecimalPoint(Math.abs(value), places));
  const magnitude = shiftDecimalPoint(rounded, -places);
  // Negating zero would give -0, which prints as 0 but fails Object.is checks.
  return value < 0 && magnitude !== 0 ? -magnitude : magnitude;
}

/**
 * Multiplies by 10^places by moving the exponent of the number's shortest decimal text, so
 * the result is the double nearest to that decimal times 10^places.
 */
function shiftDecimalPoint(value: number, places: number): number {
  const [digits, exponent = '0'] = String(value).split('e');
  return Number(`${digits}e${Number(exponent) + places}`);
}

function salesDays(cents: number, creditSales: number, days: number, label: string): number | null {
  assertCents(cents, label);
  assertCents(creditSales, 'credit sales');
  checkDays(days);
  if (creditSales === 0) return null;
  return (cents * days) / creditSales;
}

function checkDays(days: number): void {
  if (!Number.isSafeInteger(days) || days <= 0) {
    throw new RangeError(
      `Invalid day count ${String(days)}: expected a whole number of days, 1 or more.`,
    );
  }
}
