import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/ledger/database.ts';
import {
  managementReport,
  type ManagementGroup,
  type ManagementReport,
} from '../../electron/reports/management-metrics-report.ts';
import {
  managementMetricRows,
  type ManagementMetrics,
} from '../../shared/metrics/management-metrics.ts';
import { findMetric, type MetricDefinition } from '../../shared/metrics/metric-registry.ts';
import { formatMoney } from '../../shared/money.ts';
import { managementPeriod, writeManagementLedger } from '../support/management-ledger.ts';
import { hasChromium, openBrowserSession, type BrowserSession } from './browser-session.ts';

const { from, to } = managementPeriod;

const metricKeys = managementMetricRows.map((row) => row.key);

const oneDecimal = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const score = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** A figure as the page should show it, written here apart from the page's own code. */
function shown(value: number | null, metric: MetricDefinition, currency: string): string {
  if (value === null) return '—';
  if (metric.unit === 'money') return formatMoney(value, currency);
  if (metric.unit === 'percent') return `${oneDecimal.format(value)}%`;
  if (metric.unit === 'days') return `${oneDecimal.format(value)} days`;
  return score.format(value);
}

/** Per metric: name, definition and the figure of each group, in the page's order. */
function expectedRows(groups: readonly ManagementGroup[], currency: string): string[][] {
  return metricKeys.map((key) => {
    const metric = findMetric(key) as MetricDefinition;
    return [
      metric.name,
      metric.definition,
      ...groups.map((group) => shown(group.metrics[key], metric, currency)),
    ];
  });
}

describe.skipIf(!hasChromium).sequential('metrics page on a hand-built ledger', () => {
  const folder = mkdtempSync(join(tmpdir(), 'duedesk-e2e-'));
  const dbPath = join(folder, 'ledger.sqlite');
  let session: BrowserSession;
  let report: ManagementReport;

  beforeAll(async () => {
    const db = openLedger(dbPath);
    try {
      writeManagementLedger(db);
      report = managementReport(db, from, to);
    } finally {
      db.close();
    }
    session = await openBrowserSession(dbPath);
    await session.page.getByLabel('As of').fill(to);
    await session.page.getByLabel('Currency').selectOption('USD');
    await session.open('#/metrics');
    // Fail at the step that went wrong rather than at the end of the test's time.
    session.page.setDefaultTimeout(10_000);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Reads the table's body as text, a row per metric. */
  async function shownRows(): Promise<string[][]> {
    const rows = session.page.locator('.metrics-table tbody tr');
    await expect.poll(() => rows.count()).toBe(metricKeys.length);
    return rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
    );
  }

  async function headers(): Promise<string[]> {
    const cells = session.page.locator('.metrics-table thead th');
    return cells.evaluateAll((ths) => ths.map((th) => th.textContent ?? ''));
  }

  it('shows the tiers with the report’s figures and the registry’s definitions', async () => {
    const { page } = session;
    await expect.poll(() => page.getByLabel('From').inputValue()).toBe(from);
    await expect.poll(() => page.getByLabel('To').inputValue()).toBe(to);
    const tiers = report.tiers.filter((tier) => tier.currency === 'USD');
    expect(tiers.map((tier) => tier.tier)).toEqual(['high', 'low']);
    await expect
      .poll(headers)
      .toEqual(['Metric', 'Definition', 'High risk1 client', 'Low risk1 client']);
    const rows = await shownRows();
    expect(rows).toEqual(expectedRows(tiers, 'USD'));
    // Spot checks against the hand-computed values of the integration test.
    expect(rows[0]).toContain('80.0');
    expect(rows[8]?.at(-2)).toBe('$75.00');
    expect(session.pageErrors).toEqual([]);
    // Visible, not only present: a stylesheet rule of another page once hid them.
    const definitions = page.locator('.metrics-table tbody td').first();
    await expect.poll(() => definitions.isVisible()).toBe(true);
    await session.screenshot('metrics-tiers');
  });

  it('shows the portfolio and one client', async () => {
    const { page } = session;
    await page.getByLabel('Group by').selectOption('portfolio');
    await expect.poll(headers).toEqual(['Metric', 'Definition', 'All clients2 clients']);
    const portfolio = report.portfolio.filter((group) => group.currency === 'USD');
    expect(await shownRows()).toEqual(expectedRows(portfolio, 'USD'));

    await page.getByLabel('Group by').selectOption('client');
    const birch = report.clients.find((client) => client.code === 'BIR');
    if (birch === undefined) throw new Error('Birch is missing from the report.');
    // A label around a select names it with the selected option too: "Client Alder (ALD)".
    await page.getByRole('combobox', { name: /^Client\b/ }).selectOption(String(birch.clientId));
    await expect.poll(headers).toEqual(['Metric', 'Definition', 'Birch (BIR)High risk']);
    expect(await shownRows()).toEqual(expectedRows([birch], 'USD'));
    expect(session.pageErrors).toEqual([]);
  });

  it('shows euro amounts for the euro client', async () => {
    const { page } = session;
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByLabel('Group by').selectOption('tier');
    await expect.poll(headers).toEqual(['Metric', 'Definition', 'Not scored1 client']);
    const tiers = report.tiers.filter((tier) => tier.currency === 'EUR');
    const rows = await shownRows();
    expect(rows).toEqual(expectedRows(tiers, 'EUR'));
    // Cedar was offered a discount and took none: €0.00, not a dash.
    expect(rows[6]?.at(-1)).toBe('€0.00');
  });
});
