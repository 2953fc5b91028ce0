import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/ledger/database.ts';
import { agingReport } from '../../electron/reports/aging-report.ts';
import { hasIbmSample, ibmSamplePath } from '../support/ibm-sample.ts';
import { expectedAgingTotals, shownAgingTotals } from './aging-figures.ts';
import {
  hasChromium,
  openBrowserSession,
  viewport,
  type BrowserSession,
} from './browser-session.ts';

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

/**
 * Checks that Tab walks through every column's mapping select in order, each one inside the
 * window, so no mapping is out of reach of the keyboard or out of sight.
 */
async function expectMappingsReachable(page: Page) {
  const selects = page.getByRole('group', { name: 'Field each column is imported into' });
  const fields = selects.getByRole('combobox');
  const count = await fields.count();
  expect(count).toBe(12);
  // The window's width less its vertical scroll bar.
  const windowWidth = Number(await page.evaluate('document.documentElement.clientWidth'));
  await fields.first().focus();
  for (let index = 0; index < count; index += 1) {
    if (index > 0) await page.keyboard.press('Tab');
    const field = fields.nth(index);
    expect(await field.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(
      true,
    );
    const box = await field.boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? Infinity) + (box?.width ?? 0)).toBeLessThanOrEqual(windowWidth);
  }
}

/**
 * Checks the preview's sideways-scroll hint: present exactly when the rows are wider than
 * their frame, and the frame then scrolls with the arrow keys. A narrow window forces it.
 */
async function expectScrollHint(page: Page) {
  const frame = page.getByRole('region', { name: /^First \d+ rows of the file$/ });
  const hint = page.getByText('Scroll sideways to see all 12 columns.');
  const overflows = () => frame.evaluate((element) => element.scrollWidth > element.clientWidth);
  expect(await hint.count()).toBe((await overflows()) ? 1 : 0);

  await page.setViewportSize({ width: 900, height: viewport.height });
  try {
    await expect.poll(() => hint.count()).toBe(1);
    expect(await overflows()).toBe(true);
    expect(await frame.getAttribute('tabindex')).toBe('0');
    await frame.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frame.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  } finally {
    await page.setViewportSize(viewport);
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

  it('dashboard of an empty ledger has no DSO chart', async () => {
    const { page } = session;
    await session.open('#/dashboard');
    const dso = page.getByRole('region', { name: 'DSO by month' });
    await expect.poll(() => dso.getByText('No credit sales in these months.').count()).toBe(1);
    expect(await dso.locator('canvas').count()).toBe(0);
    expect(await page.locator('canvas').count()).toBe(1);
    await session.screenshot('dashboard-empty');
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
    await page
      .getByRole('region', { name: /^First \d+ rows of the file$/ })
      .evaluate((frame) => frame.scrollIntoView({ block: 'center' }));
    await session.screenshot('import-preview-rows');
    await expectMappingsReachable(page);
    await expectScrollHint(page);

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
    const byClient = page.getByRole('region', { name: 'By client' }).locator('.table-frame');
    expect(await byClient.evaluate((frame) => frame.scrollWidth - frame.clientWidth)).toBe(0);
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
    expect(session.consoleErrors).toEqual([]);
  });
});
