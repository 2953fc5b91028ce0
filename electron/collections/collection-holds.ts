import { parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';

export type HoldKind = 'payment-plan' | 'agency';

export interface CollectionHold {
  readonly holdId: number;
  readonly invoiceNumber: string;
  readonly kind: HoldKind;
  readonly from: IsoDate;
  /** The last day of the hold, or null while it lasts. */
  readonly to: IsoDate | null;
}

/**
 * Keeps an invoice out of reminders from `from` to `to` (open-ended when null), because it is
 * being paid by a plan or collected by an agency: reminding the client then would contradict
 * the arrangement. Raises, writing nothing, for an unknown invoice or dates out of order.
 */
export function holdInvoice(
  db: Ledger,
  invoiceNumber: string,
  kind: HoldKind,
  from: IsoDate,
  to: IsoDate | null,
  note: string | null = null,
): CollectionHold {
  parseIsoDate(from, 'hold start');
  if (to !== null) {
    parseIsoDate(to, 'hold end');
    if (to < from) {
      throw new RangeError(`The hold ends on ${to}, before it starts on ${from}: swap the dates.`);
    }
  }
  return db.transaction(() => {
    const invoiceId = db
      .prepare(`SELECT id FROM invoices WHERE number = ? AND voided_at IS NULL`)
      .pluck()
      .get(invoiceNumber) as number | undefined;
    if (invoiceId === undefined) {
      throw new RangeError(`No invoice numbered ${invoiceNumber}: check the number.`);
    }
    const result = db
      .prepare(
        `INSERT INTO collection_holds (invoice_id, kind, from_date, to_date, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(invoiceId, kind, from, to, note, new Date().toISOString());
    const holdId = Number(result.lastInsertRowid);
    recordAudit(db, {
      action: 'hold',
      entity: 'invoice',
      entityId: invoiceId,
      details: { kind, from, to, note },
    });
    return { holdId, invoiceNumber, kind, from, to };
  })();
}
