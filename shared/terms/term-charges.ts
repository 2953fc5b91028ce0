/**
 * The early-payment discount and the late fees an invoice has earned under its terms snapshot
 * by an as-of date. The caller posts each result as one ledger record: a discount as a credit
 * note allocated to the invoice, a fee as an invoice of kind `late-fee`. Every amount is
 * rounded once, when its record is computed, by `basisPointsOf`.
 *
 * Only the sale invoice's own balance is ever charged: fees are separate invoices without
 * terms, so no fee is charged on a fee and interest stays simple.
 */

import { addDays, addMonths, parseIsoDate, type IsoDate } from '../calendar-date.ts';
import { balanceAt, type Reduction } from '../invoice-balance.ts';
import { basisPointsOf, formatDecimal } from '../money.ts';
import { basisPointsText, discountDeadline, graceEnd, type PaymentTerms } from './payment-terms.ts';

export interface DisputePeriod {
  readonly openedOn: IsoDate;
  /** The day the dispute ended, or null while it is open. */
  readonly resolvedOn: IsoDate | null;
}

/** A sale invoice with its terms and everything that has reduced its balance. */
export interface TermsInvoice {
  readonly number: string;
  readonly currency: string;
  readonly invoiceDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly amountCents: number;
  readonly terms: PaymentTerms;
  /** Payment and credit-note allocations, dated by the day they were applied. */
  readonly reductions: readonly Reduction[];
  readonly disputes: readonly DisputePeriod[];
}

export interface DiscountDue {
  readonly amountCents: number;
  /** The day of the payment that earned the discount. */
  readonly appliedOn: IsoDate;
  readonly explanation: string;
}

export interface LateFeeDue {
  /** 0 for a one-off fee; 1, 2, … for the months of interest. */
  readonly period: number;
  readonly chargedOn: IsoDate;
  /** The invoice balance the fee was computed on. */
  readonly baseCents: number;
  readonly amountCents: number;
  readonly explanation: string;
}

/**
 * Returns the discount the invoice has earned by `asOf`, or null. It is earned when payments
 * and credits applied by the discount deadline reach the amount less the discount; it is the
 * smaller of the offered discount and the balance left at `asOf`. So a client that paid a
 * little more than it had to is not credited twice. An invoice already paid in full needs none.
 */
export function discountEarned(invoice: TermsInvoice, asOf: IsoDate): DiscountDue | null {
  const earning = discountEarning(invoice, asOf);
  if (earning === null || earning.earnedOn === null || earning.offered === 0) return null;
  const balance = balanceAt(invoice.amountCents, invoice.reductions, asOf);
  if (balance <= 0) return null;
  const { earnedOn } = earning;
  return {
    amountCents: Math.min(earning.offered, balance),
    appliedOn: earnedOn < invoice.invoiceDate ? invoice.invoiceDate : earnedOn,
    explanation:
      `${earning.rate}% early-payment discount on invoice ${invoice.number}: ` +
      `${money(earning.paid, invoice.currency)} paid by ${earning.deadline}, ` +
      `${money(earning.needed, invoice.currency)} needed`,
  };
}

/**
 * Returns why a discount already credited is no longer earned, or null while it still is:
 * a payment applied by the deadline was reversed, so the client paid less than it needed.
 * `invoice.reductions` must leave out the discount's own allocation.
 */
export function discountWithdrawn(invoice: TermsInvoice, asOf: IsoDate): string | null {
  const earning = discountEarning(invoice, asOf);
  if (earning === null || earning.earnedOn !== null) return null;
  return (
    `Early-payment discount on invoice ${invoice.number} withdrawn: ` +
    `${money(earning.paid, invoice.currency)} paid by ${earning.deadline}, ` +
    `${money(earning.needed, invoice.currency)} needed`
  );
}

interface DiscountEarning {
  readonly rate: string;
  readonly deadline: IsoDate;
  readonly offered: number;
  readonly needed: number;
  /** Payments and credits applied by the deadline (or by `asOf`, when earlier). */
  readonly paid: number;
  /** The day the payments reached `needed`, or null if they have not. */
  readonly earnedOn: IsoDate | null;
}

/** Measures the payments made towards the discount; null when the terms offer none. */
function discountEarning(invoice: TermsInvoice, asOf: IsoDate): DiscountEarning | null {
  parseIsoDate(asOf, 'as-of date');
  const { terms } = invoice;
  const deadline = discountDeadline(invoice.invoiceDate, terms);
  if (terms.discount === null || deadline === null) return null;
  const offered = basisPointsOf(invoice.amountCents, terms.discount.basisPoints);
  const needed = invoice.amountCents - offered;
  const lastDay = deadline < asOf ? deadline : asOf;
  let paid = 0;
  let earnedOn: IsoDate | null = null;
  for (const reduction of [...invoice.reductions].sort(byDate)) {
    if (reduction.date > lastDay) break;
    paid += reduction.cents;
    if (earnedOn === null && paid >= needed) earnedOn = reduction.date;
  }
  const rate = basisPointsText(terms.discount.basisPoints);
  return { rate, deadline, offered, needed, paid, earnedOn };
}

/**
 * Returns every late fee the invoice has incurred by `asOf`, oldest first, whether or not it
 * is already posted: the caller skips the periods the ledger holds. A fee is charged on the
 * balance owed at the end of its charge date. None is charged on a day the invoice is disputed,
 * nor when nothing is owed.
 *
 * - `flat` and `percent`: one fee (period 0) on the first day after the grace period, or, when
 *   that day falls in a dispute, on the day the dispute ends.
 * - `monthly-interest`: period k is charged k months after the grace period's last day.
 */
export function lateFeesDue(invoice: TermsInvoice, asOf: IsoDate): LateFeeDue[] {
  parseIsoDate(asOf, 'as-of date');
  const { lateFee } = invoice.terms;
  const lastGraceDay = graceEnd(invoice.dueDate, invoice.terms);
  const fees: LateFeeDue[] = [];
  if (lateFee.kind === 'none') return fees;

  if (lateFee.kind === 'flat' || lateFee.kind === 'percent') {
    const chargedOn = firstUndisputedDay(addDays(lastGraceDay, 1), invoice.disputes);
    if (chargedOn === null || chargedOn > asOf) return fees;
    const base = balanceAt(invoice.amountCents, invoice.reductions, chargedOn);
    if (base <= 0) return fees;
    const amountCents =
      lateFee.kind === 'flat' ? lateFee.amountCents : basisPointsOf(base, lateFee.basisPoints);
    const rule =
      lateFee.kind === 'flat' ? 'Late fee' : `Late fee of ${basisPointsText(lateFee.basisPoints)}%`;
    if (amountCents > 0) {
      fees.push({
        period: 0,
        chargedOn,
        baseCents: base,
        amountCents,
        explanation:
          `${rule} on invoice ${invoice.number}: ` +
          `${money(base, invoice.currency)} owed on ${chargedOn}`,
      });
    }
    return fees;
  }

  for (let period = 1; ; period += 1) {
    const chargedOn = addMonths(lastGraceDay, period);
    if (chargedOn > asOf) break;
    if (isDisputed(chargedOn, invoice.disputes)) continue;
    const base = balanceAt(invoice.amountCents, invoice.reductions, chargedOn);
    if (base <= 0) {
      // Paid in full: later months owe nothing unless a payment is reversed.
      if (balanceAt(invoice.amountCents, invoice.reductions, asOf) <= 0) break;
      continue;
    }
    const amountCents = basisPointsOf(base, lateFee.basisPointsPerMonth);
    if (amountCents === 0) continue;
    fees.push({
      period,
      chargedOn,
      baseCents: base,
      amountCents,
      explanation:
        `Interest of ${basisPointsText(lateFee.basisPointsPerMonth)}% for month ${period} ` +
        `overdue on invoice ${invoice.number}: ${money(base, invoice.currency)} owed on ` +
        chargedOn,
    });
  }
  return fees;
}

/** True when a dispute is open at the end of `day`: opened on or before it, not yet ended. */
export function isDisputed(day: IsoDate, disputes: readonly DisputePeriod[]): boolean {
  return disputes.some(
    (dispute) =>
      dispute.openedOn <= day && (dispute.resolvedOn === null || dispute.resolvedOn > day),
  );
}

/** `day`, or the day the disputes covering it end; null while one of them is still open. */
function firstUndisputedDay(day: IsoDate, disputes: readonly DisputePeriod[]): IsoDate | null {
  let candidate = day;
  for (let guard = 0; guard <= disputes.length; guard += 1) {
    const covering = disputes.find(
      (dispute) =>
        dispute.openedOn <= candidate &&
        (dispute.resolvedOn === null || dispute.resolvedOn > candidate),
    );
    if (covering === undefined) return candidate;
    if (covering.resolvedOn === null) return null;
    candidate = covering.resolvedOn;
  }
  return candidate;
}

function byDate(a: Reduction, b: Reduction): number {
  if (a.date === b.date) return 0;
  return a.date < b.date ? -1 : 1;
}

function money(cents: number, currency: string): string {
  return `${formatDecimal(cents, currency)} ${currency}`;
}
