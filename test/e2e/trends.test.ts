import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoLedger } from '../../electron/demo/demo-ledger.ts';
import { alertSentence } from '../../electron/handlers/trend-handlers.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { trendReport, type TrendReport } from '../../electron/trends/trend-report.ts';
import { hasChromium, openBrowserSession, type BrowserSession } from './browser-session.ts';

const endDate = '2026-03-31';
// The 12 whole months up to the as-of date, which the page requests.
const from = '2025-04-01';

/** Days as the page shows them, one decimal in en-US. */
const days = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

describe.skipIf(!hasChromium).sequential('trends page on a demo ledger', () => {
  const folder = mkdtempSync(join(tmpdir(), 'duedesk-e2e-'));
  const dbPath = join(folder, 'ledger.sqlite');
  let session: BrowserSession;
  let report: TrendReport;
  let currency = '';

  beforeAll(async () => {
    const db = openLedger(dbPath);
    try {
      createDemoLedger(db, { clients: 120, invoices: 12_000, seed: 11, endDate });
      report = trendReport(db, from, endDate);
    } finally {
      db.close();
    }
    // The currency with the most alerts, so that the list compared is not empty.
    const counts = new Map<string, number>();
    for (const alert of report.alerts) {
      counts.set(alert.currency, (counts.get(alert.currency) ?? 0) + 1);
    }
    currency = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
    session = await openBrowserSession(dbPath);
    await session.page.getByLabel('As of').fill(endDate);
    await session.page.getByLabel('Currency').selectOption(currency);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('alerts and last DSO match trend report', async () => {
    const { page } = session;
    const expectedAlerts = report.alerts
      .filter((alert) => alert.currency === currency)
      .map((alert) => `${alert.clientId} ${alertSentence(alert.message)}`);
    expect(expectedAlerts.length).toBeGreaterThan(0);
    await session.open('#/trends');

    const panel = page.getByRole('region', { name: /^Alerts/ });
    const items = panel.locator('li');
    await expect.poll(() => items.count()).toBe(expectedAlerts.length);
    const shownAlerts = await items.evaluateAll((rows) =>
      rows.map((row) => {
        const link = row.querySelector('a')?.getAttribute('href') ?? '';
        const sentence = row.querySelector('.alert-sentence')?.textContent ?? '';
        return `${link.replace('#/clients/', '')} ${sentence}`;
      }),
    );
    expect(shownAlerts).toEqual(expectedAlerts);

    const months = report.portfolio[currency] ?? [];
    const last = months.at(-1);
    if (last?.dso === null || last === undefined) throw new Error('No DSO in the last month.');
    const rows = page.getByRole('region', { name: 'All clients by month' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(months.length);
    const lastDso = await rows.last().locator('td').first().innerText();
    expect(lastDso).toBe(`${days.format(last.dso)} days`);
    expect(session.pageErrors).toEqual([]);
    await session.screenshot('trends');
    await panel.scrollIntoViewIfNeeded();
    await session.screenshot('trends-alerts');
  });

  it('alert opens its client', async () => {
    const { page } = session;
    const alert = report.alerts.find((candidate) => candidate.currency === currency);
    if (alert === undefined) throw new Error('No alert to open.');
    const panel = page.getByRole('region', { name: /^Alerts/ });
    await panel.locator(`a[href="#/clients/${alert.clientId}"]`).first().click();
    await page.waitForFunction(`location.hash === '#/clients/${alert.clientId}'`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toContain(alert.name);
  });
});
