import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoLedger } from '../../electron/demo/demo-ledger.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import {
  trendReport,
  type ClientTrend,
  type TrendReport,
} from '../../electron/trends/trend-report.ts';
import { findMetric } from '../../shared/metrics/metric-registry.ts';
import type { MonthlyTrend } from '../../shared/trends/payment-trends.ts';
import { hasChromium, openBrowserSession, type BrowserSession } from './browser-session.ts';

const endDate = '2026-03-31';
// The 12 whole months up to the as-of date, which the client page and the Trends page request.
const from = '2025-04-01';

// Figures as the window shows them: en-US, one decimal, an em dash for a missing value.
const oneDecimal = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const monthName = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

function days(value: number | null): string {
  return value === null ? '—' : `${oneDecimal.format(value)} days`;
}

function share(value: number | null): string {
  return value === null ? '—' : percent.format(value);
}

/**
 * Formats a row of the client trend table: month, payment time, terms, days against terms, late
 * share, invoices settled, DSO and credit utilisation. The terms are payment time less days
 * against terms, both weighted by the same amounts.
 */
function expectedRow(month: MonthlyTrend): string[] {
  const { averagePaymentDays: paid, averageDaysLate: late } = month;
  return [
    monthName.format(new Date(`${month.month}-01T00:00:00Z`)),
    days(paid),
    days(paid === null || late === null ? null : paid - late),
    days(late),
    share(month.lateShare),
    String(month.settledInvoices),
    days(month.dso),
    share(month.creditUtilisation),
  ];
}

/** Returns the registry's name of a metric, which the window uses as its column and chart title. */
function metricName(id: string): string {
  const name = findMetric(id)?.name;
  if (name === undefined) throw new Error(`Metric ${id} not found in the registry.`);
  return name;
}

/** Reads the text of each body row of `table`, row header first. */
function tableText(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
    );
}

/** The parts of a browser canvas that the pixel check reads; Node's types have no DOM. */
interface CanvasPixels {
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, width: number, height: number): { data: ArrayLike<number> };
  } | null;
}

/** True when every canvas in `region` has drawn at least one visible pixel. */
function canvasesDrawn(region: Locator): Promise<boolean[]> {
  return region.locator('canvas').evaluateAll((canvases) =>
    (canvases as unknown as CanvasPixels[]).map((canvas) => {
      const context = canvas.getContext('2d');
      if (context === null || canvas.width === 0 || canvas.height === 0) return false;
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let alpha = 3; alpha < pixels.length; alpha += 4) if (pixels[alpha] !== 0) return true;
      return false;
    }),
  );
}

// The steps build on each other: the picker steps open the client the first step checks.
describe.skipIf(!hasChromium).sequential('client payment trends on a demo ledger', () => {
  const folder = mkdtempSync(join(tmpdir(), 'duedesk-e2e-'));
  const dbPath = join(folder, 'ledger.sqlite');
  let session: BrowserSession;
  let report: TrendReport;
  let client: ClientTrend;

  beforeAll(async () => {
    const db = openLedger(dbPath);
    try {
      createDemoLedger(db, { clients: 40, invoices: 3_000, seed: 11, endDate });
      report = trendReport(db, from, endDate);
    } finally {
      db.close();
    }
    // A client with an alert and every measure in every month, so that no cell of the table
    // is checked only against a dash.
    const complete = report.clients.filter((candidate) =>
      candidate.months.every(
        (month) =>
          month.averagePaymentDays !== null &&
          month.lateShare !== null &&
          month.dso !== null &&
          month.creditUtilisation !== null,
      ),
    );
    const alerted = complete.find((candidate) =>
      report.alerts.some((alert) => alert.clientId === candidate.clientId),
    );
    if (alerted === undefined) throw new Error('No complete client with an alert in the demo.');
    client = alerted;
    session = await openBrowserSession(dbPath);
    await session.page.getByLabel('As of').fill(endDate);
    await session.page.getByLabel('Currency').selectOption(client.currency);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('client page shows the trend report of the client', async () => {
    const { page } = session;
    const expected = client.months.map(expectedRow);
    expect(expected).toHaveLength(12);
    // Months that differ make a shifted or repeated row visible.
    expect(new Set(expected.map((row) => row.slice(1).join(' '))).size).toBeGreaterThan(1);
    await session.open(`#/clients/${client.clientId}`);

    const panel = page.getByRole('region', { name: 'Payment trends' });
    const table = panel.getByRole('table', { name: `Payment trends of ${client.name} by month` });
    await expect.poll(() => tableText(table)).toEqual(expected);
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers).toEqual([
      'Month',
      metricName('averagePaymentDays'),
      'Terms',
      metricName('daysAgainstTerms'),
      metricName('lateShare'),
      metricName('settledInvoices'),
      metricName('dso'),
      metricName('creditUtilisation'),
    ]);
    // Four charts, the last with the credit limit, since the client has one.
    await expect.poll(() => canvasesDrawn(panel)).toEqual([true, true, true, true]);
    expect(await panel.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([
      'Payment time against terms',
      metricName('lateShare'),
      metricName('dso'),
      metricName('creditUtilisation'),
    ]);
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    await panel.scrollIntoViewIfNeeded();
    await session.screenshot('client-trends');
  });

  it('trends page picker finds the client by code and keeps it on reload', async () => {
    const { page } = session;
    const expected = client.months.map(expectedRow);
    await session.open('#/trends');
    await page.getByRole('region', { name: 'All clients by month' }).waitFor();

    await page.getByRole('searchbox', { name: 'Find a client' }).fill(client.code);
    await page.getByRole('searchbox', { name: 'Find a client' }).press('Enter');
    await page.waitForFunction(`location.hash === '#/trends/${client.clientId}'`);
    const chosen = async () => {
      const panel = page.getByRole('region', { name: `${client.name} ${client.code} by month` });
      await expect.poll(() => tableText(panel.getByRole('table'))).toEqual(expected);
      await expect.poll(() => canvasesDrawn(panel)).toEqual([true, true, true, true]);
      expect(await page.getByRole('combobox', { name: 'Client' }).inputValue()).toBe(
        String(client.clientId),
      );
    };
    await chosen();
    await session.screenshot('trends-client');

    await session.reload();
    expect(await page.evaluate('location.hash')).toBe(`#/trends/${client.clientId}`);
    await chosen();

    await page.getByRole('combobox', { name: 'Client' }).selectOption('');
    await page.waitForFunction(`location.hash === '#/trends'`);
    await page.getByRole('region', { name: 'All clients by month' }).waitFor();
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });

  it('alert links to the client in the picker', async () => {
    const { page } = session;
    const alerts = page.getByRole('region', { name: /^Alerts/ });
    await alerts
      .getByRole('link', { name: `Show the trends of ${client.name}` })
      .first()
      .click();
    await page.waitForFunction(`location.hash === '#/trends/${client.clientId}'`);
    expect(await page.getByRole('combobox', { name: 'Client' }).inputValue()).toBe(
      String(client.clientId),
    );
    // The charts are far above the alerts, so focus moves to their heading.
    await expect
      .poll(() => page.evaluate('document.activeElement?.id'))
      .toBe('trends-months-heading');
    const panel = page.getByRole('region', { name: `${client.name} ${client.code} by month` });
    await expect
      .poll(() => tableText(panel.getByRole('table')))
      .toEqual(client.months.map(expectedRow));
  });
});
