/**
 * Risk tier policies: the payment terms, share paid upfront, cash on delivery and credit limit
 * sized to the client's invoicing that each tier requires of a client. When a client's tier
 * rises, the changes its new tier's policy calls for are suggested as sentences with exact
 * amounts.
 *
 * The credit limit rule is N months of the client's average monthly sale invoicing over the
 * 12 months up to the as-of date. The limit is rounded down to a whole 100 major units
 * (USD 100.00, JPY 100), so that a suggested limit reads like one a person would set.
 */

import { formatMoney, assertCents, minorUnitDigits } from '../money.ts';
import {
  DEFAULT_TERMS_ID,
  DEFAULT_TERMS_TEMPLATES,
  basisPointsText,
  termsLabel,
  type PaymentTerms,
} from '../terms/payment-terms.ts';
import type { RiskTier } from './risk-score.ts';

export interface TierPolicy {
  /** Id of the payment terms template clients of this tier get, such as `net-15`. */
  readonly termsTemplateId: string;
  /** Whole percent of each invoice paid before delivery, 0 to 100. */
  readonly upfrontPercent: number;
  readonly cashOnDelivery: boolean;
  /** Months of average monthly invoicing the credit limit covers; null sets no limit rule. */
  readonly creditLimitMonths: number | null;
}

export type TierPolicies = Readonly<Record<RiskTier, TierPolicy>>;

export const DEFAULT_TIER_POLICIES: TierPolicies = {
  low: {
    termsTemplateId: 'net-30',
    upfrontPercent: 0,
    cashOnDelivery: false,
    creditLimitMonths: 3,
  },
  medium: {
    termsTemplateId: '2-10-net-30',
    upfrontPercent: 0,
    cashOnDelivery: false,
    creditLimitMonths: 1.5,
  },
  high: {
    termsTemplateId: 'net-15',
    upfrontPercent: 50,
    cashOnDelivery: false,
    creditLimitMonths: 0.5,
  },
};

export const tierRank: Readonly<Record<RiskTier, number>> = { low: 0, medium: 1, high: 2 };

/** Finds a template by id, raising a RangeError that names the id when none matches. */
export function termsTemplate(
  id: string,
  templates: readonly PaymentTerms[] = DEFAULT_TERMS_TEMPLATES,
): PaymentTerms {
  const template = templates.find((candidate) => candidate.id === id);
  if (template === undefined) {
    const known = templates.map((candidate) => candidate.id).join(', ');
    throw new RangeError(`Unknown payment terms template "${id}": expected one of ${known}.`);
  }
  return template;
}

/** Describes the template's discount in words: "2% off if paid within 10 days" or "none". */
export function earlyPaymentIncentive(terms: PaymentTerms): string {
  if (terms.discount === null) return 'none';
  const { basisPoints, withinDays } = terms.discount;
  const days = withinDays === 1 ? '1 day' : `${withinDays} days`;
  return `${basisPointsText(basisPoints)}% off if paid within ${days}`;
}

/**
 * Computes the credit limit the rule gives: `months` × (`twelveMonthSalesCents` ÷ 12),
 * rounded down to a whole 100 major units of `currency`. Below 100 major units it is rounded
 * down to whole units, so that a client invoicing little still gets a usable limit rather than
 * zero. Returns null when `months` is null. Months are taken to two decimals and the product
 * is computed on exact integers, so 1.5 months of 120,000.00 a year is exactly 15,000.00 and
 * never 14,900.00.
 */
export function policyCreditLimitCents(
  twelveMonthSalesCents: number,
  months: number | null,
  currency: string,
): number | null {
  if (months === null) return null;
  assertCents(twelveMonthSalesCents, 'twelve-month sales');
  if (!(months >= 0) || !Number.isFinite(months)) {
    throw new RangeError(`Invalid credit limit months ${String(months)}: expected 0 or more.`);
  }
  const sales = BigInt(Math.max(0, twelveMonthSalesCents));
  const hundredthsOfMonths = BigInt(Math.round(months * 100));
  const unit = 10n ** BigInt(minorUnitDigits(currency));
  // sales × months ÷ 12 with months in hundredths: divide by 1,200, then floor to the step.
  const exact = sales * hundredthsOfMonths;
  const step = exact >= 1_200n * 100n * unit ? 100n * unit : unit;
  const limit = (exact / (1_200n * step)) * step;
  return assertCents(Number(limit), 'credit limit');
}

/** `cents × percent ÷ 100` in whole minor units, halves rounded up. */
function percentOf(cents: number, percent: number): number {
  return Number((BigInt(cents) * BigInt(percent) * 2n + 100n) / 200n);
}

/** `cents ÷ 12` in whole minor units, halves rounded up. */
function monthlyAverage(twelveMonthCents: number): number {
  return Number((BigInt(twelveMonthCents) * 2n + 12n) / 24n);
}

export type TierSuggestionKind = 'terms' | 'credit-limit' | 'upfront' | 'cash-on-delivery';

export interface TierSuggestion {
  readonly kind: TierSuggestionKind;
  readonly text: string;
}

export interface TierChangeInput {
  readonly previousTier: RiskTier;
  readonly currentTier: RiskTier;
  /** The client's main currency: every amount below is in it. */
  readonly currency: string;
  /** Template id on the client's record, or null when the client has none. */
  readonly termsTemplateId: string | null;
  /** Days to pay on the client's record, used to name terms that are not a template. */
  readonly paymentTermsDays: number | null;
  /** The client's credit limit in `currency`, or null when none is set in it. */
  readonly creditLimitCents: number | null;
  /** Sale invoices dated in the 12 months up to the as-of date, in `currency`. */
  readonly twelveMonthSalesCents: number;
}

/**
 * Suggests what to change for a client whose tier rose from `previousTier` to `currentTier`,
 * following the new tier's policy. Returns no suggestion unless the tier rose.
 * - terms: only when the client's template differs from the policy's.
 * - credit limit: only when the rule's figure is below the current limit or none is set.
 * - upfront share: when the policy requires more than 0%.
 * - cash on delivery: when the policy requires it.
 * A client with neither a template nor days to pay is on the default template.
 */
export function suggestTierChanges(
  input: TierChangeInput,
  policies: TierPolicies = DEFAULT_TIER_POLICIES,
  templates: readonly PaymentTerms[] = DEFAULT_TERMS_TEMPLATES,
): TierSuggestion[] {
  if (tierRank[input.currentTier] <= tierRank[input.previousTier]) return [];
  assertCents(input.twelveMonthSalesCents, 'twelve-month sales');
  if (input.twelveMonthSalesCents < 0) {
    throw new RangeError(
      `Invalid twelve-month sales ${input.twelveMonthSalesCents}: expected 0 or more.`,
    );
  }
  const policy = policies[input.currentTier];
  const money = (cents: number) => formatMoney(cents, input.currency);
  const suggestions: TierSuggestion[] = [];

  const currentId =
    input.termsTemplateId ?? (input.paymentTermsDays === null ? DEFAULT_TERMS_ID : null);
  if (currentId !== policy.termsTemplateId) {
    const next = termsTemplate(policy.termsTemplateId, templates);
    const incentive = earlyPaymentIncentive(next);
    suggestions.push({
      kind: 'terms',
      text:
        `Switch the payment terms from ${currentTermsName(input, currentId, templates)} ` +
        `to ${next.name}${incentive === 'none' ? '' : ` (${incentive})`}.`,
    });
  }

  const limit = policyCreditLimitCents(
    input.twelveMonthSalesCents,
    policy.creditLimitMonths,
    input.currency,
  );
  if (limit !== null && (input.creditLimitCents === null || limit < input.creditLimitCents)) {
    const basis =
      `${monthsText(policy.creditLimitMonths ?? 0)} of the average monthly invoicing of ` +
      `${money(monthlyAverage(input.twelveMonthSalesCents))} over the last 12 months`;
    suggestions.push({
      kind: 'credit-limit',
      text:
        input.creditLimitCents === null
          ? `Set a credit limit of ${money(limit)}: ${basis}.`
          : `Lower the credit limit from ${money(input.creditLimitCents)} to ${money(limit)}: ` +
            `${basis}.`,
    });
  }

  if (policy.upfrontPercent > 0) {
    const average = monthlyAverage(input.twelveMonthSalesCents);
    const monthly = percentOf(average, policy.upfrontPercent);
    suggestions.push({
      kind: 'upfront',
      text:
        `Ask for ${policy.upfrontPercent}% of each invoice upfront: ${money(monthly)} a month ` +
        `at the average monthly invoicing of ${money(average)}.`,
    });
  }

  if (policy.cashOnDelivery) {
    suggestions.push({
      kind: 'cash-on-delivery',
      text: 'Require cash on delivery for new orders.',
    });
  }
  return suggestions;
}

function currentTermsName(
  input: TierChangeInput,
  currentId: string | null,
  templates: readonly PaymentTerms[],
): string {
  const template = templates.find((candidate) => candidate.id === currentId);
  if (template !== undefined) return template.name;
  if (currentId !== null) return `template ${currentId}`;
  const days = input.paymentTermsDays ?? 0;
  return days === 0 ? 'due on receipt' : `net ${days} days`;
}

/** 0.5 → "0.5 months", 1 → "1 month", 1.5 → "1.5 months". */
export function monthsText(months: number): string {
  return `${months} ${months === 1 ? 'month' : 'months'}`;
}

/** Texts of a policy's parts, for tables that show each in a column of its own. */
export interface TierPolicyText {
  /** The template's name and terms, such as "Net 15 (net 15, late fee 2%)". */
  readonly terms: string;
  readonly incentive: string;
  readonly upfront: string;
  readonly cashOnDelivery: string;
  readonly creditLimit: string;
}

export function tierPolicyText(
  policy: TierPolicy,
  templates: readonly PaymentTerms[] = DEFAULT_TERMS_TEMPLATES,
): TierPolicyText {
  const terms = termsTemplate(policy.termsTemplateId, templates);
  return {
    terms: termsLabel(terms),
    incentive: earlyPaymentIncentive(terms),
    upfront: policy.upfrontPercent === 0 ? 'nothing upfront' : `${policy.upfrontPercent}% upfront`,
    cashOnDelivery: policy.cashOnDelivery ? 'cash on delivery' : 'no cash on delivery',
    creditLimit:
      policy.creditLimitMonths === null
        ? 'no credit limit rule'
        : `credit limit of ${monthsText(policy.creditLimitMonths)} of average monthly invoicing`,
  };
}

/** Describes a whole policy in one line, for the command line. */
export function describePolicyText(text: TierPolicyText): string {
  return [
    text.terms,
    `early-payment incentive ${text.incentive}`,
    text.upfront,
    text.cashOnDelivery,
    text.creditLimit,
  ].join(', ');
}
