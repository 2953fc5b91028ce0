import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/ledger/database.ts';
import { agingReport } from '../../electron/reports/aging-report.ts';
import { hasIbmSample, ibmSamplePath } from '../support/ibm-sample.ts';
import { expectedAgingTotals, shownAgingTotals } from './aging-figures.ts';
import { hasChromium, openBrowserSession, type BrowserSession } from './browser-session.ts';

/** Aging of the ledger file as the reports module computes it, away from the UI. */
function reportedUsdAging(dbPath: string, asOf: string) {
  const db = openLedger(dbPath, { readOnly: true });
  try {
    const usd = agingReport(db, asOf).currencies.USD;
    if (!usd) throw new Error(`The ledger has no USD aging at ${asOf}.`);
    return usd;
  } finally {
    db.close();
  }
}

// The steps build on each other: the import fills the ledger the later steps read.
describe.skipIf(!hasChromium || !hasIbmSample).sequential('import wizard on IBM sample', () => {
  const folder = mkdtempSync(join(tmpdir(), 'duedesk-e2e-'));
  const dbPath = join(folder, 'ledger.sqlite');
  let session: BrowserSession;

  beforeAll(async () => {
    openLedger(dbPath).close();
    session = await openBrowserSession(dbPath);
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('imports the file through the file chooser', async () => {
    const { page } = session;
    await session.open('#/import');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a CSV file…' }).click();
    await (await chooser).setFiles(ibmSamplePath);
    await expect.poll(() => page.getByText('Chosen: ar-ibm.csv').count()).toBe(1);

    await page.getByLabel('Preset').selectOption('ibm-ar');
    await page.getByLabel('Currency of rows that state none').selectOption('USD');
    await expect.poll(() => page.getByText('No problems in the rows shown.').count()).toBe(1);
    await expect
      .poll(() => page.getByLabel('Field for column InvoiceAmount').inputValue())
      .toBe('amount');
    await session.screenshot('import-preview');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const status = page.getByRole('status');
    await expect.poll(() => status.innerText(), { timeout: 30_000 }).toMatch(/Imported as batch/);
    const summary = await status.locator('tr').allInnerTexts();
    expect(summary).toContain('Invoices\t2,466');
    expect(summary).toContain('New clients\t100');
    await session.screenshot('import-result');
  });

  it('shows the aging totals the report computes', async () => {
    const { page } = session;
    await session.open('#/aging');
    await page.getByLabel('As of').fill('2013-06-30');
    const usd = reportedUsdAging(dbPath, '2013-06-30');
    expect(usd.total).toBe(511_985);
    expect(usd.count).toBe(84);
    await expect.poll(() => shownAgingTotals(page)).toEqual(expectedAgingTotals(usd, 'USD'));
    await expect.poll(() => page.getByText('84 of 84 open invoices shown').count()).toBe(1);
    await session.screenshot('aging');
  });

  it('changes the figures with the as-of date', async () => {
    const { page } = session;
    const before = await shownAgingTotals(page);
    await page.getByLabel('As of').fill('2013-03-31');
    const usd = reportedUsdAging(dbPath, '2013-03-31');
    await expect.poll(() => shownAgingTotals(page)).toEqual(expectedAgingTotals(usd, 'USD'));
    expect(await shownAgingTotals(page)).not.toEqual(before);
    await expect.poll(() => page.getByText('At the end of 31 March 2013').count()).toBe(1);
  });

  it('opens a client from an aging row', async () => {
    const { page } = session;
    const firstRow = page.getByRole('region', { name: 'By client' }).locator('tbody tr').first();
    const clientName = await firstRow.locator('th').innerText();
    await firstRow.click();
    await expect.poll(() => page.evaluate('location.hash')).toMatch(/^#\/clients\/\d+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(clientName);
    await expect.poll(() => page.getByRole('region', { name: /^Invoices/ }).count()).toBe(1);
    await session.screenshot('client-ibm');
  });

  it('opens a client with Enter on an invoice row', async () => {
    const { page } = session;
    await session.open('#/aging');
    const detail = page.getByRole('region', { name: 'Open invoices' });
    await detail.locator('tbody tr[data-row-index="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.evaluate('document.activeElement?.getAttribute("data-row-index")'))
      .toBe('1');
    const second = detail.locator('tbody tr[data-row-index="1"]');
    const clientName = await second.locator('td').first().innerText();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(clientName);
  });

  it('raised no page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
