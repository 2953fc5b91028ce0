import { existsSync, statSync } from 'node:fs';
import { localToday } from '../../../shared/calendar-date.ts';
import { openLedger } from '../../ledger/database.ts';
import { isLedgerFile } from '../../ledger/ledger-files.ts';
import { exportInvoicesCsv } from '../../reports/invoice-export.ts';
import { UsageError } from '../cli-error.ts';
import type { CliIo } from '../io.ts';
import { dateOption, parseCommandArgs, requireOption } from '../options.ts';

export const exportUsage = `duedesk export invoices --db PATH --out FILE [--format csv]
                        [--as-of DATE]

Writes one row per invoice: invoice_number, client_code, client, invoice_date, due_date,
amount, currency, status, settled_date, days_late, open_balance, days_past_due.
UTF-8 with a byte-order mark so that Excel reads it right; amounts as plain numbers with
their currency; text that a spreadsheet would run as a formula is prefixed with '.
--as-of (default today) is the day balances and settlements are read at.`;

export async function runExport(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    db: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'as-of': { type: 'string' },
  });
  if (positionals[0] !== 'invoices' || positionals.length > 1) {
    throw new UsageError('Name what to export: duedesk export invoices --db PATH --out FILE');
  }
  if ((values.format ?? 'csv') !== 'csv') {
    throw new UsageError(`Invalid --format "${values.format}": invoices export as csv.`);
  }
  const out = requireOption(values.out, '--out', 'invoices.csv');
  const dbPath = requireOption(values.db, '--db', 'ledger.db');
  if (isLedgerFile(out, dbPath)) {
    throw new UsageError(`--out ${out} is the ledger itself: choose another file name.`);
  }
  if (existsSync(out) && statSync(out).isDirectory()) {
    throw new UsageError(`--out ${out} is a folder: give a file name such as ${out}/invoices.csv.`);
  }
  const asOf = dateOption(values['as-of'], '--as-of', localToday());
  const db = openLedger(dbPath, { readOnly: true });
  try {
    const { rows } = await exportInvoicesCsv(db, out, asOf);
    io.out(`Wrote ${rows} invoices to ${out} (as of ${asOf}).`);
    return 0;
  } finally {
    db.close();
  }
}
