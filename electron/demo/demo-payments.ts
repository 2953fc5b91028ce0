import type { ClientPlan } from './demo-clients.ts';
import type { InvoicePlan } from './demo-invoices.ts';
import { combineChance, type PaymentIntent } from './payment-behaviour.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface AllocationPlan {
  readonly invoice: InvoicePlan;
  readonly amountCents: number;
}

/** A payment. Whatever its allocations leave of the amount is unapplied cash on account. */
export interface PaymentPlan {
  readonly client: ClientPlan;
  readonly paymentDay: number;
  readonly amountCents: number;
  readonly method: string;
  readonly reference: string;
  readonly allocations: readonly AllocationPlan[];
}

/** Money the client intends to pay against one invoice on one day. */
export interface PaymentEvent {
  readonly invoice: InvoicePlan;
  readonly day: number;
  readonly amountCents: number;
  /** True when this one payment pays the invoice's whole balance. */
  readonly wholeBalance: boolean;
}

const paymentMethods: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  USD: [
    ['ACH', 55],
    ['check', 20],
    ['wire transfer', 15],
    ['card', 10],
  ],
  EUR: [
    ['SEPA credit transfer', 80],
    ['SEPA direct debit', 15],
    ['card', 5],
  ],
  GBP: [
    ['Bacs', 70],
    ['Faster Payments', 25],
    ['card', 5],
  ],
};

/** Days before the end of the history in which some payments are received but not yet matched. */
const unmatchedWindowDays = 5;
const unmatchedChance = 0.3;
const overpaymentChance = 0.01;
/** Chance, per invoice, of an advance payment on account that pays no invoice. */
const accountPaymentChance = 0.004;
/** Two invoices' payments this many days apart or fewer may be combined into one. */
const combineWithinDays = 10;
/** Parts of an instalment plan are never smaller than this, in minor units. */
const minPartCents = 1_000;

/**
 * Schedules the payments of `balanceCents` on `invoice` as `intent` describes: the last one
 * `intent.daysLate` days after the due date, and earlier parts 7 to 30 days apart before it.
 * Nothing is paid before `earliestDay`, so parts that would fall earlier are paid as one.
 */
export function drawPaymentEvents(
  random: SeededRandom,
  invoice: InvoicePlan,
  balanceCents: number,
  earliestDay: number,
  intent: PaymentIntent & { readonly daysLate: number },
): PaymentEvent[] {
  const maxParts = balanceCents < intent.parts * minPartCents ? 1 : intent.parts;
  const days = [Math.max(invoice.dueDay + intent.daysLate, earliestDay)];
  while (days.length < maxParts) {
    const day = (days[0] as number) - random.int(7, 30);
    if (day < earliestDay) break;
    days.unshift(day);
  }
  const amounts = splitIntoParts(random, balanceCents, days.length);
  return days.map((day, part) => ({
    invoice,
    day,
    amountCents: amounts[part] as number,
    wholeBalance: days.length === 1,
  }));
}

/**
 * Turns a client's payment events, in date order, into payments. Two whole-balance events
 * close together may become one payment with two allocations, dated on the later day.
 * Some payments overpay, and some received in the last days are not matched to invoices yet.
 */
export function groupIntoPayments(
  random: SeededRandom,
  client: ClientPlan,
  events: readonly PaymentEvent[],
  endDay: number,
): PaymentPlan[] {
  const payments: PaymentPlan[] = [];
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i] as PaymentEvent;
    const next = events[i + 1];
    const combine =
      next !== undefined &&
      event.wholeBalance &&
      next.wholeBalance &&
      next.day - event.day <= combineWithinDays &&
      random.chance(combineChance[client.profile]);
    const group = combine ? [event, next] : [event];
    if (combine) i += 1;
    payments.push(makePayment(random, client, group, endDay));
  }
  return payments;
}

/** Draws an advance payment on account, made soon after `invoice`, that pays no invoice. */
export function drawAccountPayment(
  random: SeededRandom,
  invoice: InvoicePlan,
  endDay: number,
): PaymentPlan | null {
  if (!random.chance(accountPaymentChance)) return null;
  const paymentDay = invoice.invoiceDay + random.int(0, 30);
  if (paymentDay > endDay) return null;
  const wholeUnits = Math.round((invoice.amountCents * random.uniform(0.1, 0.5)) / 100);
  return {
    client: invoice.client,
    paymentDay,
    amountCents: Math.max(1, wholeUnits) * 100,
    method: drawMethod(random, invoice.client),
    reference: 'Payment on account',
    allocations: [],
  };
}

function makePayment(
  random: SeededRandom,
  client: ClientPlan,
  group: readonly PaymentEvent[],
  endDay: number,
): PaymentPlan {
  const paymentDay = Math.max(...group.map((event) => event.day));
  const allocated = group.reduce((sum, event) => sum + event.amountCents, 0);
  const overpaid = random.chance(overpaymentChance) ? random.int(1, 20) * 100 : 0;
  const unmatched = paymentDay > endDay - unmatchedWindowDays && random.chance(unmatchedChance);
  const invoiceNumbers = group.map((event) => event.invoice.number).join(', ');
  return {
    client,
    paymentDay,
    amountCents: allocated + overpaid,
    method: drawMethod(random, client),
    reference: random.chance(0.6) ? invoiceNumbers : `REM-${random.int(100_000, 999_999)}`,
    allocations: unmatched
      ? []
      : group.map((event) => ({ invoice: event.invoice, amountCents: event.amountCents })),
  };
}

function drawMethod(random: SeededRandom, client: ClientPlan): string {
  return random.pickWeighted(paymentMethods[client.country.currency] ?? [['bank transfer', 1]]);
}

/**
 * Splits `totalCents` into `parts` positive amounts. All but the last are whole currency units
 * unless the total leaves no room to round.
 */
function splitIntoParts(random: SeededRandom, totalCents: number, parts: number): number[] {
  const amounts: number[] = [];
  let left = totalCents;
  for (let part = 0; part < parts - 1; part += 1) {
    const partsLeft = parts - part;
    const target = (left / partsLeft) * random.uniform(0.6, 1.4);
    const reserve = (partsLeft - 1) * 100;
    const amount = Math.min(left - reserve, Math.max(100, Math.floor(target / 100) * 100));
    amounts.push(amount);
    left -= amount;
  }
  amounts.push(left);
  return amounts;
}
