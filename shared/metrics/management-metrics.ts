/**
 * Management metrics of one group of clients in one currency: a client, a risk tier or the
 * portfolio. Each formula takes plain facts read from the ledger for a period [from, to] whose
 * as-of date is `to`, so the same functions serve every scope: a group's facts are the facts of
 * its clients put together.
 *
 * Shares are percentages (0 to 100), days are unrounded, money is integer minor units. A
 * metric with nothing to measure is null, never 0 or NaN. Round with `roundManagementMetrics`
 * for display only.
 */

import { addDays, daysBetween, minDate, parseIsoDate, type IsoDate } from '../calendar-date.ts';
import { roundMetric } from '../collection-metrics.ts';
import { balanceAt, type Reduction } from '../invoice-balance.ts';
import { assertCents } from '../money.ts';
import { metricRows, type MetricRow } from './metric-rows.ts';

/** Days after its first late fee within which paying an invoice off counts as the fee working. */
export const PENALTY_WINDOW_DAYS = 30;

/** A sale invoice whose balance reached zero in the period. */
export interface SettledSaleFact {
  readonly invoiceDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly settledDate: IsoDate;
  readonly amountCents: number;
  /** Grace days of its terms snapshot, or 0 for an invoice without a snapshot. */
  readonly graceDays: number;
  /** True when its terms snapshot offered an early-payment discount. */
  readonly discountOffered: boolean;
  /** Early-payment-discount credit allocated to it by the as-of date, or 0 when none. */
  readonly discountTakenCents: number;
}

/** A client's credit limit in the group's currency with its open balance at each month end. */
export interface CreditFact {
  /** Credit limit, always positive, because clients without one have no utilisation. */
  readonly creditLimitCents: number;
  /** Open invoice balance at the end of each month of the period, the last at the as-of date. */
  readonly monthEndBalancesCents: readonly number[];
}

/** A sale invoice whose first late fee was charged in the period. */
export interface FirstLateFeeFact {
  /** The day its first late fee was charged. */
  readonly chargedOn: IsoDate;
  readonly amountCents: number;
  /** Its payment and credit allocations applied by the as-of date. */
  readonly reductions: readonly Reduction[];
}

/** A late-fee invoice charged in the period. */
export interface LateFeeFact {
  readonly amountCents: number;
  /** Allocations to the fee applied by the as-of date. */
  readonly collectedCents: number;
}

/** Everything the metrics of one group in one currency are computed from. */
export interface ManagementFacts {
  /** Risk scores (0-100) as of `to` of the group's scored clients. */
  readonly scores: readonly number[];
  readonly credit: readonly CreditFact[];
  readonly settled: readonly SettledSaleFact[];
  readonly firstLateFees: readonly FirstLateFeeFact[];
  readonly lateFees: readonly LateFeeFact[];
}

export interface ManagementMetrics {
  readonly customerRiskScore: number | null;
  readonly creditLimitUtilisation: number | null;
  readonly creditUtilisationRatio: number | null;
  readonly paymentTermCompliance: number | null;
  readonly latePaymentFrequency: number | null;
  readonly earlyPaymentDiscountUsage: number | null;
  readonly discountsTakenCents: number | null;
  readonly latePaymentPenaltyEffectiveness: number | null;
  readonly lateFeesChargedCents: number | null;
  readonly lateFeesCollectedCents: number | null;
  readonly averagePaymentTime: number | null;
}

/** The management metrics in the order reports list them, each with its registry entry. */
export const managementMetricRows: readonly MetricRow<keyof ManagementMetrics>[] = metricRows([
  'customerRiskScore',
  'creditLimitUtilisation',
  'creditUtilisationRatio',
  'paymentTermCompliance',
  'latePaymentFrequency',
  'earlyPaymentDiscountUsage',
  'discountsTakenCents',
  'latePaymentPenaltyEffectiveness',
  'lateFeesChargedCents',
  'lateFeesCollectedCents',
  'averagePaymentTime',
] as const);

/** The keys of `ManagementMetrics` whose values are money in minor units. */
export const managementMoneyKeys = [
  'discountsTakenCents',
  'lateFeesChargedCents',
  'lateFeesCollectedCents',
] as const satisfies readonly (keyof ManagementMetrics)[];

/** Computes every management metric of one group. `asOf` is the period's last day. */
export function managementMetrics(facts: ManagementFacts, asOf: IsoDate): ManagementMetrics {
  const discounts = earlyPaymentDiscountUsage(facts.settled);
  const fees = lateFeeTotals(facts.lateFees);
  return {
    customerRiskScore: meanRiskScore(facts.scores),
    creditLimitUtilisation: creditLimitUtilisation(facts.credit),
    creditUtilisationRatio: creditUtilisationRatio(facts.credit),
    paymentTermCompliance: paymentTermCompliance(facts.settled),
    latePaymentFrequency: latePaymentFrequency(facts.settled),
    earlyPaymentDiscountUsage: discounts.usage,
    discountsTakenCents: discounts.takenCents,
    latePaymentPenaltyEffectiveness: latePaymentPenaltyEffectiveness(facts.firstLateFees, asOf),
    lateFeesChargedCents: fees.chargedCents,
    lateFeesCollectedCents: fees.collectedCents,
    averagePaymentTime: averagePaymentTime(facts.settled),
  };
}

/** Returns the plain mean of the scores, or null when no client is scored. */
export function meanRiskScore(scores: readonly number[]): number | null {
  for (const score of scores) {
    if (!Number.isSafeInteger(score) || score < 0 || score > 100) {
      throw new RangeError(`Invalid risk score ${String(score)}: expected a whole 0 to 100.`);
    }
  }
  if (scores.length === 0) return null;
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

/**
 * Computes Σ open balances at the as-of date ÷ Σ credit limits × 100, over the clients with a
 * positive limit. Returns null when there is none.
 */
export function creditLimitUtilisation(credit: readonly CreditFact[]): number | null {
  const months = checkCredit(credit);
  if (credit.length === 0) return null;
  let balances = 0;
  let limits = 0;
  for (const fact of credit) {
    balances += fact.monthEndBalancesCents[months - 1] as number;
    limits += fact.creditLimitCents;
  }
  return (balances * 100) / limits;
}

/**
 * Computes the mean utilisation over the period's month ends: Σ month-end balances ÷ (Σ credit
 * limits × months) × 100. Returns null without a client with a positive limit.
 */
export function creditUtilisationRatio(credit: readonly CreditFact[]): number | null {
  const months = checkCredit(credit);
  if (credit.length === 0) return null;
  let balances = 0;
  let limits = 0;
  for (const fact of credit) {
    for (const balance of fact.monthEndBalancesCents) balances += balance;
    limits += fact.creditLimitCents;
  }
  return (balances * 100) / (limits * months);
}

/**
 * Computes invoices settled on or before their due date plus their grace days ÷ invoices
 * settled × 100. Returns null when nothing was settled.
 */
export function paymentTermCompliance(settled: readonly SettledSaleFact[]): number | null {
  let compliant = 0;
  for (const invoice of settled) {
    checkSettled(invoice);
    if (invoice.settledDate <= addDays(invoice.dueDate, invoice.graceDays)) compliant += 1;
  }
  return settled.length === 0 ? null : (compliant * 100) / settled.length;
}

/**
 * Computes invoices settled after their due date ÷ invoices settled × 100, ignoring grace days.
 * Returns null when nothing was settled.
 */
export function latePaymentFrequency(settled: readonly SettledSaleFact[]): number | null {
  let late = 0;
  for (const invoice of settled) {
    checkSettled(invoice);
    if (invoice.settledDate > invoice.dueDate) late += 1;
  }
  return settled.length === 0 ? null : (late * 100) / settled.length;
}

/**
 * Computes, over the settled invoices whose terms offered a discount, the share with an
 * early-payment discount credit allocated × 100, and the sum of those credits. Both are null
 * when no settled invoice was offered a discount.
 */
export function earlyPaymentDiscountUsage(settled: readonly SettledSaleFact[]): {
  usage: number | null;
  takenCents: number | null;
} {
  let offered = 0;
  let takenCount = 0;
  let takenCents = 0;
  for (const invoice of settled) {
    checkSettled(invoice);
    if (!invoice.discountOffered) continue;
    offered += 1;
    if (invoice.discountTakenCents > 0) {
      takenCount += 1;
      takenCents += invoice.discountTakenCents;
    }
  }
  if (offered === 0) return { usage: null, takenCents: null };
  return { usage: (takenCount * 100) / offered, takenCents: assertCents(takenCents, 'discounts') };
}

/**
 * Computes the share × 100 of the invoices whose first late fee was charged in the period that
 * were paid off in time. An invoice is paid off in time when its balance is zero or less at the
 * end of the fee's day + `PENALTY_WINDOW_DAYS`, or of `asOf` when that comes first. Returns null
 * when no first fee was charged in the period.
 */
export function latePaymentPenaltyEffectiveness(
  fees: readonly FirstLateFeeFact[],
  asOf: IsoDate,
): number | null {
  parseIsoDate(asOf, 'as-of date');
  let paid = 0;
  for (const fee of fees) {
    const chargedOn = parseIsoDate(fee.chargedOn, 'late fee date');
    const windowEnd = minDate(addDays(chargedOn, PENALTY_WINDOW_DAYS), asOf);
    if (balanceAt(fee.amountCents, fee.reductions, windowEnd) <= 0) paid += 1;
  }
  return fees.length === 0 ? null : (paid * 100) / fees.length;
}

/**
 * Sums the late fees charged in the period and the amounts collected on them. Both sums are
 * null when no fee was charged in the period.
 */
export function lateFeeTotals(fees: readonly LateFeeFact[]): {
  chargedCents: number | null;
  collectedCents: number | null;
} {
  let charged = 0;
  let collected = 0;
  for (const fee of fees) {
    assertCents(fee.amountCents, 'late fee');
    assertCents(fee.collectedCents, 'late fee collected');
    charged += fee.amountCents;
    collected += fee.collectedCents;
  }
  if (fees.length === 0) return { chargedCents: null, collectedCents: null };
  return {
    chargedCents: assertCents(charged, 'late fees'),
    collectedCents: assertCents(collected, 'late fees collected'),
  };
}

/**
 * Computes the days from the invoice date to the settled date, weighted by invoice amount:
 * Σ days × amount ÷ Σ amounts. Returns null when the settled amounts sum to zero, as they do
 * when nothing was settled.
 */
export function averagePaymentTime(settled: readonly SettledSaleFact[]): number | null {
  let weighted = 0;
  let amount = 0;
  for (const invoice of settled) {
    checkSettled(invoice);
    weighted += daysBetween(invoice.invoiceDate, invoice.settledDate) * invoice.amountCents;
    amount += invoice.amountCents;
  }
  return amount === 0 ? null : weighted / amount;
}

/** Rounds the shares, days and mean score to `places` decimals and leaves money as it is. */
export function roundManagementMetrics(metrics: ManagementMetrics, places = 2): ManagementMetrics {
  const round = (value: number | null) => roundMetric(value, places);
  return {
    ...metrics,
    customerRiskScore: round(metrics.customerRiskScore),
    creditLimitUtilisation: round(metrics.creditLimitUtilisation),
    creditUtilisationRatio: round(metrics.creditUtilisationRatio),
    paymentTermCompliance: round(metrics.paymentTermCompliance),
    latePaymentFrequency: round(metrics.latePaymentFrequency),
    earlyPaymentDiscountUsage: round(metrics.earlyPaymentDiscountUsage),
    latePaymentPenaltyEffectiveness: round(metrics.latePaymentPenaltyEffectiveness),
    averagePaymentTime: round(metrics.averagePaymentTime),
  };
}

/** Checks the limits and balances, and returns the number of month ends, the same for all. */
function checkCredit(credit: readonly CreditFact[]): number {
  const months = credit[0]?.monthEndBalancesCents.length ?? 0;
  for (const fact of credit) {
    assertCents(fact.creditLimitCents, 'credit limit');
    if (fact.creditLimitCents <= 0) {
      throw new RangeError(
        `Invalid credit limit ${fact.creditLimitCents}: leave out clients without a positive one.`,
      );
    }
    if (fact.monthEndBalancesCents.length !== months || months === 0) {
      throw new RangeError(
        `Invalid month-end balances: expected the same number for every client, 1 or more, ` +
          `got ${fact.monthEndBalancesCents.length} and ${months}.`,
      );
    }
    for (const balance of fact.monthEndBalancesCents) assertCents(balance, 'month-end balance');
  }
  return months;
}

function checkSettled(invoice: SettledSaleFact): void {
  assertCents(invoice.amountCents, 'invoice amount');
  if (invoice.amountCents < 0) {
    throw new RangeError(
      `Invalid invoice amount ${invoice.amountCents}: a weight must not be negative.`,
    );
  }
  if (!Number.isSafeInteger(invoice.graceDays) || invoice.graceDays < 0) {
    throw new RangeError(`Invalid grace days ${String(invoice.graceDays)}: expected 0 or more.`);
  }
  assertCents(invoice.discountTakenCents, 'discount taken');
  parseIsoDate(invoice.invoiceDate, 'invoice date');
  parseIsoDate(invoice.dueDate, 'due date');
  parseIsoDate(invoice.settledDate, 'settled date');
}
