/**
 * Collection activity metrics, which measure how well reminders and contacts work, of one group
 * of clients in one currency: a client, a risk tier or the portfolio. They cover a period
 * [from, to] whose as-of date is `to`. Like the management metrics, each formula takes plain
 * facts read from the ledger, and a group's facts are those of its clients put together.
 *
 * Shares are percentages (0 to 100), days are unrounded, minutes and counts are whole. A
 * metric with nothing to measure is null, never 0 or NaN.
 */

import {
  addDays,
  addMonths,
  daysBetween,
  daysInclusive,
  firstOfMonth,
  lastOfMonth,
  minDate,
  parseIsoDate,
  type IsoDate,
} from '../calendar-date.ts';
import { dso, roundMetric } from '../collection-metrics.ts';
import { balanceAt, type Reduction } from '../invoice-balance.ts';
import { assertCents } from '../money.ts';
import { metricRows, type MetricRow } from './metric-rows.ts';

/** Days after sending within which an automatic reminder's invoices must be settled. */
export const AUTOMATED_REMINDER_WINDOW_DAYS = 14;

/** Whole calendar months of DSO compared before and after the first sent reminder. */
export const DSO_COMPARISON_MONTHS = 3;

/** A sale invoice with its amount and its allocations applied by `to`. */
export interface InvoiceBalanceFact {
  readonly amountCents: number;
  readonly reductions: readonly Reduction[];
}

/** A sale invoice that fell due in the period, with the first outbound contact after that. */
export interface DueInvoiceFact {
  readonly dueDate: IsoDate;
  /** Day of the first outbound interaction with its client in [due date, to], or null. */
  readonly firstContactOn: IsoDate | null;
}

/** A reminder sent in the period. */
export interface SentReminderFact {
  readonly sentOn: IsoDate;
  /** First day the client replied, from `answered_at` or an inbound reply, or null if none. */
  readonly repliedOn: IsoDate | null;
}

/** An automatic e-mail reminder sent in the period, with its invoices. */
export interface AutomatedReminderFact {
  readonly sentOn: IsoDate;
  readonly invoices: readonly InvoiceBalanceFact[];
}

/** An interaction with a client in the period. */
export interface InteractionFact {
  readonly kind: string;
  readonly automated: boolean;
  readonly minutes: number | null;
}

/** Everything the metrics of one group in one currency are computed from. */
export interface CollectionActivityFacts {
  /** Sale invoices covered by at least one reminder sent in the period. */
  readonly remindedInvoices: readonly InvoiceBalanceFact[];
  readonly dueInvoices: readonly DueInvoiceFact[];
  readonly sentReminders: readonly SentReminderFact[];
  readonly automatedReminders: readonly AutomatedReminderFact[];
  readonly interactions: readonly InteractionFact[];
}

export interface TimeSpent {
  readonly manualCollectionMinutes: number | null;
  readonly automatedCollectionMinutes: number | null;
  readonly manualInteractions: number | null;
  readonly automatedInteractions: number | null;
}

export interface CollectionActivityMetrics extends TimeSpent {
  readonly collectionSuccessRate: number | null;
  readonly timeToFirstContact: number | null;
  readonly communicationResponseRate: number | null;
  readonly automatedReminderSuccessRate: number | null;
  /** DSO before the first reminder, for the portfolio only, so null for a client or a tier. */
  readonly dsoBeforeReminders: number | null;
  readonly dsoAfterReminders: number | null;
}

/** The metrics in the order reports list them, each with its registry entry. */
export const collectionActivityRows: readonly MetricRow<keyof CollectionActivityMetrics>[] =
  metricRows([
    'collectionSuccessRate',
    'timeToFirstContact',
    'communicationResponseRate',
    'automatedReminderSuccessRate',
    'manualCollectionMinutes',
    'automatedCollectionMinutes',
    'manualInteractions',
    'automatedInteractions',
    'dsoBeforeReminders',
    'dsoAfterReminders',
  ] as const);

/** Computes the metrics of one group except the portfolio's DSO comparison, left null. */
export function collectionActivityMetrics(
  facts: CollectionActivityFacts,
  to: IsoDate,
): CollectionActivityMetrics {
  return {
    collectionSuccessRate: collectionSuccessRate(facts.remindedInvoices, to),
    timeToFirstContact: timeToFirstContact(facts.dueInvoices),
    communicationResponseRate: communicationResponseRate(facts.sentReminders, to),
    automatedReminderSuccessRate: automatedReminderSuccessRate(facts.automatedReminders, to),
    ...timeSpentOnCollections(facts.interactions),
    dsoBeforeReminders: null,
    dsoAfterReminders: null,
  };
}

/**
 * Computes the share × 100 of the sale invoices with at least one reminder sent in the period
 * whose balance is zero or less at the end of `to`. Returns null when no invoice was reminded in
 * the period.
 */
export function collectionSuccessRate(
  invoices: readonly InvoiceBalanceFact[],
  to: IsoDate,
): number | null {
  if (invoices.length === 0) return null;
  const settled = invoices.filter((invoice) => settledBy(invoice, to)).length;
  return (settled * 100) / invoices.length;
}

/**
 * Computes the mean days from the due date to the first outbound contact on or after it, over
 * the invoices due in the period that were contacted by `to`. Returns null when none was.
 */
export function timeToFirstContact(invoices: readonly DueInvoiceFact[]): number | null {
  let days = 0;
  let contacted = 0;
  for (const invoice of invoices) {
    if (invoice.firstContactOn === null) continue;
    const wait = daysBetween(
      parseIsoDate(invoice.dueDate, 'due date'),
      parseIsoDate(invoice.firstContactOn, 'first contact date'),
    );
    if (wait < 0) {
      throw new RangeError(
        `Invalid first contact ${invoice.firstContactOn}: it is before the due date ` +
          `${invoice.dueDate}. Count only contacts on or after it.`,
      );
    }
    days += wait;
    contacted += 1;
  }
  return contacted === 0 ? null : days / contacted;
}

/**
 * Computes reminders sent in the period that the client replied to by the end of `to` ÷
 * reminders sent in the period × 100. Returns null when none was sent.
 */
export function communicationResponseRate(
  reminders: readonly SentReminderFact[],
  to: IsoDate,
): number | null {
  if (reminders.length === 0) return null;
  const replied = reminders.filter(
    (reminder) => reminder.repliedOn !== null && reminder.repliedOn <= to,
  ).length;
  return (replied * 100) / reminders.length;
}

/**
 * Computes the share × 100 of the automatic e-mail reminders sent in the period whose invoices
 * were all settled in time. They are settled in time when each has a balance of zero or less at
 * the end of the sending day + `AUTOMATED_REMINDER_WINDOW_DAYS`, or of `to` when that comes
 * first. Returns null when none was sent.
 */
export function automatedReminderSuccessRate(
  reminders: readonly AutomatedReminderFact[],
  to: IsoDate,
): number | null {
  if (reminders.length === 0) return null;
  let settled = 0;
  for (const reminder of reminders) {
    const sentOn = parseIsoDate(reminder.sentOn, 'reminder sent date');
    const windowEnd = minDate(addDays(sentOn, AUTOMATED_REMINDER_WINDOW_DAYS), to);
    if (reminder.invoices.length === 0) {
      throw new RangeError(`Invalid reminder sent on ${sentOn}: it covers no invoice.`);
    }
    if (reminder.invoices.every((invoice) => settledBy(invoice, windowEnd))) settled += 1;
  }
  return (settled * 100) / reminders.length;
}

/**
 * Sums the minutes and counts the manual and the automated interactions. A missing minute count
 * counts as 0, and an automated e-mail always counts 0 minutes because sending it costs no
 * minutes of work. All four are null when the group has no interaction in the period.
 */
export function timeSpentOnCollections(interactions: readonly InteractionFact[]): TimeSpent {
  if (interactions.length === 0) {
    return {
      manualCollectionMinutes: null,
      automatedCollectionMinutes: null,
      manualInteractions: null,
      automatedInteractions: null,
    };
  }
  const spent = { manualMinutes: 0, automatedMinutes: 0, manual: 0, automated: 0 };
  for (const interaction of interactions) {
    const minutes = interaction.minutes ?? 0;
    if (!Number.isSafeInteger(minutes) || minutes < 0) {
      throw new RangeError(
        `Invalid minutes ${String(minutes)}: expected whole minutes, 0 or more.`,
      );
    }
    if (interaction.automated) {
      spent.automated += 1;
      if (interaction.kind !== 'email') spent.automatedMinutes += minutes;
    } else {
      spent.manual += 1;
      spent.manualMinutes += minutes;
    }
  }
  return {
    manualCollectionMinutes: spent.manualMinutes,
    automatedCollectionMinutes: spent.automatedMinutes,
    manualInteractions: spent.manual,
    automatedInteractions: spent.automated,
  };
}

/** A DSO window: credit sales in [from, to] and receivables at the end of `to`. */
export interface DsoWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * Returns the `DSO_COMPARISON_MONTHS` whole calendar months before the month of the first sent
 * reminder, and as many after it. The month of the first reminder itself mixes both, so it is
 * in neither window.
 */
export function reminderDsoWindows(firstSentOn: IsoDate): {
  before: DsoWindow;
  after: DsoWindow;
} {
  const month = firstOfMonth(parseIsoDate(firstSentOn, 'first reminder date'));
  return {
    before: {
      from: addMonths(month, -DSO_COMPARISON_MONTHS),
      to: addDays(month, -1),
    },
    after: {
      from: addMonths(month, 1),
      to: lastOfMonth(addMonths(month, DSO_COMPARISON_MONTHS)),
    },
  };
}

/** Receivables at the end of a window, credit sales in it and its length in days. */
export interface DsoWindowFacts {
  readonly receivablesCents: number;
  readonly creditSalesCents: number;
  readonly days: number;
}

/**
 * Computes the DSO of the window before and of the window after the first reminder with the
 * `dso` formula. A window that lacks data is passed as null. Both results are null when either
 * window lacks data or has no credit sales, because one figure alone compares with nothing.
 */
export function dsoAroundReminders(
  before: DsoWindowFacts | null,
  after: DsoWindowFacts | null,
): { dsoBeforeReminders: number | null; dsoAfterReminders: number | null } {
  const dsoOf = (facts: DsoWindowFacts | null) =>
    facts === null
      ? null
      : dso(
          assertCents(facts.receivablesCents, 'receivables'),
          assertCents(facts.creditSalesCents, 'credit sales'),
          facts.days,
        );
  const beforeDso = dsoOf(before);
  const afterDso = dsoOf(after);
  if (beforeDso === null || afterDso === null) {
    return { dsoBeforeReminders: null, dsoAfterReminders: null };
  }
  return { dsoBeforeReminders: beforeDso, dsoAfterReminders: afterDso };
}

/** Returns the days in a window, both ends counted. */
export function windowDays(window: DsoWindow): number {
  return daysInclusive(window.from, window.to);
}

/** Rounds the shares and days to `places` decimals, because minutes and counts are whole. */
export function roundCollectionActivity(
  metrics: CollectionActivityMetrics,
  places = 2,
): CollectionActivityMetrics {
  const round = (value: number | null) => roundMetric(value, places);
  return {
    ...metrics,
    collectionSuccessRate: round(metrics.collectionSuccessRate),
    timeToFirstContact: round(metrics.timeToFirstContact),
    communicationResponseRate: round(metrics.communicationResponseRate),
    automatedReminderSuccessRate: round(metrics.automatedReminderSuccessRate),
    dsoBeforeReminders: round(metrics.dsoBeforeReminders),
    dsoAfterReminders: round(metrics.dsoAfterReminders),
  };
}

function settledBy(invoice: InvoiceBalanceFact, day: IsoDate): boolean {
  return balanceAt(invoice.amountCents, invoice.reductions, day) <= 0;
}
