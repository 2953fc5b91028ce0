/**
 * The lines of a client statement: every issued invoice, late fee, payment and credit note of
 * the period, voided ones left out, in the order the statement prints them. Each payment and
 * credit note lists the invoices it was applied to by the period's end, and how much of it is
 * still unapplied then, as the aging report counts it.
 */

import type { IsoDate } from '../../../../shared/calendar-date.ts';
import { formatMoney } from '../../../../shared/money.ts';
import type { Ledger } from '../../../ledger/database.ts';

/** One invoice, payment or credit note dated in the period, as a line of the statement. */
export interface StatementEntry {
  readonly date: IsoDate;
  /** Orders records of one day: invoices, then fees, credits, discounts, write-offs, payments. */
  readonly rank: number;
  readonly type: string;
  readonly reference: string;
  readonly description: string;
  readonly currency: string;
  /** Amount added to the balance by an invoice, or null for a payment or credit note. */
  readonly debitCents: number | null;
  /** Amount taken off the balance by a payment or credit note, or null for an invoice. */
  readonly creditCents: number | null;
  readonly id: number;
}

const creditNoteTypes: Record<string, { type: string; rank: number }> = {
  credit: { type: 'Credit note', rank: 2 },
  'early-payment-discount': { type: 'Early-payment discount', rank: 3 },
  'write-off': { type: 'Write-off', rank: 4 },
};
const PAYMENT_RANK = 5;

/**
 * Reads the client's issued invoices, payments and credit notes dated from `from` to `to`,
 * voided ones left out, in statement order: by date, then kind, then number. These are the
 * records that change the balance `agingReport` totals, and nothing else changes it.
 */
export function statementEntries(
  db: Ledger,
  clientId: number,
  from: IsoDate,
  to: IsoDate,
): StatementEntry[] {
  const params = { clientId, from, to };
  const applied = appliedInvoices(db, params);
  const entries: StatementEntry[] = [];

  const invoices = db
    .prepare(
      `SELECT i.id, i.number, i.invoice_date AS date, i.due_date AS dueDate,
              i.amount_cents AS cents, i.currency, i.kind, i.memo, f.number AS feeFor
       FROM invoices i LEFT JOIN invoices f ON f.id = i.fee_for_invoice_id
       WHERE i.client_id = @clientId AND i.invoice_date BETWEEN @from AND @to
         AND i.voided_at IS NULL AND i.status = 'issued'`,
    )
    .all(params) as {
    id: number;
    number: string;
    date: IsoDate;
    dueDate: IsoDate;
    cents: number;
    currency: string;
    kind: 'sale' | 'late-fee';
    memo: string | null;
    feeFor: string | null;
  }[];
  for (const invoice of invoices) {
    const fee = invoice.kind === 'late-fee';
    const about = fee ? `Late fee on invoice ${invoice.feeFor ?? '?'}` : invoice.memo?.trim();
    entries.push({
      date: invoice.date,
      rank: fee ? 1 : 0,
      type: fee ? 'Late fee' : 'Invoice',
      reference: invoice.number,
      description: [about, `due ${invoice.dueDate}`].filter(Boolean).join(', '),
      currency: invoice.currency,
      debitCents: invoice.cents,
      creditCents: null,
      id: invoice.id,
    });
  }

  const payments = db
    .prepare(
      `SELECT id, payment_date AS date, amount_cents AS cents, currency, method, reference
       FROM payments
       WHERE client_id = @clientId AND payment_date BETWEEN @from AND @to AND voided_at IS NULL`,
    )
    .all(params) as {
    id: number;
    date: IsoDate;
    cents: number;
    currency: string;
    method: string | null;
    reference: string | null;
  }[];
  for (const payment of payments) {
    const description = [
      payment.method?.trim(),
      applicationText(applied.get(`payment ${payment.id}`), payment.cents, payment.currency, to),
    ];
    entries.push({
      date: payment.date,
      rank: PAYMENT_RANK,
      type: 'Payment',
      reference: payment.reference?.trim() ?? '',
      description: description.filter(Boolean).join(', '),
      currency: payment.currency,
      debitCents: null,
      creditCents: payment.cents,
      id: payment.id,
    });
  }

  const credits = db
    .prepare(
      `SELECT id, number, credit_date AS date, amount_cents AS cents, currency, kind, reason
       FROM credit_notes
       WHERE client_id = @clientId AND credit_date BETWEEN @from AND @to AND voided_at IS NULL`,
    )
    .all(params) as {
    id: number;
    number: string | null;
    date: IsoDate;
    cents: number;
    currency: string;
    kind: string;
    reason: string | null;
  }[];
  for (const credit of credits) {
    const kind = creditNoteTypes[credit.kind] ?? { type: 'Credit note', rank: 2 };
    const description = [
      credit.reason?.trim(),
      applicationText(applied.get(`credit ${credit.id}`), credit.cents, credit.currency, to),
    ];
    entries.push({
      date: credit.date,
      rank: kind.rank,
      type: kind.type,
      reference: credit.number?.trim() ?? '',
      description: description.filter(Boolean).join(', '),
      currency: credit.currency,
      debitCents: null,
      creditCents: credit.cents,
      id: credit.id,
    });
  }

  return entries.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.rank - b.rank ||
      a.reference.localeCompare(b.reference, 'en', { numeric: true }) ||
      a.id - b.id,
  );
}

interface Application {
  readonly numbers: string[];
  cents: number;
}

/**
 * Maps each payment and credit note of the period, keyed `payment ID` or `credit ID`, to the
 * invoices it was applied to by the end of `to`. An allocation dated later, or to an invoice
 * issued later, leaves the money unapplied on `to`, as the aging report counts it.
 */
function appliedInvoices(
  db: Ledger,
  params: { clientId: number; from: IsoDate; to: IsoDate },
): Map<string, Application> {
  const rows = db
    .prepare(
      `SELECT CASE WHEN a.payment_id IS NOT NULL THEN 'payment ' || a.payment_id
                   ELSE 'credit ' || a.credit_note_id END AS source,
              i.number, a.amount_cents AS cents
       FROM allocations a JOIN invoices i ON i.id = a.invoice_id
       LEFT JOIN payments p ON p.id = a.payment_id
       LEFT JOIN credit_notes c ON c.id = a.credit_note_id
       WHERE a.voided_at IS NULL AND a.applied_on <= @to
         AND i.invoice_date <= @to AND i.voided_at IS NULL AND i.status = 'issued'
         AND (p.client_id = @clientId AND p.payment_date BETWEEN @from AND @to
              OR c.client_id = @clientId AND c.credit_date BETWEEN @from AND @to)
       ORDER BY a.applied_on, i.number, a.id`,
    )
    .all(params) as { source: string; number: string; cents: number }[];
  const applied = new Map<string, Application>();
  for (const row of rows) {
    const entry = applied.get(row.source) ?? { numbers: [], cents: 0 };
    if (!entry.numbers.includes(row.number)) entry.numbers.push(row.number);
    entry.cents += row.cents;
    applied.set(row.source, entry);
  }
  return applied;
}

/** Describes where the money went: "applied to A1 and A2, $50.00 unapplied on 2026-03-31". */
function applicationText(
  application: Application | undefined,
  amountCents: number,
  currency: string,
  to: IsoDate,
): string {
  const parts: string[] = [];
  if (application !== undefined) parts.push(`applied to ${listText(application.numbers)}`);
  const left = amountCents - (application?.cents ?? 0);
  if (left > 0) {
    parts.push(
      application === undefined
        ? `unapplied on ${to}`
        : `${formatMoney(left, currency)} unapplied on ${to}`,
    );
  }
  return parts.join(', ');
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
