/**
 * Accounts-receivable aging: open invoice balances grouped by days past due, per currency.
 *
 * The buckets, the unapplied payments and the unallocated credits of a currency add up to its
 * `total`, which is the receivables figure at the end of the as-of day. Currencies are never
 * added together.
 */

import { daysBetween, parseIsoDate, type IsoDate } from './calendar-date.ts';
import { assertCents, type CurrencyCode } from './money.ts';

/** Date an invoice's age is counted from: its due date or its invoice date. */
export type AgingBasis = 'due' | 'invoice';

/**
 * Aging settings. `bounds` is an ascending list of positive day counts, each the last day of
 * a bucket: [30, 60, 90] gives current, 1-30, 31-60, 61-90 and 90+ (91 days or more).
 */
export interface AgingOptions {
  basis: AgingBasis;
  bounds: readonly number[];
}

/** Aging from the due date into current, 1-30, 31-60, 61-90 and 90+. */
export const DEFAULT_AGING_OPTIONS: AgingOptions = Object.freeze({
  basis: 'due',
  bounds: Object.freeze([30, 60, 90]),
});

/** Key of the bucket for invoices that are not yet past due (age zero or less). */
export const CURRENT_BUCKET = 'current';

/**
 * Parses bucket bounds typed as comma-separated days, such as `30,60,90`. Raises a RangeError
 * naming the first value that is empty, not a whole number, zero or negative, or not greater
 * than the bound before it.
 */
export function parseBucketBounds(text: string): number[] {
  const bounds: number[] = [];
  for (const part of text.split(',')) {
    const value = part.trim();
    if (value === '') throw boundsError(text, 'a value is missing');
    if (!/^[+-]?\d+(\.\d*)?$/.test(value)) {
      throw boundsError(text, `"${value}" is not a whole number of days`);
    }
    bounds.push(Number(value));
  }
  validateBucketBounds(bounds, text);
  return bounds;
}

/** Raises a RangeError unless `bounds` is a non-empty ascending list of positive whole days. */
export function validateBucketBounds(bounds: readonly number[], source?: string): void {
  const text = source ?? bounds.join(',');
  if (bounds.length === 0) throw boundsError(text, 'at least one bound is required');
  let previous = 0;
  for (const bound of bounds) {
    if (!Number.isSafeInteger(bound)) {
      throw boundsError(text, `${String(bound)} is not a whole number of days`);
    }
    if (bound === 0) {
      throw boundsError(text, '0 is not allowed because an age of 0 days is always current');
    }
    if (bound < 0) throw boundsError(text, `${bound} is negative`);
    if (bound <= previous) {
      throw boundsError(text, `${bound} is not greater than the bound before it, ${previous}`);
    }
    previous = bound;
  }
}

/**
 * Lists the bucket keys for `bounds`, youngest first: 'current', then '1-b1', 'b1+1-b2' and so
 * on, and last `${last bound}+` for ages above the last bound.
 */
export function bucketKeys(bounds: readonly number[]): string[] {
  validateBucketBounds(bounds);
  const keys = [CURRENT_BUCKET];
  let previous = 0;
  for (const bound of bounds) {
    keys.push(`${previous + 1}-${bound}`);
    previous = bound;
  }
  keys.push(`${previous}+`);
  return keys;
}

/**
 * Returns the key of the bucket for an age in days. Bounds are inclusive, so with [30, 60, 90]
 * day 30 is in '1-30', day 31 in '31-60' and day 91 in '90+'. An age of zero or less is
 * 'current'.
 */
export function bucketKeyFor(daysPastDue: number, bounds: readonly number[]): string {
  if (!Number.isSafeInteger(daysPastDue)) {
    throw new RangeError(
      `Invalid age ${String(daysPastDue)}: days past due must be a whole number of days.`,
    );
  }
  validateBucketBounds(bounds);
  if (daysPastDue <= 0) return CURRENT_BUCKET;
  let previous = 0;
  for (const bound of bounds) {
    if (daysPastDue <= bound) return `${previous + 1}-${bound}`;
    previous = bound;
  }
  return `${previous}+`;
}

/** One invoice open at the as-of date, with its balance then (negative when over-allocated). */
export interface OpenInvoice {
  currency: CurrencyCode;
  balanceCents: number;
  dueDate: IsoDate;
  invoiceDate: IsoDate;
}

/**
 * Money received or credited on or before the as-of date that is not allocated, by that date,
 * to an invoice dated on or before it. A prepayment allocated to a later invoice is unapplied
 * until that invoice exists. `cents` is the positive amount left over.
 */
export interface UnappliedAmount {
  currency: CurrencyCode;
  kind: 'payment' | 'credit';
  cents: number;
}

/**
 * Aging figures of one currency, in minor units. Every bucket key is present. The unapplied
 * fields are zero or negative because they reduce receivables. `total` is the sum of the
 * buckets and both unapplied fields, and `count` is the number of open invoices.
 */
export interface AgingTotals {
  buckets: Record<string, number>;
  unappliedPayments: number;
  unappliedCredits: number;
  total: number;
  count: number;
}

/** Creates totals with every bucket of `bounds` at zero, ready for `addToAging`. */
export function emptyAgingTotals(bounds: readonly number[]): AgingTotals {
  const buckets: Record<string, number> = {};
  for (const key of bucketKeys(bounds)) buckets[key] = 0;
  return { buckets, unappliedPayments: 0, unappliedCredits: 0, total: 0, count: 0 };
}

/**
 * Adds one invoice's balance to its bucket in `totals`, which must contain one currency only.
 * Returns false and changes nothing when the invoice is not open at the end of `asOf`, that
 * is when it is dated after `asOf` or its balance is zero.
 */
export function addToAging(
  totals: AgingTotals,
  invoice: OpenInvoice,
  asOf: IsoDate,
  options: AgingOptions = DEFAULT_AGING_OPTIONS,
): boolean {
  parseIsoDate(asOf, 'as-of date');
  const invoiceDate = parseIsoDate(invoice.invoiceDate, 'invoice date');
  const dueDate = parseIsoDate(invoice.dueDate, 'due date');
  assertCents(invoice.balanceCents, 'invoice balance');
  if (invoiceDate > asOf || invoice.balanceCents === 0) return false;

  if (options.basis !== 'due' && options.basis !== 'invoice') {
    throw new RangeError(
      `Invalid aging basis "${String(options.basis)}": expected "due" or "invoice".`,
    );
  }
  const start = options.basis === 'invoice' ? invoiceDate : dueDate;
  const key = bucketKeyFor(daysBetween(start, asOf), options.bounds);
  const bucketCents = totals.buckets[key];
  if (bucketCents === undefined) {
    throw new RangeError(
      `Aging totals have no bucket "${key}": create them with emptyAgingTotals() and the ` +
        'same bounds as the options.',
    );
  }
  // Both sums are checked before either is stored, so an overflow leaves `totals` unchanged.
  const newBucketCents = assertCents(bucketCents + invoice.balanceCents, 'aging bucket');
  const newTotal = assertCents(totals.total + invoice.balanceCents, 'aging total');
  totals.buckets[key] = newBucketCents;
  totals.total = newTotal;
  totals.count += 1;
  return true;
}

/** Subtracts an unapplied payment or credit from `totals`, which must be of its currency. */
export function addUnappliedToAging(totals: AgingTotals, unapplied: UnappliedAmount): void {
  const cents = assertCents(unapplied.cents, 'unapplied amount');
  if (cents < 0) {
    throw new RangeError(
      `Invalid unapplied ${unapplied.kind} ${cents}: pass the amount left over as a positive ` +
        'number of minor units.',
    );
  }
  const newTotal = assertCents(totals.total - cents, 'aging total');
  if (unapplied.kind === 'payment') {
    totals.unappliedPayments = assertCents(totals.unappliedPayments - cents, 'unapplied total');
  } else {
    totals.unappliedCredits = assertCents(totals.unappliedCredits - cents, 'unapplied total');
  }
  totals.total = newTotal;
}

/**
 * Ages open invoices and unapplied amounts at the end of `asOf`, one entry per currency in
 * code order. Invoices that are not open at `asOf` are skipped, as in `addToAging`.
 * A currency appears only when it has an open invoice or a non-zero unapplied amount.
 */
export function ageReceivables(
  invoices: Iterable<OpenInvoice>,
  unapplied: Iterable<UnappliedAmount>,
  asOf: IsoDate,
  options: AgingOptions = DEFAULT_AGING_OPTIONS,
): Map<CurrencyCode, AgingTotals> {
  parseIsoDate(asOf, 'as-of date');
  validateBucketBounds(options.bounds);
  const byCurrency = new Map<CurrencyCode, AgingTotals>();
  const totalsFor = (currency: CurrencyCode): AgingTotals => {
    let totals = byCurrency.get(currency);
    if (totals === undefined) {
      totals = emptyAgingTotals(options.bounds);
      byCurrency.set(currency, totals);
    }
    return totals;
  };

  for (const invoice of invoices) {
    // Skipped invoices must not create an empty entry for their currency.
    const totals = byCurrency.get(invoice.currency) ?? emptyAgingTotals(options.bounds);
    if (addToAging(totals, invoice, asOf, options)) byCurrency.set(invoice.currency, totals);
  }
  for (const amount of unapplied) {
    if (amount.cents === 0) continue;
    addUnappliedToAging(totalsFor(amount.currency), amount);
  }

  const currencies = [...byCurrency.keys()].sort();
  const sorted = new Map<CurrencyCode, AgingTotals>();
  for (const currency of currencies) sorted.set(currency, byCurrency.get(currency) as AgingTotals);
  return sorted;
}

function boundsError(text: string, problem: string): RangeError {
  return new RangeError(
    `Invalid aging bucket bounds "${text}": ${problem}. Expected ascending whole days ` +
      'greater than zero, for example 30,60,90.',
  );
}
