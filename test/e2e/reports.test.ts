import { parse } from 'csv-parse/sync';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/import/import-file.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { readSettings, updateSettings } from '../../electron/ledger/settings-store.ts';
import { agingReport } from '../../electron/reports/aging-report.ts';
import { formatMoney } from '../../shared/money.ts';
import { pdfPages, skipPdfReading } from '../support/pdf-reader.ts';
import { hasChromium, openBrowserSession, type BrowserSession } from './browser-session.ts';
import { reportInvoicesAsOf, reportInvoicesCsv } from '../support/report-invoices.ts';

const asOf = reportInvoicesAsOf;
const company = 'Harbour Supplies Ltd';

/** The aging summary's CSV rows, hand-computed from the invoices above. */
const expectedCsvRows = [
  [
    'ACME',
    'Acme Tools',
    '1000.00',
    '0.00',
    '250.50',
    '0.00',
    '0.00',
    '0.00',
    '1250.50',
    '2',
    'USD',
  ],
  ['BETA', 'Beta & Co', '0.00', '400.00', '0.00', '0.00', '0.00', '0.00', '400.00', '1', 'USD'],
  ['CEDAR', 'Cedar Ltd', '0.00', '0.00', '0.00', '0.00', '99.99', '0.00', '99.99', '1', 'USD'],
  ['ECHO', 'Echo SARL', '500.00', '0.00', '0.00', '0.00', '0.00', '0.00', '500.00', '1', 'EUR'],
];

/** The page's window, declared here because the tests are type-checked without the DOM. */
interface StyledWindow {
  getComputedStyle(element: unknown): { textAlign: string };
}

/** Returns a cell's computed alignment. It runs in the page, where globalThis is the window. */
function textAlign(cell: unknown): string {
  return (globalThis as unknown as StyledWindow).getComputedStyle(cell).textAlign;
}

const screenshotFile = fileURLToPath(
  new URL('../../test-artifacts/reports/reports-page.png', import.meta.url),
);

describe.skipIf(!hasChromium).sequential('reports page', () => {
  const folder = mkdtempSync(join(tmpdir(), 'duedesk-e2e-'));
  const dbPath = join(folder, 'ledger.sqlite');
  let session: BrowserSession;

  beforeAll(async () => {
    const csv = join(folder, 'invoices.csv');
    writeFileSync(csv, reportInvoicesCsv);
    const db = openLedger(dbPath);
    try {
      const imported = await importFile(db, csv, {});
      if (imported.status !== 'imported') {
        throw new Error(`The test ledger's import ended as ${imported.status}, not imported.`);
      }
      const settings = readSettings(db);
      updateSettings(db, {
        company: { ...settings.company, name: company, email: 'ar@harbour.test' },
      });
      db.prepare(
        "UPDATE clients SET account_manager = 'Anne' WHERE code IN ('ACME', 'CEDAR')",
      ).run();
    } finally {
      db.close();
    }

    mkdirSync(dirname(screenshotFile), { recursive: true });
    session = await openBrowserSession(dbPath);
    await session.page.getByLabel('As of', { exact: true }).fill(asOf);
    await session.open('#/reports');
    // Fail at the step that went wrong rather than at the end of the test's time.
    session.page.setDefaultTimeout(10_000);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const region = (name: string) => session.page.getByRole('region', { name });
  const preview = () => session.page.getByRole('article', { name: /^Preview of the / });

  /** Reads the cells of a preview table's body or footer rows, found by the table's heading. */
  function tableCells(title: string, part: 'tbody' | 'tfoot'): Promise<string[][]> {
    const table = preview()
      .locator('.report-table')
      .filter({ has: session.page.getByRole('heading', { name: title, exact: true }) });
    return table
      .locator(`${part} tr`)
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
      );
  }

  /**
   * Waits for the outcome of the save just started and returns it. The outcome of the save
   * before it stays until the next one starts, so the text must name this save's file.
   */
  async function outcomeOf(panel: Locator, naming: string): Promise<string> {
    const outcome = panel.locator('.report-job-outcome');
    await expect.poll(async () => (await outcome.allInnerTexts()).join('')).toContain(naming);
    return outcome.innerText();
  }

  it('aging summary preview matches the ledger', async () => {
    const { page } = session;
    await page.getByRole('radio', { name: 'Aging summary', exact: true }).check();
    await expect.poll(() => page.getByLabel('As-of date').inputValue()).toBe(asOf);
    await expect
      .poll(() => preview().getByRole('heading', { level: 2 }).innerText())
      .toBe('Aging summary');
    expect(await preview().locator('.report-company').innerText()).toBe(company);
    expect(await preview().locator('.report-scope').innerText()).toBe(`As of ${asOf}`);

    // The totals the reports module computes from the same file, against the hand sums above.
    const db = openLedger(dbPath, { readOnly: true });
    const ledger = agingReport(db, asOf);
    db.close();
    expect(ledger.currencies['USD']?.total).toBe(175_049);
    expect(ledger.currencies['EUR']?.total).toBe(50_000);

    const usdTotals = await tableCells('Receivables in USD', 'tfoot');
    expect(usdTotals).toHaveLength(1);
    // Code, client, five buckets, unapplied, total, invoices, currency.
    expect(usdTotals[0]).toEqual([
      '',
      'Total',
      '$1,000.00',
      '$400.00',
      '$250.50',
      '$0.00',
      '$99.99',
      '$0.00',
      formatMoney(175_049, 'USD'),
      '4',
      'USD',
    ]);
    const eurTotals = await tableCells('Receivables in EUR', 'tfoot');
    expect(eurTotals[0]?.[8]).toBe(formatMoney(50_000, 'EUR'));
    const usdRows = await tableCells('Receivables in USD', 'tbody');
    expect(usdRows.map((row) => row[0]).sort()).toEqual(['ACME', 'BETA', 'CEDAR']);

    // Money right-aligned, text left-aligned.
    const totalCell = preview().locator('.report-table tfoot td').nth(8);
    expect(await totalCell.evaluate(textAlign)).toBe('right');
    const codeCell = preview().locator('.report-table tbody td').first();
    expect(await codeCell.evaluate(textAlign)).toBe('left');
    // One chart of the buckets per currency, drawn by chart.js.
    await expect.poll(() => preview().locator('canvas').count()).toBe(2);
    expect(await preview().locator('figcaption').allInnerTexts()).toEqual([
      'Aging buckets in EUR',
      'Aging buckets in USD',
    ]);
    expect(session.pageErrors).toEqual([]);
  });

  it('client field offers the ledger’s codes', async () => {
    const options = session.page.locator('datalist option');
    await expect.poll(() => options.count()).toBe(5);
    expect(
      await options.evaluateAll((all) => all.map((option) => option.getAttribute('value'))),
    ).toEqual(['ACME', 'BETA', 'CEDAR', 'DELTA', 'ECHO']);
  });

  it('saving CSV writes the aging summary', async () => {
    const panel = region('Save the report');
    await panel.getByRole('button', { name: 'Save as CSV' }).click();
    const outcome = await outcomeOf(panel, `aging-summary-${asOf}.csv`);
    const file = join(session.host.exportsDir, `aging-summary-${asOf}.csv`);
    expect(outcome).toBe(`Saved aging-summary-${asOf}.csv in ${session.host.exportsDir}: 4 rows.`);
    const bar = panel.getByRole('progressbar');
    expect(await bar.getAttribute('aria-valuenow')).toBe('4');
    expect(await bar.getAttribute('aria-valuemax')).toBe('4');
    expect(await panel.getByRole('button', { name: 'Save as CSV' }).isEnabled()).toBe(true);

    const rows = parse(readFileSync(file), { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'client_code',
      'client',
      'current',
      'days_1_30',
      'days_31_60',
      'days_61_90',
      'days_90_plus',
      'unapplied',
      'total',
      'invoices',
      'currency',
    ]);
    const body = rows.slice(1).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
    expect(body).toEqual(expectedCsvRows);
    await session.page.screenshot({ path: screenshotFile, fullPage: true });
  });

  it.skipIf(skipPdfReading)('saving PDF writes the aging summary', async () => {
    const panel = region('Save the report');
    await panel.getByRole('button', { name: 'Save as PDF' }).click();
    const outcome = await outcomeOf(panel, `aging-summary-${asOf}.pdf`);
    const pages = pdfPages(join(session.host.exportsDir, `aging-summary-${asOf}.pdf`));
    // Both tables fit the first page, and each currency's bucket chart follows on its own page.
    expect(outcome).toBe(
      `Saved aging-summary-${asOf}.pdf in ${session.host.exportsDir}: ` +
        `${pages.length} pages, 4 table rows.`,
    );
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join('\n');
    expect(text).toContain(company);
    expect(text).toContain('Aging summary');
    expect(text).toContain('$1,750.49');
  });

  it('statement needs a client code', async () => {
    const { page } = session;
    await page.getByRole('radio', { name: 'Client statement', exact: true }).check();
    const client = page.getByLabel('Client code');
    expect(await client.inputValue()).toBe('');
    const message = 'The client statement is about one client: choose its code.';
    await expect.poll(() => page.getByText(message).isVisible()).toBe(true);
    expect(await client.getAttribute('aria-invalid')).toBe('true');

    const panel = region('Save the report');
    expect(await panel.getByRole('button', { name: 'Save as PDF' }).isDisabled()).toBe(true);
    expect(await page.getByText('Correct the options above to see a preview.').isVisible()).toBe(
      true,
    );
    expect(await preview().count()).toBe(0);
    // The period defaults to the as-of month.
    expect(await page.getByLabel('From').inputValue()).toBe('2026-03-01');
    expect(await page.getByLabel('To').inputValue()).toBe(asOf);
  });

  it('reversed period is not sent', async () => {
    const { page } = session;
    await page.getByLabel('Client code').fill('ACME');
    await page.getByLabel('From').fill('2026-04-01');
    const message =
      'The period starts on 2026-04-01, after it ends on 2026-03-31: choose a start on or ' +
      'before the end.';
    await expect.poll(() => page.getByText(message).isVisible()).toBe(true);
    expect(await page.getByLabel('From').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('From').fill('2026-03-01');
    await expect
      .poll(() => preview().locator('.report-scope').innerText())
      .toBe('2026-03-01 to 2026-03-31 · client ACME');
  });

  it('batch writes a file per client', async () => {
    const { page } = session;
    await page.getByLabel('Client code').fill('');
    const panel = region('Statements for many clients');
    await panel.getByLabel('Format of the statements').selectOption('csv');
    await panel.getByRole('button', { name: 'Save statements for many clients' }).click();
    const outcome = await outcomeOf(panel, 'Saved 4 CSV statements');
    // ACME, BETA, CEDAR and ECHO owe money at the end of March, but DELTA has nothing to state.
    const batch = join(session.host.exportsDir, `statements-${asOf}`);
    expect(outcome).toBe(
      `Saved 4 CSV statements in ${batch}. 1 client skipped: nothing to state in the period, ` +
        'or outside the filters.',
    );
    expect(readdirSync(batch).sort()).toEqual(
      ['ACME', 'BETA', 'CEDAR', 'ECHO'].map((code) => `statement-${code}-${asOf}.csv`),
    );

    const bar = panel.getByRole('progressbar');
    expect(await bar.getAttribute('aria-valuenow')).toBe('4');
  });

  it('statements batch follows the manager filter', async () => {
    const { page } = session;
    // Compared without case: the ledger stores "Anne".
    await page.getByLabel('Account manager').fill('anne');
    const panel = region('Statements for many clients');
    await panel.getByRole('button', { name: 'Save statements for many clients' }).click();
    const outcome = await outcomeOf(panel, 'Saved 2 CSV statements');
    // The first batch's folder is kept, and the second gets a new one beside it.
    const batch = join(session.host.exportsDir, `statements-${asOf}-2`);
    expect(outcome).toBe(
      `Saved 2 CSV statements in ${batch}. 3 clients skipped: nothing to state in the ` +
        'period, or outside the filters.',
    );
    expect(readdirSync(batch).sort()).toEqual([
      `statement-ACME-${asOf}.csv`,
      `statement-CEDAR-${asOf}.csv`,
    ]);
    await page.getByLabel('Account manager').fill('');
  });

  it('unknown client shows the ledger’s error', async () => {
    const { page } = session;
    await page.getByRole('radio', { name: 'Dunning letter', exact: true }).check();
    await page.getByLabel('Client code').fill('ZZZ');
    const alert = page.locator('.report-preview-error');
    await expect
      .poll(() => alert.innerText())
      .toBe(
        'The report cannot be made: No client with code "ZZZ": give a code as shown on the ' +
          'Clients page or by "duedesk risk".',
      );
    const panel = region('Save the report');
    expect(await panel.getByRole('button', { name: 'Save as CSV' }).isDisabled()).toBe(true);
    // The page shows it, so the banner for unexpected errors stays empty.
    expect(await page.locator('.error-banner-item').count()).toBe(0);

    await page.getByLabel('Client code').fill('ACME');
    await expect
      .poll(() => preview().getByRole('heading', { level: 2 }).innerText())
      .toBe('Dunning letter');
    expect(await alert.innerText()).toBe('');
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
