import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoLedger } from '../../electron/demo/demo-ledger.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { readRiskSettings } from '../../electron/ledger/risk-settings-store.ts';
import {
  segmentationReport,
  type SegmentationReport,
  type SegmentClient,
} from '../../electron/risk/segmentation-report.ts';
import { formatMoney } from '../../shared/money.ts';
import type { RiskTier } from '../../shared/risk/risk-score.ts';
import { hasChromium, openBrowserSession, type BrowserSession } from './browser-session.ts';

const endDate = '2026-03-31';
const tierHeadings: Record<RiskTier, string> = {
  high: 'High risk',
  medium: 'Medium risk',
  low: 'Low risk',
};

/** Utilisation as the page shows it: a percentage with one decimal, or a dash. */
function shownShare(share: number | null): string {
  return share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

function shownRow(client: SegmentClient): string[] {
  const money = (cents: number) => formatMoney(cents, client.currency);
  return [
    `${client.name} ${client.code}`,
    String(client.risk.status === 'scored' ? client.risk.score : ''),
    money(client.balanceCents),
    money(client.overdueCents),
    client.creditLimitCents === null ? '—' : money(client.creditLimitCents),
    shownShare(client.utilisation),
  ];
}

// The steps build on each other: the last opens a client from the list the first checks.
describe.skipIf(!hasChromium).sequential('risk segmentation view', () => {
  const folder = mkdtempSync(join(tmpdir(), 'duedesk-e2e-'));
  const dbPath = join(folder, 'ledger.sqlite');
  let session: BrowserSession;
  let report: SegmentationReport;
  let currency = '';
  let clients: SegmentClient[] = [];

  beforeAll(async () => {
    const db = openLedger(dbPath);
    try {
      createDemoLedger(db, { clients: 80, invoices: 6_000, seed: 5, endDate });
      report = segmentationReport(db, endDate, readRiskSettings(db));
    } finally {
      db.close();
    }
    // The currency with the most rising clients, so that the flagged list is not empty.
    const rising = new Map<string, number>();
    for (const client of report.clients.filter((each) => each.rose)) {
      rising.set(client.currency, (rising.get(client.currency) ?? 0) + 1);
    }
    currency = [...rising].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
    clients = report.clients.filter((client) => client.currency === currency);
    session = await openBrowserSession(dbPath);
    await session.page.getByLabel('As of').fill(endDate);
    await session.page.getByLabel('Currency').selectOption(currency);
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows each tier as the report', async () => {
    expect(currency).not.toBe('');
    const { page } = session;
    await session.open('#/risk');
    for (const tier of ['high', 'medium', 'low'] as const) {
      const expected = clients.filter(
        (client) => client.risk.status === 'scored' && client.risk.tier === tier,
      );
      const section = page.getByRole('region', { name: new RegExp(`^${tierHeadings[tier]}`) });
      await expect.poll(() => section.locator('tbody tr').count()).toBe(expected.length || 1);
      expect(await section.getByRole('heading').innerText()).toBe(
        `${tierHeadings[tier]} (${expected.length})`,
      );
      if (expected.length === 0) continue;
      const shown = await section
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) =>
            [row.querySelector('th'), ...row.querySelectorAll('td')]
              .slice(0, 6)
              .map((cell) => cell?.textContent ?? ''),
          ),
        );
      expect(shown, tier).toEqual(expected.map(shownRow));
    }
    const unscored = clients.filter((client) => client.risk.status !== 'scored');
    if (unscored.length > 0) {
      const section = page.getByRole('region', { name: /^Too little history/ });
      expect(await section.locator('tbody tr').count()).toBe(unscored.length);
    }
    await session.screenshot('risk-segmentation');
  });

  it('flags the rising clients with suggestions', async () => {
    const { page } = session;
    const rising = clients.filter((client) => client.rose);
    expect(rising.length).toBeGreaterThan(0);
    const panel = page.getByRole('region', { name: /^Rising clients/ });
    expect(await panel.getByRole('heading').innerText()).toBe(`Rising clients (${rising.length})`);
    const shown = await panel.locator('ul.rising-clients > li').evaluateAll((items) =>
      items.map((item) => ({
        clientId: Number(item.getAttribute('data-client-id')),
        suggestions: [...item.querySelectorAll('.suggestions li')].map((li) => li.textContent),
      })),
    );
    expect(shown).toEqual(
      rising.map((client) => ({
        clientId: client.clientId,
        suggestions: client.suggestions.map((suggestion) => suggestion.text),
      })),
    );
    // The tables mark the same clients as rising.
    const marked = await page
      .locator('.risk-table tbody tr:has(.tier-rose) th')
      .evaluateAll((cells) => cells.map((cell) => cell.textContent));
    expect([...marked].sort()).toEqual(
      rising.map((client) => `${client.name} ${client.code}`).sort(),
    );
  });

  it('counts the tier mix by month', async () => {
    const { page } = session;
    const panel = page.getByRole('region', { name: 'Tier mix by month' });
    const shown = await panel
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent)),
      );
    expect(shown).toEqual(
      report.tierMix.map(({ date, byCurrency }) => {
        const counts = byCurrency[currency] ?? { low: 0, medium: 0, high: 0, unscored: 0 };
        const total = counts.low + counts.medium + counts.high + counts.unscored;
        return [date, counts.high, counts.medium, counts.low, counts.unscored, total].map(String);
      }),
    );
    expect(shown.length).toBe(12);
    expect(await panel.locator('canvas').count()).toBe(1);
    const policies = page.getByRole('region', { name: 'Tier policies' });
    expect(await policies.locator('tbody tr').first().innerText()).toContain('Net 15');
  });

  it('client page explains its score', async () => {
    const { page } = session;
    const client = clients.find((each) => each.rose);
    if (client?.risk.status !== 'scored') throw new Error('No rising client to open.');
    const panel = page.getByRole('region', { name: /^Rising clients/ });
    await panel.locator(`li[data-client-id="${client.clientId}"] > a`).click();
    await page.waitForFunction(`location.hash === '#/clients/${client.clientId}'`);
    const risk = page.getByRole('region', { name: 'Risk score' });
    const rows = risk.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(client.risk.components.length);
    const points = await rows.evaluateAll((cells) =>
      cells.map((row) => row.querySelector('td')?.textContent),
    );
    expect(points).toEqual(
      client.risk.components.map((component) =>
        component.points > 0 ? `+${component.points}` : '0',
      ),
    );
    expect(await risk.getByText(`${client.risk.score} of 100`).count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
    await session.screenshot('risk-segmentation-client');
  });
});
