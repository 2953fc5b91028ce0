/**
 * Balance, open state, settlement date and lateness of one invoice, derived from the dated
 * reductions against it (payment and credit-note allocations) rather than from a stored status,
 * so that every figure can be recomputed as of any past day.
 */

import { daysBetween, isIsoDate, maxDate, parseIsoDate, type IsoDate } from './calendar-date.ts';
import { assertCents } from './money.ts';

/**
 * An amount that reduces an invoice's balance from `date` onwards: a payment or credit-note
 * allocation. A negative amount reverses an earlier allocation.
 */
export interface Reduction {
  date: IsoDate;
  cents: number;
}

/**
 * Computes the balance at the end of `asOf`: the amount less every reduction dated on or
 * before `asOf`. Reductions dated after `asOf` are ignored. The result is negative when the
 * invoice is over-allocated.
 *
 * The invoice date is not checked, so a prepayment dated before the invoice already counts.
 * Use `isOpenAt` to decide whether the invoice exists and is open on `asOf`.
 */
export function balanceAt(
  amountCents: number,
  reductions: readonly Reduction[],
  asOf: IsoDate,
): number {
  assertCents(amountCents, 'invoice amount');
  parseIsoDate(asOf, 'as-of date');
  let balance = amountCents;
  for (const reduction of reductions) {
    checkReduction(reduction);
    if (reduction.date <= asOf) balance -= reduction.cents;
  }
  return assertCents(balance, 'invoice balance');
}

/**
 * Returns whether the invoice is open at the end of `asOf`: it is dated on or before `asOf`
 * and its balance then is not zero. A negative, over-allocated balance is open.
 */
export function isOpenAt(
  invoice: { invoiceDate: IsoDate; amountCents: number },
  reductions: readonly Reduction[],
  asOf: IsoDate,
): boolean {
  parseIsoDate(invoice.invoiceDate, 'invoice date');
  const balance = balanceAt(invoice.amountCents, reductions, asOf);
  return invoice.invoiceDate <= asOf && balance !== 0;
}

/**
 * Finds the settled date, the last day on which the end-of-day balance went from non-zero to
 * zero, provided it stays zero after every later reduction.
 * Reductions on the same day are netted first, so a payment reversed on the day it was
 * recorded never settles the invoice. Returns null when the final balance is not zero, and
 * for a zero amount, which was never owed.
 *
 * A prepayment dated before the invoice would give a day before the invoice existed. Pass
 * `invoiceDate` to get the invoice date in that case, which is when the balance first
 * existed and was zero.
 */
export function settledDate(
  amountCents: number,
  reductions: readonly Reduction[],
  invoiceDate?: IsoDate,
): IsoDate | null {
  assertCents(amountCents, 'invoice amount');
  if (invoiceDate !== undefined) parseIsoDate(invoiceDate, 'invoice date');
  for (const reduction of reductions) checkReduction(reduction);

  if (amountCents === 0) return null;

  const byDate = [...reductions].sort(compareByDate);
  let balance = amountCents;
  let balanceAtStartOfDay = amountCents;
  let settled: IsoDate | null = null;
  for (const [index, reduction] of byDate.entries()) {
    balance -= reduction.cents;
    const next = byDate[index + 1];
    if (next !== undefined && next.date === reduction.date) continue;

    // Every reduction of this day is applied, so `balance` is the end-of-day balance.
    if (balance !== 0) settled = null;
    else if (balanceAtStartOfDay !== 0) settled = reduction.date;
    balanceAtStartOfDay = balance;
  }

  if (settled === null || invoiceDate === undefined) return settled;
  return maxDate(settled, invoiceDate);
}

/** Counts calendar days from the due date to `asOf`, which is zero or less until it is past due. */
export function daysPastDue(dueDate: IsoDate, asOf: IsoDate): number {
  return daysBetween(parseIsoDate(dueDate, 'due date'), parseIsoDate(asOf, 'as-of date'));
}

/** Counts calendar days from the due date to the settled date, or 0 if settled by the due date. */
export function daysLate(dueDate: IsoDate, settledDate: IsoDate): number {
  const due = parseIsoDate(dueDate, 'due date');
  return Math.max(0, daysBetween(due, parseIsoDate(settledDate, 'settled date')));
}

function compareByDate(a: Reduction, b: Reduction): number {
  if (a.date === b.date) return 0;
  return a.date < b.date ? -1 : 1;
}

function checkReduction(reduction: Reduction): void {
  if (!isIsoDate(reduction.date)) {
    throw new RangeError(
      `Invalid reduction date "${String(reduction.date)}": expected an existing calendar date ` +
        'as YYYY-MM-DD, for example 2026-03-31.',
    );
  }
  assertCents(reduction.cents, 'reduction amount');
}
