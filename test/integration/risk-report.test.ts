import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { runCli } from '../../electron/cli/main.ts';
import { createDemoLedger, demoClientProfiles } from '../../electron/demo/demo-ledger.ts';
import type { PaymentProfile } from '../../electron/demo/payment-behaviour.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { openLedger } from '../../electron/ledger/database.ts';
import { riskReport, type ClientRisk } from '../../electron/risk/risk-report.ts';
import { addMonths, type IsoDate } from '../../shared/calendar-date.ts';
import type { RiskTier } from '../../shared/risk/risk-score.ts';
import { hasIbmSample, ibmSamplePath } from '../support/ibm-sample.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();

function score(client: ClientRisk): number | null {
  return client.risk.status === 'scored' ? client.risk.score : null;
}

function tier(client: ClientRisk): RiskTier | null {
  return client.risk.status === 'scored' ? client.risk.tier : null;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

const tierRank: Record<RiskTier, number> = { low: 0, medium: 1, high: 2 };

describe.skipIf(!hasIbmSample)('risk report on the IBM sample', () => {
  it('ranks the clients that paid latest in 2013 highest', async () => {
    const { db } = temp.ledger();
    await importFile(db, ibmSamplePath, { preset: 'ibm-ar', currency: 'USD' });
    const report = riskReport(db, '2013-12-31');

    // Amount-weighted average of the file's DaysLate over the invoices settled in 2013, per
    // client with at least 3 of them: the clients the report can score.
    const rows = parse(readFileSync(ibmSamplePath), { columns: true }) as Record<string, string>[];
    const late = new Map<string, { weighted: number; amount: number; count: number }>();
    for (const row of rows) {
      if (!(row.SettledDate as string).endsWith('/2013')) continue;
      const amount = Math.round(Number(row.InvoiceAmount) * 100);
      const entry = late.get(row.customerID as string) ?? { weighted: 0, amount: 0, count: 0 };
      entry.weighted += Number(row.DaysLate) * amount;
      entry.amount += amount;
      entry.count += 1;
      late.set(row.customerID as string, entry);
    }
    const averages = [...late.entries()]
      .filter(([, entry]) => entry.count >= 3)
      .map(([code, entry]) => ({ code, average: entry.weighted / entry.amount }))
      .sort((a, b) => b.average - a.average);
    expect(averages.length).toBeGreaterThan(20);

    const byCode = new Map(report.clients.map((client) => [client.code, client]));
    const scoreOf = (code: string) => {
      const value = score(byCode.get(code) as ClientRisk);
      expect(value, `client ${code} is scored`).not.toBeNull();
      return value as number;
    };
    const latest = averages.slice(0, 10).map(({ code }) => scoreOf(code));
    const earliest = averages.slice(-10).map(({ code }) => scoreOf(code));
    expect(mean(latest)).toBeGreaterThan(mean(earliest) + 30);

    // 15 days late alone gives 15 × 2.5 = 37.5 points, over the medium threshold.
    const veryLate = averages.filter(({ average }) => average > 15);
    expect(veryLate.length).toBeGreaterThan(0);
    for (const { code } of veryLate) {
      expect(tier(byCode.get(code) as ClientRisk), `client ${code}`).not.toBe('low');
    }
    expect(report.clients.some((client) => tier(client) === 'high')).toBe(true);
  });
});

describe('risk report on a demo ledger', () => {
  const endDate: IsoDate = '2026-03-31';
  const options = { clients: 120, invoices: 12_000, seed: 20_260_331, endDate };

  it("follows the demo clients' hidden payment profiles", () => {
    const { db } = temp.ledger();
    createDemoLedger(db, options);
    const profiles = demoClientProfiles(options);
    const earlierDate = addMonths(endDate, -9);
    const now = riskReport(db, endDate);
    const earlier = new Map(
      riskReport(db, earlierDate).clients.map((client) => [client.code, client]),
    );

    const scoresOf = (profile: PaymentProfile, clients: Iterable<ClientRisk>) =>
      [...clients]
        .filter((client) => profiles.get(client.code) === profile)
        .map(score)
        .filter((value): value is number => value !== null);

    // Deteriorating clients pay on time until the last 6 months, then later and later.
    const deterioratingNow = scoresOf('deteriorating', now.clients);
    const deterioratingEarlier = scoresOf('deteriorating', earlier.values());
    expect(deterioratingNow.length).toBeGreaterThan(5);
    expect(mean(deterioratingNow)).toBeGreaterThan(mean(deterioratingEarlier));
    const movedUp = now.clients.filter((client) => {
      const before = earlier.get(client.code);
      const [tierNow, tierBefore] = [tier(client), before ? tier(before) : null];
      return (
        profiles.get(client.code) === 'deteriorating' &&
        tierNow !== null &&
        tierBefore !== null &&
        tierRank[tierNow] > tierRank[tierBefore]
      );
    });
    expect(movedUp.length).toBeGreaterThan(0);

    expect(mean(scoresOf('prompt', now.clients))).toBeLessThan(mean(scoresOf('slow', now.clients)));
  });
});

describe('duedesk risk', () => {
  it('prints the report as JSON, highest score first', async () => {
    const dir = temp.folder();
    const path = join(dir, 'demo.db');
    const db = openLedger(path);
    createDemoLedger(db, { clients: 30, invoices: 1_500, seed: 7, endDate: '2026-03-31' });
    db.close();

    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
    const code = await runCli(['risk', '--db', path, '--as-of', '2026-03-31', '--json'], io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n')) as { asOf: string; clients: ClientRisk[] };
    expect(report.asOf).toBe('2026-03-31');
    expect(report.clients.length).toBe(30);
    const scores = report.clients.map(score);
    const scored = scores.filter((value): value is number => value !== null);
    expect(scored.length).toBeGreaterThan(0);
    expect(scored).toEqual([...scored].sort((a, b) => b - a));
    // Unscored clients come after every scored one.
    expect(scores.slice(0, scored.length).every((value) => value !== null)).toBe(true);

    const table: string[] = [];
    const tableIo = { out: (text: string) => table.push(text), err: io.err };
    expect(await runCli(['risk', '--db', path, '--as-of', '2026-03-31'], tableIo)).toBe(0);
    expect(table.join('\n')).toMatch(
      /^Client risk as of 2026-03-31\n\nTiers: low below 35, medium from 35, high from 65\./,
    );
    expect(table.join('\n')).toMatch(/\ncode\s+client\s+score\s+balance\s+overdue\s+limit/);
  });
});
