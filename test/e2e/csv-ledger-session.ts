import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../../electron/import/import-file.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { openBrowserSession, type BrowserSession } from './browser-session.ts';

export interface CsvLedgerSession {
  readonly session: BrowserSession;
  /** The ledger file the window shows, for reading back what it saved. */
  readonly dbPath: string;
  /** Closes the window and deletes the ledger's folder. */
  close(): Promise<void>;
}

/**
 * Creates a ledger in a folder of its own from one CSV of invoices in `currency`, and opens
 * the window on it: the set-up of a test that needs a client or two and not a whole history.
 */
export async function openCsvLedgerSession(
  csv: string,
  currency = 'USD',
): Promise<CsvLedgerSession> {
  const folder = mkdtempSync(join(tmpdir(), 'duedesk-e2e-'));
  const dbPath = join(folder, 'ledger.sqlite');
  const file = join(folder, 'invoices.csv');
  writeFileSync(file, csv);
  const db = openLedger(dbPath);
  try {
    const result = await importFile(db, file, { currency });
    if (result.status !== 'imported') {
      throw new Error(`The test ledger was not imported: ${result.status}.`);
    }
  } finally {
    db.close();
  }
  const session = await openBrowserSession(dbPath);
  return {
    session,
    dbPath,
    async close() {
      await session.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
