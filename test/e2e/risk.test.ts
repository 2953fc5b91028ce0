import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/import/import-file.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { riskReport, type ClientRisk } from '../../electron/risk/risk-report.ts';
import { hasIbmSample, ibmSamplePath } from '../support/ibm-sample.ts';
import { hasChromium, openBrowserSession, type BrowserSession } from './browser-session.ts';

const asOf = '2013-12-31';

/** The explanation as the client page shows it, with its points in a column of their own. */
function shownExplanation(explanation: string): string {
  const text = explanation.replace(/^(?:\+\d+|0): /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// The steps build on each other: the second opens a client from the list the first checks.
describe.skipIf(!hasChromium || !hasIbmSample).sequential('risk page on IBM sample', () => {
  const folder = mkdtempSync(join(tmpdir(), 'duedesk-e2e-'));
  const dbPath = join(folder, 'ledger.sqlite');
  let session: BrowserSession;
  let high: ClientRisk[] = [];

  beforeAll(async () => {
    const db = openLedger(dbPath);
    try {
      // The sample states no currency; the wizard run of the IBM preset requests one the same way.
      const result = await importFile(db, ibmSamplePath, { preset: 'ibm-ar', currency: 'USD' });
      expect(result.status).toBe('imported');
      high = riskReport(db, asOf).clients.filter(
        (client) => client.risk.status === 'scored' && client.risk.tier === 'high',
      );
    } finally {
      db.close();
    }
    session = await openBrowserSession(dbPath);
    await session.page.getByLabel('As of').fill(asOf);
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('high tier matches risk report', async () => {
    const { page } = session;
    // A test of an empty tier would prove nothing, so the sample must have high-risk clients.
    expect(high.length).toBeGreaterThan(0);
    await session.open('#/risk');
    const section = page.getByRole('region', { name: /^High risk/ });
    await expect.poll(() => section.locator('tbody tr').count()).toBe(high.length);
    expect(await section.getByRole('heading').innerText()).toBe(`High risk (${high.length})`);
    const shown = await section
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.querySelector('th')?.textContent,
          row.querySelector('td')?.textContent,
        ]),
      );
    const expected = high.map((client) => [
      client.name,
      String(client.risk.status === 'scored' ? client.risk.score : null),
    ]);
    expect(shown).toEqual(expected);
    await session.screenshot('risk');
  });

  it('client page explains its score', async () => {
    const { page } = session;
    const client = high[0];
    if (client?.risk.status !== 'scored') throw new Error('No high-risk client to open.');
    const section = page.getByRole('region', { name: /^High risk/ });
    await section.getByRole('rowheader', { name: client.name, exact: true }).click();
    await page.waitForFunction(`location.hash === '#/clients/${client.clientId}'`);
    const panel = page.getByRole('region', { name: 'Risk score' });
    const rows = panel.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(client.risk.components.length);
    const shown = await rows.evaluateAll((cells) =>
      cells.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
    );
    expect(shown).toEqual(
      client.risk.components.map((component) => [
        component.points > 0 ? `+${component.points}` : '0',
        shownExplanation(component.explanation),
      ]),
    );
    expect(await panel.getByText(`${client.risk.score} of 100`).count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
    await panel.scrollIntoViewIfNeeded();
    await session.screenshot('risk-client');
  });
});
