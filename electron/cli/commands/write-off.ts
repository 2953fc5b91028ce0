import { formatMoney } from '../../../shared/money.ts';
import { openLedger } from '../../ledger/database.ts';
import { writeOffInvoice } from '../../invoices/write-off.ts';
import type { CliIo } from '../io.ts';
import { dateOption, parseCommandArgs, requireOption } from '../options.ts';

export const writeOffUsage = `duedesk write-off --db PATH --invoice NUMBER --date DATE --reason TEXT

Writes off the balance an invoice still has at the end of the date: a credit note of kind
write-off, allocated to the invoice, so the debt leaves the aging and counts against the
client's risk score. It can be reversed only by voiding that credit note.

  --db PATH          ledger file
  --invoice NUMBER   the invoice's number
  --date DATE        YYYY-MM-DD, the day of the write-off
  --reason TEXT      why, for example "Client insolvent"`;

export function runWriteOff(args: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    invoice: { type: 'string' },
    date: { type: 'string' },
    reason: { type: 'string' },
  });
  const invoice = requireOption(values.invoice, '--invoice', 'INV-1042');
  const date = dateOption(values.date, '--date');
  const reason = requireOption(values.reason, '--reason', '"Client insolvent"');
  const db = openLedger(requireOption(values.db, '--db', 'ledger.db'), { mustExist: true });
  try {
    const written = writeOffInvoice(db, invoice, date, reason);
    io.out(
      `Wrote off ${formatMoney(written.amountCents, written.currency)} of invoice ` +
        `${written.invoiceNumber} on ${written.date} as credit note ${written.number}.`,
    );
    return 0;
  } finally {
    db.close();
  }
}
