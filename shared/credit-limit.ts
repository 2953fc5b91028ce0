/**
 * Checks whether a new invoice keeps a client within its credit limit. The limit applies to the
 * open invoice balance in the limit's own currency. Invoices in another currency are not held
 * against it, because converting would need a dated rate the ledger may not have.
 */

import { assertCents, formatMoney } from './money.ts';

export interface CreditLimit {
  readonly cents: number;
  readonly currency: string;
}

export type CreditLimitCheck =
  | { readonly status: 'no-limit' }
  | { readonly status: 'other-currency'; readonly limit: CreditLimit }
  | {
      readonly status: 'within' | 'exceeds';
      readonly limit: CreditLimit;
      readonly balanceAfterCents: number;
      /** Open balance after the invoice ÷ limit: 1.25 means 125% of the limit. */
      readonly utilisationAfter: number;
      /** By how much the balance after the invoice exceeds the limit; 0 when within it. */
      readonly overByCents: number;
    };

/**
 * Checks an invoice of `amountCents` in `currency` against `limit`, given the client's open
 * invoice balance in the limit's currency before it. A balance that reaches the limit exactly
 * is within it. A limit of zero means no credit at all, so any invoice exceeds it.
 */
export function checkCreditLimit(
  limit: CreditLimit | null,
  openBalanceCents: number,
  amountCents: number,
  currency: string,
): CreditLimitCheck {
  if (limit === null) return { status: 'no-limit' };
  if (limit.currency !== currency) return { status: 'other-currency', limit };
  assertCents(limit.cents, 'credit limit');
  const balanceAfterCents = assertCents(openBalanceCents + amountCents, 'balance after invoice');
  const overByCents = Math.max(0, balanceAfterCents - limit.cents);
  return {
    status: overByCents > 0 ? 'exceeds' : 'within',
    limit,
    balanceAfterCents,
    utilisationAfter: limit.cents === 0 ? Infinity : balanceAfterCents / limit.cents,
    overByCents,
  };
}

/**
 * Returns a warning for a check that exceeds the limit or could not be made because the
 * invoice is in another currency than the limit; null when there is nothing to say.
 */
export function creditLimitWarning(
  clientName: string,
  check: CreditLimitCheck,
  currency: string,
  tense: 'would' | 'now' = 'would',
): string | null {
  if (check.status === 'other-currency') {
    return (
      `${clientName} has a credit limit in ${check.limit.currency} only, so this ${currency} ` +
      'invoice was not checked against it'
    );
  }
  if (check.status !== 'exceeds') return null;
  const { limit } = check;
  return (
    `${clientName} ${tense === 'would' ? 'would owe' : 'now owes'} ` +
    `${formatMoney(check.balanceAfterCents, limit.currency)}, ` +
    `${formatMoney(check.overByCents, limit.currency)} over its credit limit of ` +
    `${formatMoney(limit.cents, limit.currency)}`
  );
}
