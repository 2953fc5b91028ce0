import { describeTerms } from '../../../shared/terms/payment-terms.ts';
import { formatMoney } from '../../../shared/money.ts';
import { openLedger } from '../../ledger/database.ts';
import { CreditLimitExceeded, issueInvoice } from '../../invoices/invoice-entry.ts';
import { readClientProfile } from '../../clients/client-profile.ts';
import type { CliIo } from '../io.ts';
import { amountOption, dateOption, parseCommandArgs, requireOption } from '../options.ts';

export const invoiceUsage = `duedesk invoice --db PATH --client CODE --number NUMBER --date DATE
                --amount AMOUNT [--currency CODE] [--terms ID] [--memo TEXT] [--over-limit]

Issues a sale invoice under the client's payment terms (or --terms): the due date follows from
the terms, and the terms are copied onto the invoice, so a later change of terms leaves it
alone. An invoice that would take the client's open balance over its credit limit is refused
with the figures, unless --over-limit is given; then it is issued with a warning.

  --db PATH          ledger file
  --client CODE      the client's code
  --number NUMBER    a number no other invoice has
  --date DATE        YYYY-MM-DD, the invoice date
  --amount AMOUNT    for example 1250.00
  --currency CODE    ISO 4217 code (default: the currency of the client's credit limit)
  --terms ID         a payment-terms template (see duedesk terms)
  --memo TEXT        a note printed with the invoice
  --over-limit       issue it even if it exceeds the credit limit`;

export function runInvoice(args: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    client: { type: 'string' },
    number: { type: 'string' },
    date: { type: 'string' },
    amount: { type: 'string' },
    currency: { type: 'string' },
    terms: { type: 'string' },
    memo: { type: 'string' },
    'over-limit': { type: 'boolean' },
  });
  const clientCode = requireOption(values.client, '--client', 'C-1001');
  const number = requireOption(values.number, '--number', 'INV-1042');
  const invoiceDate = dateOption(values.date, '--date');
  const db = openLedger(requireOption(values.db, '--db', 'ledger.db'), { mustExist: true });
  try {
    const currency =
      values.currency?.toUpperCase() ?? readClientProfile(db, clientCode).creditLimit?.currency;
    if (currency === undefined) {
      throw new RangeError(
        `Client ${clientCode} has no credit limit currency to default to: give --currency.`,
      );
    }
    const issued = issueInvoice(db, {
      clientCode,
      number,
      invoiceDate,
      amountCents: amountOption(values.amount, '--amount', currency),
      currency,
      ...(values.terms === undefined ? {} : { termsId: values.terms }),
      ...(values.memo === undefined ? {} : { memo: values.memo }),
      allowOverLimit: values['over-limit'] === true,
    });
    io.out(
      `Issued invoice ${issued.number} due ${issued.dueDate} under terms ${issued.terms.id} ` +
        `(${describeTerms(issued.terms, issued.currency)}).`,
    );
    const check = issued.creditCheck;
    if (check.status === 'within' || check.status === 'exceeds') {
      io.out(
        `Open balance now ${formatMoney(check.balanceAfterCents, check.limit.currency)}, ` +
          `${Math.round(check.utilisationAfter * 100)}% of the credit limit.`,
      );
    }
    if (issued.warning !== null) io.err(`Warning: ${issued.warning}.`);
    return 0;
  } catch (error) {
    if (error instanceof CreditLimitExceeded) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    db.close();
  }
}
