import { parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';

export interface WriteOff {
  readonly creditNoteId: number;
  readonly number: string;
  readonly invoiceNumber: string;
  readonly amountCents: number;
  readonly currency: string;
  readonly date: IsoDate;
}

/**
 * Writes off what is left of an invoice on `date` with a credit note of kind `write-off` for
 * the balance still owed, allocated to the invoice. So the receivable leaves the aging, and the
 * client's risk score counts the loss. Raises, writing nothing, when the invoice is unknown,
 * voided or paid, or when `date` comes before the invoice or before a payment, credit or fee
 * already recorded on it: a write-off dated earlier would leave those records owing less than
 * nothing.
 */
export function writeOffInvoice(
  db: Ledger,
  invoiceNumber: string,
  date: IsoDate,
  reason: string,
): WriteOff {
  parseIsoDate(date, 'write-off date');
  const statedReason = reason.trim();
  if (statedReason === '') {
    throw new RangeError('Give the reason for the write-off, such as "Client insolvent".');
  }
  return db
    .transaction(() => {
      const invoice = db
        .prepare(
          `SELECT i.id, i.client_id AS clientId, i.currency, i.invoice_date AS invoiceDate,
                  i.voided_at AS voidedAt,
                  i.amount_cents - COALESCE((
                    SELECT SUM(a.amount_cents) FROM allocations a
                    WHERE a.invoice_id = i.id AND a.voided_at IS NULL
                  ), 0) AS balanceCents,
                  (SELECT MAX(day) FROM (
                     SELECT a.applied_on AS day FROM allocations a
                     WHERE a.invoice_id = i.id AND a.voided_at IS NULL
                     UNION ALL
                     SELECT f.invoice_date FROM invoices f
                     WHERE f.fee_for_invoice_id = i.id AND f.voided_at IS NULL
                   )) AS lastRecordDate
           FROM invoices i WHERE i.number = ?`,
        )
        .get(invoiceNumber) as
        | {
            id: number;
            clientId: number;
            currency: string;
            invoiceDate: IsoDate;
            voidedAt: string | null;
            balanceCents: number;
            lastRecordDate: IsoDate | null;
          }
        | undefined;
      if (invoice === undefined) {
        throw new RangeError(`No invoice numbered ${invoiceNumber}: check the number.`);
      }
      if (invoice.voidedAt !== null) {
        throw new RangeError(`Invoice ${invoiceNumber} is voided: there is nothing to write off.`);
      }
      if (invoice.invoiceDate > date) {
        throw new RangeError(
          `Invoice ${invoiceNumber} is dated ${invoice.invoiceDate}, after the write-off date ` +
            `${date}: write it off on or after its date.`,
        );
      }
      if (invoice.lastRecordDate !== null && invoice.lastRecordDate > date) {
        throw new RangeError(
          `Invoice ${invoiceNumber} has a payment, credit or fee dated ${invoice.lastRecordDate}, ` +
            `after the write-off date ${date}: write it off on or after that day.`,
        );
      }
      if (invoice.balanceCents <= 0) {
        throw new RangeError(
          `Invoice ${invoiceNumber} has no balance left: there is nothing to write off.`,
        );
      }
      const now = new Date().toISOString();
      const number = unusedNumber(db, `${invoiceNumber}-WO`);
      const note = db
        .prepare(
          `INSERT INTO credit_notes (client_id, number, credit_date, amount_cents, currency,
             reason, kind, source_key, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 'write-off', ?, ?)`,
        )
        .run(
          invoice.clientId,
          number,
          date,
          invoice.balanceCents,
          invoice.currency,
          statedReason,
          `write-off:${invoice.id}:${date}`,
          now,
        );
      const creditNoteId = Number(note.lastInsertRowid);
      db.prepare(
        `INSERT INTO allocations (invoice_id, credit_note_id, amount_cents, applied_on, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      ).run(invoice.id, creditNoteId, invoice.balanceCents, date, now);
      recordAudit(db, {
        action: 'write-off',
        entity: 'invoice',
        entityId: invoice.id,
        details: {
          amountCents: invoice.balanceCents,
          currency: invoice.currency,
          date,
          reason: statedReason,
        },
      });
      return {
        creditNoteId,
        number,
        invoiceNumber,
        amountCents: invoice.balanceCents,
        currency: invoice.currency,
        date,
      };
    })
    .immediate();
}

/** Returns `base`, or `base-2`, `base-3`… when a credit note already has that number. */
function unusedNumber(db: Ledger, base: string): string {
  const taken = db.prepare('SELECT 1 FROM credit_notes WHERE number = ?').pluck();
  let candidate = base;
  for (let suffix = 2; taken.get(candidate) !== undefined; suffix += 1) {
    candidate = `${base}-${suffix}`;
  }
  return candidate;
}
