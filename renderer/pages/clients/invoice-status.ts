/** Text of an invoice's Status column on the client page. */
export type InvoiceStatusLabel = 'draft' | 'paid' | 'part paid' | 'open';

interface InvoiceFigures {
  /** The ledger's status, 'draft' or 'issued'. An issued invoice may be paid or not. */
  readonly status: string;
  readonly amountCents: number;
  /** Amount less what was applied to the invoice by the as-of date. */
  readonly balanceCents: number;
}

/**
 * Names an invoice's state at the as-of date from its balance: paid when nothing is left,
 * part paid when some of the amount was applied, open when none was. A draft stays a draft
 * whatever its balance, because it is not yet owed.
 */
export function invoiceStatusLabel(invoice: InvoiceFigures): InvoiceStatusLabel {
  if (invoice.status === 'draft') return 'draft';
  if (invoice.balanceCents === 0) return 'paid';
  if (invoice.balanceCents > 0 && invoice.balanceCents < invoice.amountCents) return 'part paid';
  return 'open';
}
