import { dateParts, fromDayNumber } from '../../shared/calendar-date.ts';
import type { ClientPlan } from './demo-clients.ts';
import { demoStreams } from './demo-streams.ts';
import type { SeasonalCalendar } from './seasonal-calendar.ts';
import { SeededRandom } from './seeded-random.ts';

export interface InvoicePlan {
  /** Position in invoice-number order, from 0: `INV-000001` has sequence 0. */
  readonly sequence: number;
  readonly number: string;
  readonly client: ClientPlan;
  /** Invoice and due dates as day numbers (days since 1970-01-01). */
  readonly invoiceDay: number;
  readonly dueDay: number;
  readonly amountCents: number;
  readonly status: 'issued' | 'draft';
  readonly memo: string;
}

type UnnumberedInvoice = Omit<InvoicePlan, 'sequence' | 'number'>;

/** Days before the end of the history in which some invoices are still drafts. */
const draftWindowDays = 14;
const draftChance = 0.15;

/** Invoice amounts stay within these bounds in minor units: 25.00 to 2,000,000.00. */
const minAmountCents = 2_500;
const maxAmountCents = 200_000_000;

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * Plans exactly `total` invoices over the clients, numbered in date order. A client's share
 * follows its volume weight and how much of the history it was a client for. Dates follow the
 * calendar's seasonal weights, and amounts are log-normal around the client's median.
 */
export function planInvoices(
  seed: number,
  clients: readonly ClientPlan[],
  total: number,
  calendar: SeasonalCalendar,
): InvoicePlan[] {
  const shares = clients.map(
    (client) => client.volumeWeight * calendar.weightFrom(client.joinedDay),
  );
  const counts = splitByWeight(total, shares);
  const unnumbered = clients.flatMap((client) =>
    planClientInvoices(seed, client, counts[client.index] as number, calendar),
  );
  // Array.prototype.sort is stable, so invoices of one day stay in client order.
  unnumbered.sort((a, b) => a.invoiceDay - b.invoiceDay);
  return unnumbered.map((invoice, sequence) => ({
    ...invoice,
    sequence,
    number: `INV-${String(sequence + 1).padStart(6, '0')}`,
  }));
}

function planClientInvoices(
  seed: number,
  client: ClientPlan,
  count: number,
  calendar: SeasonalCalendar,
): UnnumberedInvoice[] {
  const random = new SeededRandom(seed, demoStreams.clientInvoices, client.index);
  const days: number[] = [];
  for (let i = 0; i < count; i += 1) days.push(calendar.sampleDay(random, client.joinedDay));
  days.sort((a, b) => a - b);
  return days.map((invoiceDay) => {
    const recent = invoiceDay > calendar.endDay - draftWindowDays;
    const { year, month } = dateParts(fromDayNumber(invoiceDay));
    return {
      client,
      invoiceDay,
      dueDay: invoiceDay + client.termsDays,
      amountCents: drawAmount(random, client.medianAmountCents),
      status: recent && random.chance(draftChance) ? 'draft' : 'issued',
      memo: `${random.pick(client.industry.services)}, ${monthNames[month - 1]} ${year}`,
    };
  });
}

/** Draws a log-normal amount, rounded the way people price: whole units, tens, or exact. */
function drawAmount(random: SeededRandom, medianCents: number): number {
  const raw = medianCents * Math.exp(random.normal(0, 0.7));
  const bounded = Math.min(maxAmountCents, Math.max(minAmountCents, raw));
  const style = random.next();
  if (style < 0.45) return Math.round(bounded / 100) * 100;
  if (style < 0.65) return Math.round(bounded / 1_000) * 1_000;
  return Math.round(bounded);
}

/** Splits `total` into whole numbers proportional to `weights` (largest remainder). */
function splitByWeight(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const exact = weights.map((weight) => (sum > 0 ? (total * weight) / sum : 0));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((acc, count) => acc + count, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    counts[index] = (counts[index] as number) + 1;
    left -= 1;
  }
  return counts;
}
