import type { IsoDate } from '../../shared/calendar-date.ts';
import type { ReminderLine } from '../../shared/dunning/reminder-message.ts';
import type { Ledger } from '../ledger/database.ts';

/**
 * Later than any date a ledger holds: passed as `paidUpTo`, every payment recorded counts, so
 * that a reminder going out never requests money already received, even with the clock set
 * back or a payment dated ahead.
 */
export const EVERY_PAYMENT: IsoDate = '9999-12-31';

export interface InvoiceLine extends ReminderLine {
  readonly invoiceId: number;
  /** The sale invoice a line belongs to: itself, or the invoice a fee was charged on. */
  readonly saleInvoiceId: number;
}

/**
 * Reads what a reminder about `saleInvoiceIds` requests at the end of `asOf`: each sale invoice
 * with a balance, followed by the late fees charged on it that are still owed. Lines with
 * nothing owed are left out, so a payment recorded since the reminder was queued shows.
 * Payments count up to `paidUpTo`: delivery counts every payment recorded, so that a clock
 * set back after a payment never requests money already received.
 */
export function reminderLines(
  db: Ledger,
  saleInvoiceIds: readonly number[],
  asOf: IsoDate,
  paidUpTo: IsoDate = asOf,
): InvoiceLine[] {
  if (saleInvoiceIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT i.id AS invoiceId, COALESCE(i.fee_for_invoice_id, i.id) AS saleInvoiceId,
              i.number, i.due_date AS dueDate, i.currency, s.number AS feeFor,
              i.amount_cents - COALESCE((
                SELECT SUM(a.amount_cents) FROM allocations a
                WHERE a.invoice_id = i.id AND a.voided_at IS NULL AND a.applied_on <= @paidUpTo
              ), 0) AS balanceCents
       FROM invoices i LEFT JOIN invoices s ON s.id = i.fee_for_invoice_id
       WHERE (i.id IN (SELECT value FROM json_each(@ids))
              OR i.fee_for_invoice_id IN (SELECT value FROM json_each(@ids)))
         AND i.voided_at IS NULL AND i.status = 'issued' AND i.invoice_date <= @asOf
       ORDER BY COALESCE(s.due_date, i.due_date), saleInvoiceId, i.kind DESC, i.id`,
    )
    .all({ ids: JSON.stringify(saleInvoiceIds), asOf, paidUpTo }) as InvoiceLine[];
  return rows.filter((row) => row.balanceCents > 0);
}

/**
 * Returns which of `saleInvoiceIds` are kept out of reminders at the end of `asOf`: disputed,
 * on a payment plan or placed with an agency on that day.
 */
export function heldInvoiceIds(
  db: Ledger,
  saleInvoiceIds: readonly number[],
  asOf: IsoDate,
): Set<number> {
  if (saleInvoiceIds.length === 0) return new Set();
  const ids = db
    .prepare(
      `SELECT value FROM json_each(@ids) AS i
       WHERE EXISTS (
         SELECT 1 FROM disputes d WHERE d.invoice_id = i.value AND d.opened_on <= @asOf
           AND (d.resolved_on IS NULL OR d.resolved_on > @asOf)
       ) OR EXISTS (
         SELECT 1 FROM collection_holds h WHERE h.invoice_id = i.value AND h.from_date <= @asOf
           AND (h.to_date IS NULL OR h.to_date >= @asOf)
       )`,
    )
    .pluck()
    .all({ ids: JSON.stringify(saleInvoiceIds), asOf }) as number[];
  return new Set(ids);
}
