import { parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import {
  checkCreditLimit,
  creditLimitWarning,
  type CreditLimitCheck,
} from '../../shared/credit-limit.ts';
import { assertCents, parseCurrencyCode } from '../../shared/money.ts';
import { dueDateFor, type PaymentTerms } from '../../shared/terms/payment-terms.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';
import { openInvoicesAt } from '../ledger/receivables.ts';
import { clientTerms, findTermsTemplate } from '../terms/terms-store.ts';

export interface NewInvoice {
  readonly clientCode: string;
  readonly number: string;
  readonly invoiceDate: IsoDate;
  readonly amountCents: number;
  /** Defaults to the currency of the client's credit limit; without one it must be given. */
  readonly currency?: string;
  /** A template id; defaults to the client's own terms, else the ledger's default. */
  readonly termsId?: string;
  readonly memo?: string;
  /** Issue the invoice even though it takes the client over its credit limit. */
  readonly allowOverLimit?: boolean;
}

export interface IssuedInvoice {
  readonly invoiceId: number;
  readonly number: string;
  readonly currency: string;
  readonly dueDate: IsoDate;
  readonly terms: PaymentTerms;
  readonly creditCheck: CreditLimitCheck;
  /**
   * Set when the invoice took the client over its limit (allowed by `allowOverLimit`), or when
   * it is in another currency than the limit and so was not checked.
   */
  readonly warning: string | null;
}

/** An invoice refused because it would take the client over its credit limit. */
export class CreditLimitExceeded extends Error {
  constructor(
    message: string,
    readonly check: CreditLimitCheck,
  ) {
    super(message);
    this.name = 'CreditLimitExceeded';
  }
}

/**
 * Issues a sale invoice under the client's payment terms: the due date follows from the terms,
 * and the terms are copied onto the invoice. An invoice that would take the client's open
 * balance over its credit limit is refused unless `allowOverLimit` is set, and then issued
 * with a warning. Nothing is written when the invoice is refused.
 */
export function issueInvoice(db: Ledger, entry: NewInvoice): IssuedInvoice {
  const invoiceDate = parseIsoDate(entry.invoiceDate, 'invoice date');
  assertCents(entry.amountCents, 'invoice amount');
  if (entry.amountCents <= 0) {
    throw new RangeError(`Invalid invoice amount ${entry.amountCents}: expected more than 0.`);
  }
  const number = entry.number.trim();
  if (number === '')
    throw new RangeError('The invoice number is empty: give one, such as INV-1042.');
  return db
    .transaction(() => {
      const client = db
        .prepare(
          `SELECT id, name, credit_limit_cents AS limitCents, credit_limit_currency AS limitCurrency
         FROM clients WHERE code = ?`,
        )
        .get(entry.clientCode) as
        | { id: number; name: string; limitCents: number | null; limitCurrency: string | null }
        | undefined;
      if (client === undefined) {
        throw new RangeError(`No client with code "${entry.clientCode}": check the code.`);
      }
      const currency = parseCurrencyCode(
        entry.currency ?? client.limitCurrency ?? missingCurrency(entry.clientCode),
      );
      if (db.prepare('SELECT 1 FROM invoices WHERE number = ?').get(number) !== undefined) {
        throw new RangeError(`Invoice number ${number} is already in the ledger: use another.`);
      }
      const terms =
        entry.termsId === undefined
          ? clientTerms(db, client.id)
          : findTermsTemplate(db, entry.termsId);
      const limit =
        client.limitCents === null || client.limitCurrency === null
          ? null
          : { cents: client.limitCents, currency: client.limitCurrency };
      const creditCheck = checkCreditLimit(
        limit,
        outstandingBalance(db, client.id, currency),
        entry.amountCents,
        currency,
      );
      const warning = creditLimitWarning(client.name, creditCheck, currency);
      if (creditCheck.status === 'exceeds' && entry.allowOverLimit !== true) {
        throw new CreditLimitExceeded(
          `Invoice ${number} not issued: ${warning}. Raise the limit, take a payment first, ` +
            'or issue it over the limit on purpose.',
          creditCheck,
        );
      }
      // Issued over the limit on purpose: the warning says what the client owes now.
      const issuedWarning = creditLimitWarning(client.name, creditCheck, currency, 'now');
      const dueDate = dueDateFor(invoiceDate, terms);
      const inserted = db
        .prepare(
          `INSERT INTO invoices (client_id, number, invoice_date, due_date, amount_cents, currency,
           status, kind, terms, terms_snapshot, memo, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'issued', 'sale', ?, ?, ?, ?)`,
        )
        .run(
          client.id,
          number,
          invoiceDate,
          dueDate,
          entry.amountCents,
          currency,
          JSON.stringify({ netDays: terms.netDays }),
          JSON.stringify(terms),
          entry.memo ?? null,
          new Date().toISOString(),
        );
      const invoiceId = Number(inserted.lastInsertRowid);
      recordAudit(db, {
        action: 'issue',
        entity: 'invoice',
        entityId: invoiceId,
        details: {
          number,
          amountCents: entry.amountCents,
          currency,
          terms: terms.id,
          warning: issuedWarning,
        },
      });
      return { invoiceId, number, currency, dueDate, terms, creditCheck, warning: issuedWarning };
    })
    .immediate();
}

/**
 * Sums what the client owes in `currency` on its invoices today: every issued invoice less
 * everything applied to it, whatever their dates. A limit guards the exposure now, so an
 * invoice dated in the past must not slip under it by being compared with an older balance.
 */
export function outstandingBalance(db: Ledger, clientId: number, currency: string): number {
  let total = 0;
  for (const invoice of openInvoicesAt(db, latestDate, { clientId })) {
    if (invoice.currency === currency) total += invoice.balanceCents;
  }
  return total;
}

/** Later than any date a ledger holds, so that every record counts. */
const latestDate = '9999-12-31';

function missingCurrency(code: string): never {
  throw new RangeError(
    `Client ${code} has no credit limit currency to default to: give the invoice's currency.`,
  );
}
