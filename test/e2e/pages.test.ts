import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoLedger } from '../../electron/demo/demo-ledger.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { hasChromium, openBrowserSession, type BrowserSession } from './browser-session.ts';

const asOf = '2026-11-30';

describe.skipIf(!hasChromium).sequential('pages on a demo ledger', () => {
  const folder = mkdtempSync(join(tmpdir(), 'duedesk-e2e-'));
  const dbPath = join(folder, 'ledger.sqlite');
  let session: BrowserSession;

  beforeAll(async () => {
    const db = openLedger(dbPath);
    createDemoLedger(db, { clients: 300, invoices: 20_000, seed: 11, endDate: asOf });
    db.close();
    session = await openBrowserSession(dbPath);
    await session.page.getByLabel('As of').fill(asOf);
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('dashboard shows cards and charts', async () => {
    const { page } = session;
    await session.open('#/dashboard');
    const cards = page.locator('.metric-card');
    await expect.poll(() => cards.count()).toBe(5);
    const labels = await cards.locator('h2').allInnerTexts();
    expect(labels).toEqual([
      'Total receivables',
      'Overdue share',
      'DSO',
      'CEI',
      'Average days late',
    ]);
    expect(await page.locator('canvas').count()).toBe(2);
    await session.screenshot('dashboard');
  });

  it('dashboard definitions show on focus', async () => {
    const { page } = session;
    const dso = page.getByRole('group', { name: 'DSO' });
    const definition = page.getByRole('tooltip').filter({ hasText: 'Days sales outstanding' });
    expect(await definition.isVisible()).toBe(false);
    await dso.focus();
    await expect.poll(() => definition.isVisible()).toBe(true);
    expect(await dso.getAttribute('aria-describedby')).toBe(await definition.getAttribute('id'));
    await page.keyboard.press('Escape');
    await expect.poll(() => definition.isVisible()).toBe(false);
  });

  it('dashboard follows the dark theme', async () => {
    const { page } = session;
    await page.emulateMedia({ colorScheme: 'dark' });
    await session.screenshot('dashboard-dark');
    const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(background).not.toBe('rgb(245, 246, 248)');
  });

  it('dashboard switches currency', async () => {
    const { page } = session;
    const currency = page.getByLabel('Currency');
    const options = await currency.locator('option').allInnerTexts();
    expect(options).toEqual(['EUR', 'GBP', 'USD']);
    await currency.selectOption('EUR');
    await expect.poll(() => page.getByText('amounts in EUR').count()).toBe(1);
    await expect
      .poll(() => page.getByRole('group', { name: 'Total receivables' }).innerText())
      .toContain('€');
  });

  it('clients list sorts and searches', async () => {
    const { page } = session;
    await session.open('#/clients');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(100);
    await page.getByRole('button', { name: /Balance/ }).click();
    const balanceHeader = page.getByRole('columnheader', { name: /Balance/ });
    expect(await balanceHeader.getAttribute('aria-sort')).not.toBe('none');
    await session.screenshot('clients');
    const firstName = (await rows.first().locator('th').innerText()).split(' C0')[0] ?? '';
    await page.getByLabel('Search').fill(firstName);
    await expect.poll(() => rows.count()).toBeLessThan(10);
    expect(await rows.first().locator('th').innerText()).toContain(firstName);
  });

  it('client page shows every section', async () => {
    const { page } = session;
    await page.locator('tbody tr').first().click();
    await expect.poll(() => page.evaluate('location.hash')).toMatch(/^#\/clients\/\d+$/);
    for (const name of [
      'Details',
      'Aging',
      /^Invoices/,
      /^Payments/,
      /^Credit notes/,
      'Timeline',
    ]) {
      await expect.poll(() => page.getByRole('region', { name }).count()).toBe(1);
    }
    expect(await page.getByRole('region', { name: 'Timeline' }).innerText()).toContain(
      'will appear here',
    );
    await session.screenshot('client');
  });

  it('aging page renders', async () => {
    const { page } = session;
    await session.open('#/aging');
    await expect.poll(() => page.getByText(/open invoices shown/).count()).toBe(1);
    await session.screenshot('aging-demo');
  });

  it('import page renders empty', async () => {
    const { page } = session;
    await session.open('#/import');
    await expect
      .poll(() => page.getByRole('button', { name: 'Choose a CSV file…' }).count())
      .toBe(1);
    await session.screenshot('import');
  });

  it('settings validate inline', async () => {
    const { page } = session;
    await session.open('#/settings');
    const bounds = page.getByLabel('Bucket bounds (days)');
    await expect.poll(() => bounds.inputValue()).toBe('30, 60, 90');
    await session.screenshot('settings');
    await bounds.fill('30, 20');
    await page.getByLabel('Home currency').fill('XYZ');
    await page.getByRole('button', { name: 'Save settings' }).click();
    expect(await bounds.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() =>
        page.evaluate('document.activeElement === document.querySelector("[aria-invalid=true]")'),
      )
      .toBe(true);
    expect(await page.getByText('20 is not greater than the bound before it, 30').count()).toBe(1);
    expect(await page.getByText(/"XYZ" is not an ISO 4217 currency code/).count()).toBe(1);
    await session.screenshot('settings-invalid');
  });

  it('settings save new bucket bounds', async () => {
    const { page } = session;
    await page.getByLabel('Bucket bounds (days)').fill('15, 45');
    await page.getByLabel('Home currency').fill('USD');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Settings saved.');
    await session.open('#/aging');
    const headings = page.getByRole('region', { name: 'By client' }).locator('thead th');
    await expect
      .poll(() => headings.allInnerTexts())
      .toEqual([
        expect.stringContaining('Client'),
        expect.stringContaining('Current'),
        expect.stringContaining('1–15 days'),
        expect.stringContaining('16–45 days'),
        expect.stringContaining('Over 45 days'),
        expect.stringContaining('Unapplied'),
        expect.stringContaining('Total'),
        expect.stringContaining('Invoices'),
      ]);
  });

  it('error banner shows and dismisses', async () => {
    const { page } = session;
    await session.open('#/clients/999999');
    const banner = page.getByRole('alert');
    await expect.poll(() => banner.innerText()).toContain('Error: Client 999999 not found.');
    await session.screenshot('error-banner');
    await banner.getByRole('button', { name: /^Dismiss error/ }).click();
    await expect.poll(() => banner.innerText()).toBe('');
  });

  it('skip link moves focus to the content', async () => {
    const { page } = session;
    await session.open('#/dashboard');
    await page.evaluate('document.activeElement?.blur(); window.scrollTo(0, 0)');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect
      .poll(() => skip.evaluate((link) => link === link.ownerDocument.activeElement))
      .toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('main');
    expect(await page.evaluate('location.hash')).toBe('#/dashboard');
  });

  it('raised no page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
