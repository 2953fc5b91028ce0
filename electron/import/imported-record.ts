import type { IsoDate } from '../../shared/calendar-date.ts';

/** Who a row belongs to: `code` identifies the client, `name` is what people read. */
export interface ClientRef {
  readonly code: string;
  readonly name: string;
  readonly email: string | null;
  readonly country: string | null;
}

interface RecordBase {
  /** Physical line of the row in the file, for messages and the audit trail. */
  readonly line: number;
  readonly client: ClientRef | null;
  readonly date: IsoDate;
  readonly amountCents: number;
  readonly currency: string;
}

export interface ImportedInvoice extends RecordBase {
  readonly kind: 'invoice';
  readonly client: ClientRef;
  readonly number: string;
  readonly dueDate: IsoDate;
  readonly status: 'draft' | 'issued';
  readonly disputed: boolean;
  /** Paid in full on this date (files that record a settlement date). */
  readonly settledDate: IsoDate | null;
  /** Paid before the export, on a date the file does not give. */
  readonly paidBeforeImportCents: number;
  readonly memo: string | null;
  /** Payment terms the row states, snapshotted on the invoice. */
  readonly termsDays: number | null;
}

export interface ImportedPayment extends RecordBase {
  readonly kind: 'payment';
  readonly invoiceNumber: string | null;
  readonly reference: string | null;
  readonly method: string | null;
}

export interface ImportedCreditNote extends RecordBase {
  readonly kind: 'credit_note';
  readonly number: string | null;
  readonly invoiceNumber: string | null;
  readonly reason: string | null;
}

export type ImportedRecord = ImportedInvoice | ImportedPayment | ImportedCreditNote;

/** Why one row of a file was rejected. */
export interface RowError {
  readonly line: number;
  /** The column's header text as it appears in the file, or null for the whole row. */
  readonly column: string | null;
  readonly value: string | null;
  readonly reason: string;
}
