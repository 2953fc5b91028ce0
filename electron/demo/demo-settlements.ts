import { addMonths, toDayNumber } from '../../shared/calendar-date.ts';
import {
  drawAccountCredit,
  drawDispute,
  drawInvoiceCredit,
  type CreditNotePlan,
  type DisputePlan,
} from './demo-adjustments.ts';
import type { ClientPlan } from './demo-clients.ts';
import type { InvoicePlan } from './demo-invoices.ts';
import {
  drawAccountPayment,
  drawPaymentEvents,
  groupIntoPayments,
  type PaymentEvent,
  type PaymentPlan,
} from './demo-payments.ts';
import { demoStreams } from './demo-streams.ts';
import { drawPaymentIntent } from './payment-behaviour.ts';
import type { SeasonalCalendar } from './seasonal-calendar.ts';
import { SeededRandom } from './seeded-random.ts';

export interface ClientSettlements {
  readonly payments: PaymentPlan[];
  readonly creditNotes: CreditNotePlan[];
  readonly disputes: DisputePlan[];
}

/** Months at the end of the history over which a deteriorating client pays later and later. */
const declineMonths = 6;

/**
 * Plans what happened to one client's invoices by the end of the history: disputes, credit
 * notes, payments in full or in parts, and money left on account. Anything that would happen
 * after the last day is left out, so recent invoices stay open or partly paid.
 * `invoices` are the client's invoices in date order, drafts included (drafts get nothing).
 */
export function planClientSettlements(
  seed: number,
  client: ClientPlan,
  invoices: readonly InvoicePlan[],
  calendar: SeasonalCalendar,
): ClientSettlements {
  const random = new SeededRandom(seed, demoStreams.clientSettlements, client.index);
  const endDay = calendar.endDay;
  const declineStartDay = Math.max(
    calendar.startDay,
    toDayNumber(addMonths(calendar.end, -declineMonths)) + 1,
  );
  const events: PaymentEvent[] = [];
  const accountPayments: PaymentPlan[] = [];
  const creditNotes: CreditNotePlan[] = [];
  const disputes: DisputePlan[] = [];

  for (const invoice of invoices) {
    if (invoice.status === 'draft') continue;
    const dispute = drawDispute(random, invoice, endDay);
    const credit = drawInvoiceCredit(random, invoice, dispute, endDay);
    const accountCredit = drawAccountCredit(random, invoice, endDay);
    const accountPayment = drawAccountPayment(random, invoice, endDay);
    if (dispute) disputes.push(dispute);
    if (credit) creditNotes.push(credit);
    if (accountCredit) creditNotes.push(accountCredit);
    if (accountPayment) accountPayments.push(accountPayment);

    // A client withholds payment while a dispute is open, and pays the rest after it ends.
    if (dispute !== null && dispute.resolvedDay === null) continue;
    const balanceCents = invoice.amountCents - (credit?.amountCents ?? 0);
    if (balanceCents === 0) continue;
    let earliestDay = Math.max(invoice.invoiceDay, credit?.creditDay ?? invoice.invoiceDay);
    if (dispute?.resolvedDay != null) {
      earliestDay = Math.max(earliestDay, dispute.resolvedDay + random.int(1, 10));
    }

    const decline =
      invoice.invoiceDay < declineStartDay
        ? 0
        : (invoice.invoiceDay - declineStartDay + 1) / (endDay - declineStartDay + 1);
    const intent = drawPaymentIntent(random, client.profile, decline);
    if (intent.daysLate === null) continue;
    const scheduled = drawPaymentEvents(random, invoice, balanceCents, earliestDay, {
      daysLate: intent.daysLate,
      parts: intent.parts,
    });
    for (const event of scheduled) if (event.day <= endDay) events.push(event);
  }

  // Array.prototype.sort is stable, so events of one day keep their invoice order.
  events.sort((a, b) => a.day - b.day);
  const payments = [...groupIntoPayments(random, client, events, endDay), ...accountPayments];
  return { payments, creditNotes, disputes };
}
