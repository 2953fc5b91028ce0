/**
 * The overdue lines of a dunning letter: issued invoices and late fees past due with a
 * balance on the letter's date, less those the reminder pass holds back.
 */

import { daysBetween, type IsoDate } from '../../../../shared/calendar-date.ts';
import type { ReminderLine } from '../../../../shared/dunning/reminder-message.ts';
import { heldInvoiceIds } from '../../../collections/reminder-lines.ts';
import type { Ledger } from '../../../ledger/database.ts';

/** One overdue invoice or late fee that the letter requests the client to pay. */
export interface OverdueLine extends ReminderLine {
  readonly invoiceId: number;
  readonly saleInvoiceId: number;
  readonly invoiceDate: IsoDate;
  readonly amountCents: number;
  readonly daysOverdue: number;
}

/**
 * Reads the client's overdue lines at the end of `asOf`: issued invoices and late fees due
 * before that day with a balance after the allocations applied by then. Invoices disputed,
 * on a payment plan or placed with an agency on that day are left out, with their fees, as
 * the reminder pass leaves them out.
 */
export function overdueLines(
  db: Ledger,
  clientId: number,
  asOf: IsoDate,
  currency: string | null,
): OverdueLine[] {
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT i.id AS invoiceId, COALESCE(i.fee_for_invoice_id, i.id) AS saleInvoiceId,
                i.number, i.invoice_date AS invoiceDate, i.due_date AS dueDate, i.currency,
                i.amount_cents AS amountCents, s.number AS feeFor,
                COALESCE(s.due_date, i.due_date) AS saleDueDate, i.kind,
                i.amount_cents - COALESCE((
                  SELECT SUM(a.amount_cents) FROM allocations a
                  WHERE a.invoice_id = i.id AND a.voided_at IS NULL AND a.applied_on <= @asOf
                ), 0) AS balanceCents
         FROM invoices i LEFT JOIN invoices s ON s.id = i.fee_for_invoice_id
         WHERE i.client_id = @clientId AND i.voided_at IS NULL AND i.status = 'issued'
           AND i.invoice_date <= @asOf AND i.due_date < @asOf
           AND (@currency IS NULL OR i.currency = @currency)
       ) lines
       WHERE balanceCents > 0
       ORDER BY saleDueDate, saleInvoiceId, kind DESC, invoiceId`,
    )
    .all({ clientId, asOf, currency }) as (Omit<OverdueLine, 'daysOverdue'> & {
    saleDueDate: IsoDate;
    kind: string;
  })[];

  const held = heldInvoiceIds(db, [...new Set(rows.map((row) => row.saleInvoiceId))], asOf);
  return rows
    .filter((row) => !held.has(row.saleInvoiceId))
    .map((row) => ({
      invoiceId: row.invoiceId,
      saleInvoiceId: row.saleInvoiceId,
      number: row.number,
      invoiceDate: row.invoiceDate,
      dueDate: row.dueDate,
      currency: row.currency,
      amountCents: row.amountCents,
      balanceCents: row.balanceCents,
      feeFor: row.feeFor,
      daysOverdue: daysBetween(row.dueDate, asOf),
    }));
}
