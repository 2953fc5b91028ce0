/**
 * Promises to pay: validation of a new promise, and the follow-up that marks it kept or broken.
 *
 * A promise is kept when the client's payments in its currency, dated from the day the promise
 * was made up to and including the promised date, add up to its amount. It is broken when the
 * promised date has passed without that. Each payment counts towards one promise only, so two
 * promises are not both kept by one payment. Promises take payments in the order of their
 * promised dates, and each takes the earliest payments of its window first.
 */

import { isIsoDate, minDate, type IsoDate } from '../calendar-date.ts';
import { formatMoney, isCurrencyCode } from '../money.ts';

export const promiseStatuses = ['open', 'kept', 'broken'] as const;
export type PromiseStatus = (typeof promiseStatuses)[number];

export interface PromiseInput {
  readonly amountCents: number;
  readonly currency: string;
  /** The day the client promised to have paid by. */
  readonly promisedFor: IsoDate;
  /** The day the client made the promise. */
  readonly madeOn: IsoDate;
}

/**
 * Lists what is wrong with `input`, one message per problem naming the value and the fix, or
 * an empty list. `today` is the last day a promise can have been made on.
 */
export function promiseProblems(input: PromiseInput, today: IsoDate): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    problems.push(
      `Invalid amount ${String(input.amountCents)}: a promise is for more than zero, in ` +
        'whole minor units.',
    );
  }
  if (!isCurrencyCode(input.currency)) {
    problems.push(
      `Invalid currency "${String(input.currency)}": give an ISO 4217 code such as USD.`,
    );
  }
  const madeOnValid = isIsoDate(input.madeOn);
  if (!madeOnValid) {
    problems.push(`Invalid promise day "${String(input.madeOn)}": give a day as YYYY-MM-DD.`);
  } else if (input.madeOn > today) {
    problems.push(
      `Invalid promise day ${input.madeOn}: it is after today, ${today}. Record a promise ` +
        'once the client has made it.',
    );
  }
  if (!isIsoDate(input.promisedFor)) {
    problems.push(
      `Invalid promised date "${String(input.promisedFor)}": give a day as YYYY-MM-DD.`,
    );
  } else if (madeOnValid && input.promisedFor < input.madeOn) {
    problems.push(
      `Invalid promised date ${input.promisedFor}: it is before the day the promise was ` +
        `made, ${input.madeOn}. Give that day or a later one.`,
    );
  }
  return problems;
}

/** Returns `input` when it is valid, or raises a RangeError listing every problem. */
export function checkPromise(input: PromiseInput, today: IsoDate): PromiseInput {
  const problems = promiseProblems(input, today);
  if (problems.length > 0) throw new RangeError(problems.join(' '));
  return input;
}

/** A stored promise, as the follow-up reads it. */
export interface PromiseFact {
  readonly id: number;
  readonly amountCents: number;
  readonly currency: string;
  readonly madeOn: IsoDate;
  readonly promisedFor: IsoDate;
  readonly status: PromiseStatus;
}

/** An unvoided payment of the client. */
export interface PaymentFact {
  readonly date: IsoDate;
  readonly amountCents: number;
  readonly currency: string;
}

export interface PromiseDecision {
  readonly id: number;
  readonly status: 'kept' | 'broken';
}

/**
 * Decides the open promises of one client at the end of `asOf`.
 *
 * A promise covered by payments dated in [made on, promised date] and on or before `asOf` is
 * kept, even before its date. A promise still uncovered when `asOf` is past its date is broken.
 * The others stay open. Kept and broken promises keep their status but still take the payments
 * of their windows, so a payment that kept one promise never keeps another.
 */
export function decidePromises(
  promises: readonly PromiseFact[],
  payments: readonly PaymentFact[],
  asOf: IsoDate,
): PromiseDecision[] {
  const left = [...payments]
    .sort((a, b) => {
      if (a.date < b.date) return -1;
      if (a.date > b.date) return 1;
      return 0;
    })
    .map((payment) => ({ ...payment, cents: payment.amountCents }));
  const ordered = [...promises].sort(
    (a, b) =>
      a.promisedFor.localeCompare(b.promisedFor) || a.madeOn.localeCompare(b.madeOn) || a.id - b.id,
  );
  const decisions: PromiseDecision[] = [];
  for (const promise of ordered) {
    const windowEnd = minDate(promise.promisedFor, asOf);
    let needed = promise.amountCents;
    for (const payment of left) {
      if (needed === 0) break;
      if (payment.currency !== promise.currency || payment.cents === 0) continue;
      if (payment.date < promise.madeOn || payment.date > windowEnd) continue;
      const taken = Math.min(needed, payment.cents);
      payment.cents -= taken;
      needed -= taken;
    }
    if (promise.status !== 'open') continue;
    if (needed === 0) decisions.push({ id: promise.id, status: 'kept' });
    else if (asOf > promise.promisedFor) decisions.push({ id: promise.id, status: 'broken' });
  }
  return decisions;
}

/** Returns the summary of the note logged when a promise is found broken. */
export function brokenPromiseNote(promise: PromiseInput): string {
  return (
    `Promise of ${formatMoney(promise.amountCents, promise.currency)} due ` +
    `${promise.promisedFor} broken`
  );
}
