import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar-date.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { hasChromium, openBrowserSession, type BrowserSession } from './browser-session.ts';

const invoiceCount = 100_000;
const asOf = '2026-11-30';

/** Builds a generic CSV of `count` unpaid invoices over 500 clients, dated through 2026. */
function openInvoicesCsv(count: number): string {
  const lines = ['Invoice,Date,Due Date,Customer,Amount'];
  for (let index = 0; index < count; index += 1) {
    const date = addDays('2026-01-01', index % 330);
    const due = addDays(date, 30);
    const amount = (100 + ((index * 7919) % 90_000) / 100).toFixed(2);
    lines.push(
      `L-${index + 1},${date},${due},Client ${String(index % 500).padStart(3, '0')},${amount}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe.skipIf(!hasChromium).sequential('aging detail of 100,000 invoices', () => {
  const folder = mkdtempSync(join(tmpdir(), 'duedesk-e2e-'));
  const dbPath = join(folder, 'ledger.sqlite');
  let session: BrowserSession;

  beforeAll(async () => {
    const csv = join(folder, 'open-invoices.csv');
    writeFileSync(csv, openInvoicesCsv(invoiceCount));
    const db = openLedger(dbPath);
    const result = await importFile(db, csv, { currency: 'USD', dateOrder: 'ymd' });
    db.close();
    if (result.status !== 'imported') throw new Error(`Seeding failed: ${result.status}`);
    session = await openBrowserSession(dbPath);
    await session.page.getByLabel('As of').fill(asOf);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps only the visible rows in the DOM', async () => {
    const { page } = session;
    await session.open('#/aging');
    const detail = page.getByRole('region', { name: 'Open invoices' });
    await expect
      .poll(() => detail.getByText('100,000 of 100,000 open invoices shown').count(), {
        timeout: 30_000,
      })
      .toBe(1);
    const rows = detail.locator('tbody tr[data-row-index]');
    expect(await rows.count()).toBeLessThan(60);
    expect(await detail.getByRole('table').getAttribute('aria-rowcount')).toBe('100001');
    await session.screenshot('aging-large');
    await detail
      .getByRole('heading', { name: 'Open invoices' })
      .evaluate((heading) => heading.scrollIntoView());
    await session.screenshot('aging-large-detail');
  });

  it('scrolls to the last row', async () => {
    const { page } = session;
    const detail = page.getByRole('region', { name: 'Open invoices' });
    await detail.locator('tbody tr[data-row-index="0"]').focus();
    const started = Date.now();
    await page.keyboard.press('End');
    const last = detail.locator(`tbody tr[data-row-index="${invoiceCount - 1}"]`);
    await expect.poll(() => last.count()).toBe(1);
    const elapsed = Date.now() - started;
    await expect
      .poll(() => page.evaluate('document.activeElement?.getAttribute("data-row-index")'))
      .toBe(String(invoiceCount - 1));
    expect(await detail.locator('tbody tr[data-row-index]').count()).toBeLessThan(60);
    // A generous bound: the jump renders about 30 rows, whatever the row count.
    expect(elapsed).toBeLessThan(2_000);
  });

  it('sorts and searches all rows', async () => {
    const { page } = session;
    const detail = page.getByRole('region', { name: 'Open invoices' });
    await detail.getByRole('button', { name: /Balance/ }).click();
    const header = detail.getByRole('columnheader', { name: /Balance/ });
    await expect.poll(() => header.getAttribute('aria-sort')).not.toBe('none');
    await page.getByLabel('Search').fill('L-99999');
    await expect
      .poll(() => detail.getByText('1 of 100,000 open invoices shown').count(), { timeout: 10_000 })
      .toBe(1);
    expect(await detail.locator('tbody tr[data-row-index="0"] th').innerText()).toBe('L-99999');
  });

  it('raised no page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
