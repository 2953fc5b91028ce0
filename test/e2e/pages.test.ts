import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoLedger } from '../../electron/demo/demo-ledger.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { agingReport } from '../../electron/reports/aging-report.ts';
import { localToday } from '../../shared/calendar-date.ts';
import { formatMoney } from '../../shared/money.ts';
import { shownCents, shownDashboardAging } from './aging-figures.ts';
import { hasChromium, openBrowserSession, type BrowserSession } from './browser-session.ts';

const asOf = '2026-11-30';

/** Aging of one currency of the ledger file as the reports module computes it. */
function reportedAging(dbPath: string, currency: string) {
  const db = openLedger(dbPath, { readOnly: true });
  try {
    const totals = agingReport(db, asOf).currencies[currency];
    if (!totals) throw new Error(`The ledger has no ${currency} aging at ${asOf}.`);
    return totals;
  } finally {
    db.close();
  }
}

/** Clients with an invoice, payment or credit note in `currency`, settled ones included. */
function clientCountIn(dbPath: string, currency: string): number {
  const db = openLedger(dbPath, { readOnly: true });
  try {
    return db
      .prepare(
        `SELECT COUNT(*) FROM (SELECT client_id FROM invoices WHERE currency = @currency
           UNION SELECT client_id FROM payments WHERE currency = @currency
           UNION SELECT client_id FROM credit_notes WHERE currency = @currency)`,
      )
      .pluck()
      .get({ currency }) as number;
  } finally {
    db.close();
  }
}

/** Checks that the dashboard's aging rows add up to the Total receivables card. */
async function expectAgingAddsUp(page: Page, currency: string, bucketCount: number) {
  await expect.poll(async () => (await shownDashboardAging(page)).length).toBe(bucketCount + 2);
  const rows = await shownDashboardAging(page);
  const buckets = rows.slice(0, bucketCount);
  const [unapplied, total] = rows.slice(bucketCount);
  expect(unapplied?.label).toBe('Unapplied payments and credits');
  expect(total?.label).toBe('Total receivables');
  const sum = [...buckets, unapplied].reduce((cents, row) => cents + (row?.cents ?? 0), 0);
  expect(sum).toBe(total?.cents);
  const card = page.getByRole('group', { name: 'Total receivables' }).locator('.metric-value');
  expect(shownCents(await card.innerText())).toBe(total?.cents);

  const open = buckets.reduce((cents, row) => cents + row.cents, 0);
  const overdue = open - (buckets[0]?.cents ?? 0);
  const share = page.getByRole('group', { name: 'Overdue share' }).locator('.metric-detail');
  expect(await share.innerText()).toBe(
    `${formatMoney(overdue, currency)} past due of ${formatMoney(open, currency)} open invoices`,
  );
  return { unapplied: unapplied?.cents, total: total?.cents };
}

/** Returns how many CSS pixels wider than `frame` its content is. Zero or less fits. */
function horizontalOverflow(frame: Locator): Promise<number> {
  return frame.evaluate((element) => element.scrollWidth - element.clientWidth);
}

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

  it('dashboard loads without console errors', async () => {
    const { page } = session;
    expect(session.consoleErrors).toEqual([]);
    await session.reload();
    await expect.poll(() => page.locator('.metric-card').count()).toBe(5);
    expect(await page.locator('canvas').count()).toBe(2);
    expect(session.consoleErrors).toEqual([]);
  });

  it('dashboard aging rows add up', async () => {
    const { page } = session;
    const usd = reportedAging(dbPath, 'USD');
    const figures = await expectAgingAddsUp(page, 'USD', 5);
    // The demo ledger has unapplied cash, so a missing row would break the sum above.
    expect(figures.unapplied).toBe(usd.unappliedPayments + usd.unappliedCredits);
    expect(figures.unapplied).toBeLessThan(0);
    expect(figures.total).toBe(usd.total);
  });

  it('DSO trend covers whole months only', async () => {
    const { page } = session;
    const dso = page.getByRole('region', { name: 'DSO by month' });
    const scope = dso.locator('.panel-scope');
    const lastMonth = dso.locator('tbody tr').last().locator('th');
    // 30 November is the month's last day, so November counts.
    await expect.poll(() => scope.innerText()).toContain('from Dec 2025 to Nov 2026');
    expect(await lastMonth.textContent()).toBe('Nov 2026');
    await page.getByLabel('As of').fill('2026-11-29');
    await expect.poll(() => scope.innerText()).toContain('from Nov 2025 to Oct 2026');
    expect(await lastMonth.textContent()).toBe('Oct 2026');
    await page.getByLabel('As of').fill(asOf);
    await expect.poll(() => scope.innerText()).toContain('from Dec 2025 to Nov 2026');
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
    const eur = reportedAging(dbPath, 'EUR');
    const figures = await expectAgingAddsUp(page, 'EUR', 5);
    expect(figures.total).toBe(eur.total);
  });

  it('reload keeps the as-of date and currency', async () => {
    const { page } = session;
    await session.reload();
    await expect.poll(() => page.getByLabel('Currency').inputValue()).toBe('EUR');
    expect(await page.getByLabel('As of').inputValue()).toBe(asOf);
    await expect.poll(() => page.getByText('amounts in EUR').count()).toBe(1);
  });

  it('new tab starts from today in USD', async () => {
    // sessionStorage belongs to one tab, so another starts from the defaults.
    const other = await session.page.context().newPage();
    try {
      await other.goto(session.host.url);
      await other.getByRole('navigation', { name: 'Sections' }).waitFor();
      await expect.poll(() => other.getByLabel('Currency').inputValue()).toBe('USD');
      expect(await other.getByLabel('As of').inputValue()).toBe(localToday());
    } finally {
      await other.close();
    }
  });

  it('clients list shows one currency', async () => {
    const { page } = session;
    await session.open('#/clients');
    const rows = page.locator('tbody tr');
    const currencyCells = rows.locator('td:nth-of-type(1)');
    for (const currency of ['EUR', 'USD']) {
      await page.getByLabel('Currency').selectOption(currency);
      const expected = clientCountIn(dbPath, currency);
      const caption = `Clients in ${currency}, ${expected} of ${expected} shown`;
      await expect.poll(() => page.getByText(caption, { exact: true }).count()).toBe(1);
      expect(await rows.count()).toBe(expected);
      expect(new Set(await currencyCells.allInnerTexts())).toEqual(new Set([currency]));
    }
    const balanceHeading = page.getByRole('columnheader', { name: /Balance/ });
    expect(await balanceHeading.locator('[title]').getAttribute('title')).toContain(
      'Balance = open invoices − unapplied payments and credits',
    );
    const definitionId = await page.getByRole('table').getAttribute('aria-describedby');
    expect(await page.locator(`#${definitionId}`).innerText()).toContain(
      'Overdue can be larger than Balance',
    );
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
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect
      .poll(() => timeline.innerText())
      .toContain('No interactions logged with this client yet.');
    expect(await timeline.getByRole('group').count()).toBe(2);
    await session.screenshot('client');
  });

  it('client page names invoice states', async () => {
    const { page } = session;
    const rows = page.getByRole('region', { name: /^Invoices/ }).locator('tbody tr');
    // Cells: invoice, kind, invoice date, due date, status, settled, currency, amount, balance.
    const cells = await rows.evaluateAll((elements) =>
      elements.map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
    );
    expect(cells.length).toBeGreaterThan(0);
    const statuses = new Set<string>();
    const kinds = new Set<string>();
    for (const row of cells) {
      const [invoice, kind = '', , , status = '', settled = '', , amount = '', balance = ''] = row;
      kinds.add(kind);
      statuses.add(status);
      if (status === 'draft') continue;
      const amountCents = shownCents(amount);
      const balanceCents = shownCents(balance);
      let expected = 'open';
      if (balanceCents === 0) expected = 'paid';
      else if (balanceCents > 0 && balanceCents < amountCents) expected = 'part paid';
      expect(status, `status of ${invoice}`).toBe(expected);
      if (expected === 'paid') expect(settled, `settled date of ${invoice}`).toMatch(/^\d{4}-/);
    }
    expect(statuses).toContain('paid');
    expect(statuses).toContain('open');
    expect(statuses).not.toContain('issued');
    expect([...kinds].every((kind) => kind === 'sale' || kind === 'late fee')).toBe(true);
  });

  it('aging by client fits 1280 pixels', async () => {
    const { page } = session;
    await session.open('#/aging');
    await expect.poll(() => page.getByText(/open invoices shown/).count()).toBe(1);
    const byClient = page.getByRole('region', { name: 'By client' });
    const frame = byClient.locator('.table-frame');
    for (const currency of ['EUR', 'GBP', 'USD']) {
      await page.getByLabel('Currency').selectOption(currency);
      await expect.poll(() => byClient.getByText(`in ${currency}`).count()).toBeGreaterThan(0);
      await expect.poll(() => horizontalOverflow(frame)).toBeLessThanOrEqual(0);
    }
    // Long names are cut short in view; the tooltip keeps the whole name and the code.
    const names = await byClient
      .locator('tbody .truncated-text')
      .evaluateAll((spans) => spans.map((span) => [span.textContent, span.getAttribute('title')]));
    expect(names.length).toBeGreaterThan(100);
    for (const [text, title] of names) {
      expect(title?.replace(/ \((.*)\)$/, ' $1')).toBe(text);
    }
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
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Settings saved.' }).count())
      .toBe(1);
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
    expect(session.consoleErrors).toEqual([]);
  });
});
