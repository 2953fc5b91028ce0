import type { ClientPlan } from './demo-clients.ts';
import type { InvoicePlan } from './demo-invoices.ts';
import { disputeChance } from './payment-behaviour.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface DisputePlan {
  readonly invoice: InvoicePlan;
  readonly openedDay: number;
  /** Null while the dispute is still open at the end of the history. */
  readonly resolvedDay: number | null;
  readonly reason: string;
}

/** A credit note, with the amount it allocates to one invoice, or none for a credit on account. */
export interface CreditNotePlan {
  readonly client: ClientPlan;
  readonly creditDay: number;
  readonly amountCents: number;
  readonly reason: string;
  readonly allocatedTo: InvoicePlan | null;
}

const disputeReasons = [
  'pricing disagreement',
  'goods damaged in transit',
  'service not delivered as ordered',
  'duplicate invoice',
  'missing purchase order number',
  'quantity shorter than invoiced',
];

const invoiceCreditReasons = [
  'price adjustment',
  'returned goods',
  'service credit',
  'billing error',
];
const accountCreditReasons = ['volume rebate', 'goodwill credit', 'loyalty discount'];

/** Chance of a credit note against an invoice that is not disputed. */
const invoiceCreditChance = 0.025;
/** Chance that a resolved dispute ends with a credit note. */
const disputeCreditChance = 0.4;
/** Chance, per invoice, of a rebate or goodwill credit on the client's account. */
const accountCreditChance = 0.004;

/** Draws whether `invoice` gets disputed, when, and whether that was resolved by `endDay`. */
export function drawDispute(
  random: SeededRandom,
  invoice: InvoicePlan,
  endDay: number,
): DisputePlan | null {
  if (!random.chance(disputeChance[invoice.client.profile])) return null;
  const openedDay = invoice.invoiceDay + random.int(3, invoice.client.termsDays + 20);
  if (openedDay > endDay) return null;
  const resolvedDay = openedDay + random.int(5, 75);
  return {
    invoice,
    openedDay,
    resolvedDay: resolvedDay <= endDay ? resolvedDay : null,
    reason: random.pick(disputeReasons),
  };
}

/**
 * Draws a credit note allocated to `invoice`: part of the amount, or all of it when the
 * invoice is cancelled. A resolved dispute may end with one on the day it was resolved.
 * An invoice with an open dispute gets none, because the outcome is not known yet.
 */
export function drawInvoiceCredit(
  random: SeededRandom,
  invoice: InvoicePlan,
  dispute: DisputePlan | null,
  endDay: number,
): CreditNotePlan | null {
  if (dispute !== null) {
    if (dispute.resolvedDay === null || !random.chance(disputeCreditChance)) return null;
    const full = random.chance(0.15);
    const fraction = full ? 1 : random.uniform(0.1, 0.5);
    return {
      client: invoice.client,
      creditDay: dispute.resolvedDay,
      amountCents: full ? invoice.amountCents : partOf(invoice.amountCents, fraction),
      reason: full ? 'dispute settled by cancelling the invoice' : 'dispute settlement',
      allocatedTo: invoice,
    };
  }
  if (!random.chance(invoiceCreditChance)) return null;
  const creditDay = invoice.invoiceDay + random.int(1, 20);
  if (creditDay > endDay) return null;
  const full = random.chance(0.2);
  const fraction = full ? 1 : random.uniform(0.05, 0.4);
  return {
    client: invoice.client,
    creditDay,
    amountCents: full ? invoice.amountCents : partOf(invoice.amountCents, fraction),
    reason: full ? 'invoice cancelled' : random.pick(invoiceCreditReasons),
    allocatedTo: invoice,
  };
}

/**
 * Draws a rebate or goodwill credit that the client earned around `invoice` and that stays on
 * its account, allocated to no invoice.
 */
export function drawAccountCredit(
  random: SeededRandom,
  invoice: InvoicePlan,
  endDay: number,
): CreditNotePlan | null {
  if (!random.chance(accountCreditChance)) return null;
  const creditDay = invoice.invoiceDay + random.int(5, 60);
  if (creditDay > endDay) return null;
  const wholeUnits = Math.round((invoice.amountCents * random.uniform(0.02, 0.1)) / 100);
  return {
    client: invoice.client,
    creditDay,
    amountCents: Math.max(1, wholeUnits) * 100,
    reason: random.pick(accountCreditReasons),
    allocatedTo: null,
  };
}

/** Returns `fraction` of `amountCents`, at least 1 and less than the whole amount. */
function partOf(amountCents: number, fraction: number): number {
  return Math.min(amountCents - 1, Math.max(1, Math.round(amountCents * fraction)));
}
