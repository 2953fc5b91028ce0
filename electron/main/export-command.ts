import { extname, join } from 'node:path';
import { app } from 'electron';
import { localToday } from '../../shared/calendar-date.ts';
import { openLedger } from '../ledger/database.ts';
import { isLedgerFile } from '../ledger/ledger-files.ts';
import { exportInvoicesCsv } from '../reports/invoice-export.ts';
import type { DesktopContext } from './desktop-context.ts';
import { chooseFileToSave, showFailure, showInformation } from './dialogs.ts';

/**
 * File › Export Invoices…: writes every invoice of the open ledger, as of today, to a CSV
 * file the user picks, in the format of `duedesk export invoices`.
 */
export async function exportInvoicesCommand(context: DesktopContext): Promise<void> {
  const ledgerPath = context.ledger.path;
  if (ledgerPath === null) return;
  const asOf = localToday();
  const chosen = await chooseFileToSave(context.window(), {
    title: 'Export Invoices',
    defaultPath: join(app.getPath('documents'), `invoices-${asOf}.csv`),
    filters: [{ name: 'CSV files', extensions: ['csv'] }],
  });
  if (chosen === null) return;
  const out = extname(chosen) === '' ? `${chosen}.csv` : chosen;
  try {
    if (isLedgerFile(out, ledgerPath)) {
      throw new Error(`${out} is the ledger itself: choose another file name.`);
    }
    // NOTE: this reads the ledger on the main thread, through a second, read-only connection
    // that WAL mode allows beside the worker's. Rows stream to the file in chunks with the
    // event loop free between them, but a very large ledger can still slow the window.
    const db = openLedger(ledgerPath, { readOnly: true });
    try {
      const { rows } = await exportInvoicesCsv(db, out, asOf);
      await showInformation(context.window(), 'Invoices exported.', `${rows} invoices to ${out}`);
    } finally {
      db.close();
    }
  } catch (error) {
    await showFailure(context.window(), 'Exporting the invoices', error);
  }
}
