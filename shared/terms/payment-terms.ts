/**
 * Payment terms: when an invoice is due, what paying early earns, what paying late costs and
 * how the client may pay. A template is copied onto each invoice when it is issued, so that a
 * later change of the template or of the client's terms never changes an issued invoice.
 *
 * Amounts and rates are integers: a flat fee in minor units of the invoice's currency, rates in
 * basis points (1 bp = 0.01%, so 150 bp = 1.5%).
 */

import { z } from 'zod';
import { addDays, parseIsoDate, type IsoDate } from '../calendar-date.ts';
import { formatDecimal } from '../money.ts';
import { firstIssue } from '../validation-issue.ts';
import { printableText } from '../printable-text.ts';

/**
 * The charge for paying late, counted from the end of the grace period:
 * - `flat`: one fee of a fixed amount per invoice;
 * - `percent`: one fee, a share of the balance still owed the day after the grace period;
 * - `monthly-interest`: simple interest, one charge for each whole month the invoice stays
 *   unpaid after the grace period, on the same day of the month as the grace period's last day
 *   (14 March, 14 April… after grace ending 14 February), on the balance owed that day.
 *   Earlier charges never bear interest.
 */
export type LateFeeRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'flat'; readonly amountCents: number }
  | { readonly kind: 'percent'; readonly basisPoints: number }
  | { readonly kind: 'monthly-interest'; readonly basisPointsPerMonth: number };

export interface EarlyPaymentDiscount {
  /** Share of the invoice amount given up, in basis points: 200 for 2%. */
  readonly basisPoints: number;
  /** Days after the invoice date within which full payment earns the discount. */
  readonly withinDays: number;
}

export interface PaymentTerms {
  /** Stable key such as `net-30`: lower-case letters, digits and hyphens. */
  readonly id: string;
  readonly name: string;
  /** Days from the invoice date to the due date. 0 means due on receipt. */
  readonly netDays: number;
  readonly discount: EarlyPaymentDiscount | null;
  /** Days after the due date before a late fee is charged. */
  readonly graceDays: number;
  readonly lateFee: LateFeeRule;
  /** Printed on statements and letters, in the order given. */
  readonly paymentMethods: readonly string[];
}

const whole = (max: number) => z.number().int().min(0).max(max);

const lateFeeRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('flat'), amountCents: whole(100_000_000).min(1) }).strict(),
  z.object({ kind: z.literal('percent'), basisPoints: whole(5000).min(1) }).strict(),
  z
    .object({ kind: z.literal('monthly-interest'), basisPointsPerMonth: whole(1000).min(1) })
    .strict(),
]);

/** The fields of a template, each checked on its own. */
export const paymentTermsFields = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens')
      .max(40),
    name: printableText(80),
    netDays: whole(365),
    discount: z
      .object({ basisPoints: whole(5000).min(1), withinDays: whole(365).min(1) })
      .strict()
      .nullable(),
    graceDays: whole(365),
    lateFee: lateFeeRule,
    paymentMethods: z.array(printableText(60)).max(10),
  })
  .strict();

/** Validates a template or an invoice's terms snapshot read from settings or the ledger. */
export const paymentTermsSchema = paymentTermsFields.refine(
  (terms) => terms.discount === null || terms.discount.withinDays < terms.netDays,
  {
    message: 'the discount period must end before the due date',
    path: ['discount', 'withinDays'],
  },
);

const usualMethods = ['Bank transfer', 'Card'];
const monthlyInterest: LateFeeRule = { kind: 'monthly-interest', basisPointsPerMonth: 150 };

/** The templates a new ledger starts with. Users can add their own in the settings. */
export const DEFAULT_TERMS_TEMPLATES: readonly PaymentTerms[] = [
  {
    id: 'net-30',
    name: 'Net 30',
    netDays: 30,
    discount: null,
    graceDays: 5,
    lateFee: monthlyInterest,
    paymentMethods: usualMethods,
  },
  {
    id: '2-10-net-30',
    name: '2/10 net 30',
    netDays: 30,
    discount: { basisPoints: 200, withinDays: 10 },
    graceDays: 5,
    lateFee: monthlyInterest,
    paymentMethods: usualMethods,
  },
  {
    id: 'net-15',
    name: 'Net 15',
    netDays: 15,
    discount: null,
    graceDays: 0,
    lateFee: { kind: 'percent', basisPoints: 200 },
    paymentMethods: usualMethods,
  },
  {
    id: 'due-on-receipt',
    name: 'Due on receipt',
    netDays: 0,
    discount: null,
    graceDays: 0,
    lateFee: { kind: 'flat', amountCents: 2500 },
    paymentMethods: ['Bank transfer'],
  },
];

/** The template a client without terms of its own gets. */
export const DEFAULT_TERMS_ID = 'net-30';

/** Returns the due date of an invoice dated `invoiceDate` under `terms`. */
export function dueDateFor(invoiceDate: IsoDate, terms: PaymentTerms): IsoDate {
  return addDays(parseIsoDate(invoiceDate, 'invoice date'), terms.netDays);
}

/** Returns the last day on which full payment earns the discount, or null without one. */
export function discountDeadline(invoiceDate: IsoDate, terms: PaymentTerms): IsoDate | null {
  if (terms.discount === null) return null;
  return addDays(parseIsoDate(invoiceDate, 'invoice date'), terms.discount.withinDays);
}

/** Returns the last day before a late fee is charged: the due date plus the grace days. */
export function graceEnd(dueDate: IsoDate, terms: PaymentTerms): IsoDate {
  return addDays(parseIsoDate(dueDate, 'due date'), terms.graceDays);
}

/**
 * Reads an invoice's terms snapshot. Returns null for an invoice issued without one (imported
 * before terms were kept); raises a RangeError naming the invoice for a damaged snapshot.
 */
export function parseTermsSnapshot(
  json: string | null,
  invoiceNumber: string,
): PaymentTerms | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new RangeError(`Invoice ${invoiceNumber} has terms that are not valid JSON: ${json}`);
  }
  const parsed = paymentTermsSchema.safeParse(value);
  if (!parsed.success) {
    throw new RangeError(`Invoice ${invoiceNumber} has invalid terms: ${firstIssue(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * Describes the terms in a short phrase: "2/10 net 30, 5 grace days, 1.5% interest a month".
 * A flat fee is shown in `currency` when given, else as hundredths of the invoice's currency.
 */
export function describeTerms(terms: PaymentTerms, currency: string | null = null): string {
  const parts: string[] = [];
  if (terms.netDays === 0) parts.push('due on receipt');
  else if (terms.discount === null) parts.push(`net ${terms.netDays}`);
  else {
    const { basisPoints, withinDays } = terms.discount;
    parts.push(`${basisPointsText(basisPoints)}/${withinDays} net ${terms.netDays}`);
  }
  if (terms.graceDays > 0) {
    parts.push(`${terms.graceDays} grace ${terms.graceDays === 1 ? 'day' : 'days'}`);
  }
  const fee = terms.lateFee;
  if (fee.kind === 'flat') {
    const amount =
      currency === null
        ? `${(fee.amountCents / 100).toFixed(2)} in the invoice's currency`
        : `${formatDecimal(fee.amountCents, currency)} ${currency}`;
    parts.push(`late fee ${amount}`);
  }
  if (fee.kind === 'percent') parts.push(`late fee ${basisPointsText(fee.basisPoints)}%`);
  if (fee.kind === 'monthly-interest') {
    parts.push(`${basisPointsText(fee.basisPointsPerMonth)}% interest a month`);
  }
  return parts.join(', ');
}

/**
 * Names the terms with their details, without saying the same thing twice: "2/10 net 30, 5
 * grace days, …" for the template named "2/10 net 30", but "Standard: net 30, …" for one a firm
 * named itself.
 */
export function termsLabel(terms: PaymentTerms, currency: string | null = null): string {
  const details = describeTerms(terms, currency);
  const name = terms.name.trim();
  if (details.toLowerCase().startsWith(name.toLowerCase())) {
    return details.charAt(0).toUpperCase() + details.slice(1);
  }
  return `${name}: ${details}`;
}

/** 150 → "1.5", 200 → "2", 5 → "0.05". */
export function basisPointsText(basisPoints: number): string {
  return String(basisPoints / 100);
}
