/**
 * The kinds of credit note. A commercial credit corrects or reduces a sale. An early-payment
 * discount is the reduction the terms offered for paying early. A write-off gives up on money
 * the client owes.
 */
export type CreditNoteKind = 'credit' | 'early-payment-discount' | 'write-off';

const writeOffWords = /write[\s-]*off|written[\s-]*off|bad[\s-]*debt/i;

/**
 * Reads the kind of an imported credit note from its reason. Accounting exports carry no kind
 * column, so a reason naming a write-off or bad debt ("Written off", "Bad debt 2025") is the
 * only sign of one. Every other credit note is a commercial credit.
 */
export function creditNoteKindFromReason(reason: string | null): CreditNoteKind {
  return reason !== null && writeOffWords.test(reason) ? 'write-off' : 'credit';
}
