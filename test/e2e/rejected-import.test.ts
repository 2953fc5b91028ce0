import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoLedger } from '../../electron/demo/demo-ledger.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { hasChromium, openBrowserSession, type BrowserSession } from './browser-session.ts';

function countRows(dbPath: string): { invoices: number; clients: number; batches: number } {
  const db = openLedger(dbPath, { readOnly: true });
  try {
    const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
    return {
      invoices: count('invoices') as number,
      clients: count('clients') as number,
      batches: count('import_batches') as number,
    };
  } finally {
    db.close();
  }
}

describe.skipIf(!hasChromium)('import of a file with bad rows', () => {
  const folder = mkdtempSync(join(tmpdir(), 'duedesk-e2e-'));
  const dbPath = join(folder, 'ledger.sqlite');
  const badFile = join(folder, 'bad-dates.csv');
  let session: BrowserSession;

  beforeAll(async () => {
    const db = openLedger(dbPath);
    createDemoLedger(db, { clients: 20, invoices: 300, seed: 3, endDate: '2026-11-30' });
    db.close();
    // Line 4 has a day that February never has; line 5 an amount in words.
    writeFileSync(
      badFile,
      'Date,Invoice,Customer,Amount\n' +
        '03/04/2026,E-1,Delta Tools Ltd,10.00\n' +
        '13/04/2026,E-2,Delta Tools Ltd,20.00\n' +
        '31/02/2026,E-3,Delta Tools Ltd,30.00\n' +
        '14/04/2026,E-4,Delta Tools Ltd,twelve\n',
    );
    session = await openBrowserSession(dbPath);
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('lists every problem and imports nothing', async () => {
    const before = countRows(dbPath);
    expect(before.invoices).toBe(300);
    const { page } = session;
    await session.open('#/import');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a CSV file…' }).click();
    await (await chooser).setFiles(badFile);
    await page.getByLabel('Currency of rows that state none').selectOption('USD');
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    await expect.poll(() => importButton.isEnabled()).toBe(true);
    await importButton.click();
    const status = page.getByRole('status');
    await expect
      .poll(() => status.innerText(), { timeout: 30_000 })
      .toMatch(/Nothing was imported/);
    const table = status.getByRole('table', { name: /Rejected rows/ });
    const rows = await table.locator('tbody tr').allInnerTexts();
    // Each row reads line, column, value and reason, separated by tabs.
    const dateRow = rows.find((row) => row.startsWith('4\tDate\t31/02/2026\t'));
    expect(dateRow, rows.join('\n')).toBeDefined();
    expect(dateRow?.split('\t')[3]).not.toBe('');
    const amountRow = rows.find((row) => row.startsWith('5\tAmount\ttwelve\t'));
    expect(amountRow, rows.join('\n')).toBeDefined();
    await session.screenshot('import-rejected');

    expect(countRows(dbPath)).toEqual(before);
    expect(session.pageErrors).toEqual([]);
  });
});
