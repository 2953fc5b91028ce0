/**
 * The ledger fields an import can fill, and the record kinds a file can hold.
 * Column headers of a file map onto these fields, through a preset or `--map`.
 */

export type RecordKind = 'invoices' | 'payments' | 'credit_notes';

export const recordKinds: readonly RecordKind[] = ['invoices', 'payments', 'credit_notes'];

export const fieldIds = [
  'number',
  'date',
  'due_date',
  'terms_days',
  'client_code',
  'client_name',
  'client_email',
  'country',
  'amount',
  'amount_paid',
  'open_balance',
  'currency',
  'invoice_number',
  'settled_date',
  'status',
  'disputed',
  'type',
  'reference',
  'method',
  'memo',
] as const;

export type FieldId = (typeof fieldIds)[number];

export const fieldDescriptions: Record<FieldId, string> = {
  number: 'document number (invoice or credit note number)',
  date: 'document date (invoice, payment or credit date)',
  due_date: 'due date of an invoice',
  terms_days: 'payment terms in days, used when the due date is missing',
  client_code: "the client's id in the source system",
  client_name: "the client's name",
  client_email: "the client's e-mail address",
  country: "the client's country",
  amount: 'document amount',
  amount_paid: 'part of an invoice already paid when the file was exported',
  open_balance: 'part of an invoice still unpaid when the file was exported',
  currency: 'ISO 4217 currency code',
  invoice_number: 'the invoice a payment or credit note applies to',
  settled_date: 'date an invoice was paid in full',
  status: 'document status (draft, paid, voided...)',
  disputed: 'Yes/No: the invoice was disputed',
  type: 'transaction type (Invoice, Credit Memo, Payment...)',
  reference: 'payment reference',
  method: 'payment method',
  memo: 'memo or description',
};

export function isFieldId(value: string): value is FieldId {
  return (fieldIds as readonly string[]).includes(value);
}

/** Header text folded for matching: `Customer Full-Name ` and `customerfullname` match. */
export function normalizeHeader(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}#]+/gu, '');
}
