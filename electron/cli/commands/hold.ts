import { holdInvoice, type HoldKind } from '../../collections/collection-holds.ts';
import { openLedger } from '../../ledger/database.ts';
import { UsageError } from '../cli-error.ts';
import type { CliIo } from '../io.ts';
import { dateOption, parseCommandArgs, requireOption } from '../options.ts';

export const holdUsage = `duedesk hold --db PATH --invoice NUMBER --kind payment-plan|agency
             --from DATE [--to DATE] [--note TEXT]

Keeps an invoice out of reminders while a payment plan or a collection agency deals with it,
from one day to another (or until further notice without --to). Disputes hold an invoice by
themselves.

  --db PATH          ledger file
  --invoice NUMBER   the invoice's number
  --kind KIND        payment-plan or agency
  --from DATE        YYYY-MM-DD, the first day of the hold
  --to DATE          YYYY-MM-DD, the last day (none: until further notice)
  --note TEXT        for example the plan's reference`;

export function runHold(args: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    invoice: { type: 'string' },
    kind: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    note: { type: 'string' },
  });
  const kind = requireOption(values.kind, '--kind', 'payment-plan');
  if (kind !== 'payment-plan' && kind !== 'agency') {
    throw new UsageError(`Unknown --kind "${kind}": use payment-plan or agency.`);
  }
  const invoice = requireOption(values.invoice, '--invoice', 'INV-1042');
  const from = dateOption(values.from, '--from');
  const to = values.to === undefined ? null : dateOption(values.to, '--to');
  const db = openLedger(requireOption(values.db, '--db', 'ledger.db'), { mustExist: true });
  try {
    const hold = holdInvoice(db, invoice, kind as HoldKind, from, to, values.note ?? null);
    io.out(
      `Invoice ${hold.invoiceNumber} is held for ${hold.kind === 'agency' ? 'an agency' : 'a payment plan'} from ${hold.from}` +
        (hold.to === null ? ' until further notice.' : ` to ${hold.to}.`),
    );
    return 0;
  } finally {
    db.close();
  }
}
