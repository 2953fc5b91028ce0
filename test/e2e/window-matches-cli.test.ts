import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import { createDemoLedger } from '../../electron/demo/demo-ledger.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import type { SegmentationReport, SegmentClient } from '../../electron/risk/segmentation-report.ts';
import type { ClientTrend, TrendReport } from '../../electron/trends/trend-report.ts';
import type { RiskTier } from '../../shared/risk/risk-score.ts';
import type { MonthlyTrend } from '../../shared/trends/payment-trends.ts';
import { hasIbmSample, ibmSamplePath } from '../support/ibm-sample.ts';
import { hasChromium, openBrowserSession, type BrowserSession } from './browser-session.ts';

// The window's figures are formatted here from the CLI's JSON with en-US Intl formats, and not
// with the renderer's formatters, so that a formatting bug in the renderer shows as a difference.
const oneDecimal = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const monthName = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

const tierOrder: readonly RiskTier[] = ['high', 'medium', 'low'];
const tierHeadings: Record<RiskTier, string> = {
  high: 'High risk',
  medium: 'Medium risk',
  low: 'Low risk',
};

function days(value: number | null): string {
  return value === null ? '—' : `${oneDecimal.format(value)} days`;
}

function share(value: number | null): string {
  return value === null ? '—' : percent.format(value);
}

function count(value: number): string {
  return wholeNumber.format(value);
}

/** Formats minor units in the currency's own en-US format, such as `$1,250.00`. */
function money(cents: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}

/** Formats a `YYYY-MM` month as the window's tables name it, such as `Jan 2013`. */
function month(value: string): string {
  return monthName.format(new Date(`${value}-01T00:00:00Z`));
}

/** Formats a client as the window labels it: the name, then the code unless it repeats the name. */
function clientLabel(client: { name: string; code: string }): string {
  const { name, code } = client;
  return code === '' || code.toLowerCase() === name.toLowerCase() ? name : `${name} ${code}`;
}

/** Formats an alert's message as a sentence of its own, capitalised with a full stop. */
function alertSentence(message: string): string {
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}

/** Runs a CLI command in this process and parses what it wrote to stdout as JSON. */
async function runCliJson<T>(args: readonly string[]): Promise<T> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exitCode = await runCli(args, {
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
  });
  if (exitCode !== 0) {
    throw new Error(`duedesk ${args.join(' ')} exited with ${exitCode}: ${stderr.join('\n')}`);
  }
  return JSON.parse(stdout.join('\n')) as T;
}

/** Selects the page's currency in the header, whose chart descriptions mention currency too. */
function chooseCurrency(page: BrowserSession['page'], currency: string): Promise<string[]> {
  return page.getByRole('combobox', { name: 'Currency', exact: true }).selectOption(currency);
}

/** Reads the text of the cells of each body row with a row header, row header first. */
function rowTexts(scope: Locator, selector = 'tbody tr:has(th)'): Promise<string[][]> {
  return scope
    .locator(selector)
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
    );
}

/**
 * Formats the change column, which compares the tier of the CLI's `previous` score, taken at
 * the end of the previous quarter, with the tier now.
 */
function changeText(client: SegmentClient): string {
  const { risk, previous } = client;
  if (previous === null) return 'New client';
  if (previous.status !== 'scored') return risk.status === 'scored' ? 'First score' : 'Unscored';
  const before = previous.tier;
  if (risk.status !== 'scored') return `Was ${before}`;
  if (client.rose) return `Rose from ${before}`;
  return risk.tier === before ? `Same (${before})` : `Fell from ${before}`;
}

/** Formats the cells of a risk table row after the first two: exposure, then the change. */
function exposureCells(client: SegmentClient): string[] {
  const { currency } = client;
  return [
    money(client.balanceCents, currency),
    money(client.overdueCents, currency),
    client.creditLimitCents === null ? '—' : money(client.creditLimitCents, currency),
    share(client.utilisation),
    changeText(client),
  ];
}

/**
 * Lists each section of the risk page as the CLI's report gives it, in the page's order: the
 * tiers with client, score and exposure, then the clients with too little history to score.
 */
function expectedRiskSections(report: SegmentationReport, currency: string) {
  const clients = report.clients.filter((client) => client.currency === currency);
  const sections = tierOrder.map((tier) => {
    const rows = clients
      .filter((client) => client.risk.status === 'scored' && client.risk.tier === tier)
      .map((client) => [
        clientLabel(client),
        String(client.risk.status === 'scored' ? client.risk.score : ''),
        ...exposureCells(client),
      ]);
    return { heading: `${tierHeadings[tier]} (${count(rows.length)})`, rows };
  });
  const unscored = clients.flatMap((client) =>
    client.risk.status === 'scored'
      ? []
      : [
          [
            clientLabel(client),
            `${count(client.risk.settledInvoices)} of ${count(client.risk.needed)} needed`,
            ...exposureCells(client),
          ],
        ],
  );
  // The page leaves the section out when every client has a score.
  if (unscored.length > 0) {
    sections.push({ heading: `Too little history (${count(unscored.length)})`, rows: unscored });
  }
  return sections;
}

/** Reads each section's heading and the cells of its client rows, as the CLI's report lists. */
async function shownRiskSections(page: BrowserSession['page']) {
  const names = [...tierOrder.map((tier) => tierHeadings[tier]), 'Too little history'];
  const sections = [];
  for (const name of names) {
    const section = page.getByRole('region', { name: new RegExp(`^${name}`) });
    const heading = (await section.locator('h2').allTextContents()).join(' ');
    if (heading === '') continue;
    sections.push({ heading, rows: await rowTexts(section) });
  }
  return sections;
}

/** Lists the clients whose tier rose with their tier move and suggestions, as the CLI does. */
function expectedRising(report: SegmentationReport, currency: string) {
  return report.clients
    .filter((client) => client.currency === currency && client.rose)
    .map((client) => {
      const { risk, previous } = client;
      const before = previous?.status === 'scored' ? previous : null;
      const now = risk.status === 'scored' ? risk : null;
      return {
        client: clientLabel(client),
        move:
          `${before ? tierHeadings[before.tier] : ''} (${before?.score ?? ''}) to ` +
          `${now ? tierHeadings[now.tier] : ''} (${now?.score ?? ''})`,
        suggestions:
          client.suggestions.length === 0
            ? ["No change: the client already meets its new tier's policy."]
            : client.suggestions.map((suggestion) => suggestion.text),
      };
    });
}

function shownRising(panel: Locator) {
  return panel.locator('ul.rising-clients > li').evaluateAll((items) =>
    items.map((item) => ({
      client: item.querySelector(':scope > a')?.textContent ?? '',
      move: item.querySelector('.tier-move')?.textContent ?? '',
      suggestions: [...item.querySelectorAll('.suggestions li, :scope > .hint')].map(
        (line) => line.textContent ?? '',
      ),
    })),
  );
}

/** Formats the tier mix rows: date, high, medium, low, too little history and all clients. */
function expectedTierMix(report: SegmentationReport, currency: string): string[][] {
  return report.tierMix.map(({ date, byCurrency }) => {
    const counts = byCurrency[currency] ?? { low: 0, medium: 0, high: 0, unscored: 0 };
    const total = counts.high + counts.medium + counts.low + counts.unscored;
    return [date, ...[counts.high, counts.medium, counts.low, counts.unscored, total].map(count)];
  });
}

/**
 * Formats a month of the portfolio table on the Trends page: month, DSO, payment time, days
 * against terms, late share, invoices settled, credit sales and receivables at the month end.
 */
function portfolioRow(entry: MonthlyTrend, currency: string): string[] {
  return [
    month(entry.month),
    days(entry.dso),
    days(entry.averagePaymentDays),
    days(entry.averageDaysLate),
    share(entry.lateShare),
    count(entry.settledInvoices),
    money(entry.creditSalesCents, currency),
    money(entry.receivablesCents, currency),
  ];
}

/**
 * Formats a month of a client's trend table: month, payment time, terms, days against terms,
 * late share, invoices settled, DSO and credit utilisation. The terms are payment time less
 * days against terms, because both are weighted by the same invoice amounts.
 */
function clientTrendRow(entry: MonthlyTrend): string[] {
  const { averagePaymentDays: paid, averageDaysLate: late } = entry;
  return [
    month(entry.month),
    days(paid),
    days(paid === null || late === null ? null : paid - late),
    days(late),
    share(entry.lateShare),
    count(entry.settledInvoices),
    days(entry.dso),
    share(entry.creditUtilisation),
  ];
}

/** Counts the months and measures of a client's trend that have a figure rather than a dash. */
function filledFigures(client: ClientTrend): number {
  return client.months
    .flatMap((entry) => [entry.averagePaymentDays, entry.lateShare, entry.dso])
    .filter((value) => value !== null).length;
}

interface LedgerCase {
  readonly title: string;
  /** Prefix of the screenshots' file names, one per ledger. */
  readonly screenshotName: string;
  readonly skip: boolean;
  /** Fills the empty ledger at `dbPath`. */
  readonly build: (dbPath: string) => Promise<void>;
  readonly asOf: string;
  /** First day of the 12 whole months up to `asOf`, the period the window requests. */
  readonly from: string;
}

/**
 * Defines the comparisons on one ledger: the CLI's risk and trends JSON against what the
 * risk page, the Trends page and a client's page show for each currency of the ledger.
 */
function describeLedger(ledger: LedgerCase): void {
  const { title, screenshotName, skip, build, asOf, from } = ledger;
  // The steps share one session and select the currency they compare, one after the other.
  describe.skipIf(skip).sequential(title, () => {
    const folder = mkdtempSync(join(tmpdir(), 'duedesk-e2e-'));
    const dbPath = join(folder, 'ledger.sqlite');
    let session: BrowserSession;
    let risk: SegmentationReport;
    let trends: TrendReport;
    let currencies: string[] = [];

    beforeAll(async () => {
      await build(dbPath);
      risk = await runCliJson(['risk', '--db', dbPath, '--as-of', asOf, '--json']);
      trends = await runCliJson(['trends', '--db', dbPath, '--from', from, '--to', asOf, '--json']);
      currencies = [...new Set(risk.clients.map((client) => client.currency))].sort();
      session = await openBrowserSession(dbPath);
      await session.page.getByLabel('As of').fill(asOf);
    }, 60_000);

    afterAll(async () => {
      await session?.close();
      rmSync(folder, { recursive: true, force: true });
    });

    it('risk tiers match CLI', async () => {
      const { page } = session;
      expect(currencies.length).toBeGreaterThan(0);
      await session.open('#/risk');
      for (const currency of currencies) {
        await chooseCurrency(page, currency);
        const expected = expectedRiskSections(risk, currency);
        // A comparison of empty tables would prove nothing.
        expect(expected.flatMap((tier) => tier.rows).length, currency).toBeGreaterThan(0);
        await expect.poll(() => shownRiskSections(page), { message: currency }).toEqual(expected);
      }
      expect(session.pageErrors).toEqual([]);
      await session.screenshot(`${screenshotName}-risk`);
    });

    it('rising clients match CLI', async () => {
      const { page } = session;
      expect(risk.clients.some((client) => client.rose)).toBe(true);
      for (const currency of currencies) {
        await chooseCurrency(page, currency);
        const expected = expectedRising(risk, currency);
        const panel = page.getByRole('region', { name: /^Rising clients/ });
        await expect
          .poll(() => panel.locator('h2').allTextContents(), { message: currency })
          .toEqual([`Rising clients (${count(expected.length)})`]);
        await expect.poll(() => shownRising(panel), { message: currency }).toEqual(expected);
      }
    });

    it('tier mix matches CLI', async () => {
      const { page } = session;
      for (const currency of currencies) {
        await chooseCurrency(page, currency);
        const expected = expectedTierMix(risk, currency);
        expect(expected, currency).toHaveLength(12);
        const panel = page.getByRole('region', { name: 'Tier mix by month' });
        await expect.poll(() => rowTexts(panel), { message: currency }).toEqual(expected);
      }
    });

    it('trends page matches CLI', async () => {
      const { page } = session;
      expect(trends.alerts.length).toBeGreaterThan(0);
      await session.open('#/trends');
      for (const currency of currencies) {
        await chooseCurrency(page, currency);

        // The page draws DSO and days against terms as a chart too, but its table lists every
        // figure of the chart and more, so the table is what is compared.
        const months = trends.portfolio[currency] ?? [];
        expect(months, currency).toHaveLength(12);
        const table = page.getByRole('region', { name: 'All clients by month' });
        await expect
          .poll(() => rowTexts(table), { message: currency })
          .toEqual(months.map((entry) => portfolioRow(entry, currency)));

        const alerts = trends.alerts
          .filter((alert) => alert.currency === currency)
          .map((alert) => ({ client: clientLabel(alert), sentence: alertSentence(alert.message) }));
        const panel = page.getByRole('region', { name: /^Alerts/ });
        await expect
          .poll(() => panel.locator('h2').allTextContents(), { message: currency })
          .toEqual([`Alerts (${count(alerts.length)})`]);
        await expect
          .poll(
            () =>
              panel.locator('li').evaluateAll((items) =>
                items.map((item) => ({
                  client: item.querySelector('a')?.textContent ?? '',
                  sentence: item.querySelector('.alert-sentence')?.textContent ?? '',
                })),
              ),
            { message: currency },
          )
          .toEqual(alerts);
      }
      expect(session.pageErrors).toEqual([]);
      await session.screenshot(`${screenshotName}-trends`);
    });

    it('client trend table matches CLI', async () => {
      const { page } = session;
      // Of the clients with an alert, the one with the most figures, so that few cells are
      // compared only as dashes.
      const alerted = new Set(trends.alerts.map((alert) => alert.clientId));
      const client = trends.clients
        .filter((candidate) => alerted.has(candidate.clientId))
        .sort((a, b) => filledFigures(b) - filledFigures(a))[0];
      if (client === undefined) throw new Error(`No client with an alert as of ${asOf}.`);
      expect(client.months).toHaveLength(12);
      await session.open(`#/clients/${client.clientId}`);
      const panel = page.getByRole('region', { name: 'Payment trends' });
      const table = panel.getByRole('table', { name: `Payment trends of ${client.name} by month` });
      await expect.poll(() => rowTexts(table)).toEqual(client.months.map(clientTrendRow));
      expect(session.pageErrors).toEqual([]);
      await panel.scrollIntoViewIfNeeded();
      await session.screenshot(`${screenshotName}-client`);
    });
  });
}

describeLedger({
  title: 'window matches CLI on IBM sample',
  screenshotName: 'window-matches-cli-ibm',
  skip: !hasChromium || !hasIbmSample,
  async build(dbPath) {
    const db = openLedger(dbPath);
    try {
      // The sample states no currency, so the import names one, as the import wizard does.
      const result = await importFile(db, ibmSamplePath, { preset: 'ibm-ar', currency: 'USD' });
      expect(result.status).toBe('imported');
    } finally {
      db.close();
    }
  },
  asOf: '2013-12-31',
  from: '2013-01-01',
});

describeLedger({
  title: 'window matches CLI on demo ledger',
  screenshotName: 'window-matches-cli-demo',
  skip: !hasChromium,
  async build(dbPath) {
    const db = openLedger(dbPath);
    try {
      createDemoLedger(db, { clients: 200, invoices: 5_000, seed: 7, endDate: '2026-11-30' });
    } finally {
      db.close();
    }
  },
  asOf: '2026-11-30',
  from: '2025-12-01',
});
