import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import { createDemoLedger, demoClientProfiles } from '../../electron/demo/demo-ledger.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { openLedger, type Ledger } from '../../electron/ledger/database.ts';
import { trendReport, type TrendReport } from '../../electron/trends/trend-report.ts';
import type { IsoDate } from '../../shared/calendar-date.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();

/**
 * Two USD clients. Acme pays 10 days late (40 days on 30-day terms), A-3 7 days
 * early (23 days) and owes A-4. Beta pays B-1 5 days early (25 days) and B-2 10 days late
 * (40 days).
 */
async function loadLedger(db: Ledger) {
  const invoices = temp.file(
    'invoices.csv',
    'Date,Due date,Invoice,Customer,Amount\n' +
      '2025-12-10,2026-01-09,A-1,Acme,"1,000.00"\n' +
      '2026-01-15,2026-02-14,A-2,Acme,"1,000.00"\n' +
      '2026-02-15,2026-03-17,A-3,Acme,"2,000.00"\n' +
      '2026-03-20,2026-04-19,A-4,Acme,"1,000.00"\n' +
      '2026-01-05,2026-02-04,B-1,Beta,500.00\n' +
      '2026-01-20,2026-02-19,B-2,Beta,500.00\n',
  );
  expect((await importFile(db, invoices, { currency: 'USD' })).status).toBe('imported');
  const payments = temp.file(
    'payments.csv',
    'Date,Customer,Invoice,Amount\n' +
      '2026-01-19,Acme,A-1,"1,000.00"\n' +
      '2026-02-24,Acme,A-2,"1,000.00"\n' +
      '2026-03-10,Acme,A-3,"2,000.00"\n' +
      '2026-01-30,Beta,B-1,500.00\n' +
      '2026-03-01,Beta,B-2,500.00\n',
  );
  const paid = await importFile(db, payments, { kind: 'payments', currency: 'USD' });
  expect(paid.status).toBe('imported');
  db.prepare(
    `UPDATE clients SET credit_limit_cents = 400000, credit_limit_currency = 'USD'
     WHERE name = 'Acme'`,
  ).run();
}

function clientMonths(report: TrendReport, name: string) {
  const client = report.clients.find((entry) => entry.name === name);
  expect(client, `client ${name}`).toBeDefined();
  return client?.months ?? [];
}

describe('trend report on a hand-made ledger', () => {
  it('measures the portfolio per month', async () => {
    const { db } = temp.ledger();
    await loadLedger(db);
    const report = trendReport(db, '2026-01-01', '2026-03-31');
    expect(report.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(Object.keys(report.portfolio)).toEqual(['USD']);
    const [january, february, march] = report.portfolio.USD ?? [];

    // January: sales 1,000 + 500 + 500 = 2,000. Receivables 1,000 + 2,000 − 1,500 = 1,500.
    // DSO 1,500 ÷ 2,000 × 31 = 23.25. Settled A-1 (1,000: 40 days, 10 late) and B-1 (500:
    // 25 days, 5 early): payment time (40,000 + 12,500) ÷ 1,500 = 35, days late
    // (10,000 − 2,500) ÷ 1,500 = 5, 1 of 2 late.
    expect(january?.creditSalesCents).toBe(200_000);
    expect(january?.receivablesCents).toBe(150_000);
    expect(january?.dso).toBeCloseTo(23.25, 10);
    expect(january?.averagePaymentDays).toBeCloseTo(35, 10);
    expect(january?.averageDaysLate).toBeCloseTo(5, 10);
    expect(january?.lateShare).toBe(0.5);
    expect(january?.creditUtilisation).toBeNull();

    // February: sales 2,000, receivables 1,500 + 2,000 − 1,000 = 2,500, DSO 2,500 ÷ 2,000 × 28
    // = 35. Settled A-2 only: 40 days, 10 late.
    expect(february?.receivablesCents).toBe(250_000);
    expect(february?.dso).toBeCloseTo(35, 10);
    expect(february?.averagePaymentDays).toBe(40);
    expect(february?.averageDaysLate).toBe(10);
    expect(february?.lateShare).toBe(1);

    // March: sales 1,000, receivables 2,500 + 1,000 − 2,500 = 1,000, DSO 31. Settled A-3
    // (2,000: 23 days, 7 early) and B-2 (500: 40 days, 10 late): payment time
    // (46,000 + 20,000) ÷ 2,500 = 26.4, days late (−14,000 + 5,000) ÷ 2,500 = −3.6.
    expect(march?.receivablesCents).toBe(100_000);
    expect(march?.dso).toBeCloseTo(31, 10);
    expect(march?.averagePaymentDays).toBeCloseTo(26.4, 10);
    expect(march?.averageDaysLate).toBeCloseTo(-3.6, 10);
    expect(march?.lateShare).toBe(0.5);
    expect(report.alerts).toEqual([]);
  });

  it('measures each client per month', async () => {
    const { db } = temp.ledger();
    await loadLedger(db);
    const report = trendReport(db, '2026-01-01', '2026-03-31');
    expect(report.clients.map((client) => client.currency)).toEqual(['USD', 'USD']);

    // Acme: receivables and open balance 1,000, 2,000, 1,000 at the month ends, against
    // sales of 1,000, 2,000, 1,000 and a limit of 4,000.
    const acme = clientMonths(report, 'Acme');
    expect(acme.map((month) => month.dso)).toEqual([31, 28, 31]);
    expect(acme.map((month) => month.openBalanceCents)).toEqual([100_000, 200_000, 100_000]);
    expect(acme.map((month) => month.creditUtilisation)).toEqual([0.25, 0.5, 0.25]);
    expect(acme.map((month) => month.averageDaysLate)).toEqual([10, 10, -7]);

    // Beta: January 500 owed of 1,000 sold: DSO 500 ÷ 1,000 × 31 = 15.5. Nothing sold or
    // settled in February. In March B-2 is settled 10 days late and nothing is sold.
    const beta = clientMonths(report, 'Beta');
    expect(beta.map((month) => month.dso)).toEqual([15.5, null, null]);
    expect(beta.map((month) => month.averagePaymentDays)).toEqual([25, null, 40]);
    expect(beta.map((month) => month.averageDaysLate)).toEqual([-5, null, 10]);
    expect(beta.map((month) => month.lateShare)).toEqual([0, null, 1]);
    expect(beta.map((month) => month.creditUtilisation)).toEqual([null, null, null]);
  });

  it('clips the first and last months to the period', async () => {
    const { db } = temp.ledger();
    await loadLedger(db);
    const report = trendReport(db, '2026-01-16', '2026-03-20');
    const months = report.portfolio.USD ?? [];
    expect(months.map((month) => month.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    // January 16-31: only B-2 (500) is sold. Receivables 1,500: DSO 1,500 ÷ 500 × 16 = 48.
    // A-1 and B-1 are both settled after the 16th.
    expect(months[0]?.creditSalesCents).toBe(50_000);
    expect(months[0]?.dso).toBeCloseTo(48, 10);
    expect(months[0]?.settledInvoices).toBe(2);
    // March 1-20: A-4 (1,000) sold on the 20th, receivables 1,000: DSO 1,000 ÷ 1,000 × 20.
    expect(months[2]?.dso).toBeCloseTo(20, 10);
  });

  it('rejects a period that ends before it starts', () => {
    const { db } = temp.ledger();
    expect(() => trendReport(db, '2026-03-01', '2026-02-01')).toThrow(RangeError);
  });
});

describe('trend report on a demo ledger', () => {
  const endDate: IsoDate = '2026-03-31';
  const options = { clients: 120, invoices: 12_000, seed: 20_260_331, endDate };

  it('alerts on deteriorating clients, not prompt ones', () => {
    const { db } = temp.ledger();
    createDemoLedger(db, options);
    const profiles = demoClientProfiles(options);
    const report = trendReport(db, '2025-04-01', endDate);
    expect(report.months).toHaveLength(12);

    const codesOf = (profile: string) =>
      report.clients
        .filter((client) => profiles.get(client.code) === profile)
        .map((client) => client.code);
    const alerted = new Set(
      report.alerts.filter((alert) => alert.kind === 'days-late').map((alert) => alert.code),
    );
    const deteriorating = codesOf('deteriorating');
    expect(deteriorating.length).toBeGreaterThan(5);
    const deterioratingAlerted = deteriorating.filter((code) => alerted.has(code));
    expect(deterioratingAlerted.length * 2).toBeGreaterThanOrEqual(deteriorating.length);
    expect(codesOf('prompt').filter((code) => alerted.has(code))).toEqual([]);
  });
});

describe('duedesk trends', () => {
  it('prints the report as JSON and text', async () => {
    const dir = temp.folder();
    const path = join(dir, 'demo.db');
    const db = openLedger(path);
    createDemoLedger(db, { clients: 30, invoices: 1_500, seed: 7, endDate: '2026-03-31' });
    db.close();

    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
    const args = ['trends', '--db', path, '--from', '2025-04-01', '--to', '2026-03-31'];
    expect(await runCli([...args, '--json'], io)).toBe(0);
    expect(err).toEqual([]);
    const report = JSON.parse(out.join('\n')) as TrendReport;
    expect(report.from).toBe('2025-04-01');
    expect(report.to).toBe('2026-03-31');
    expect(report.months).toHaveLength(12);
    expect(report.clients.length).toBe(30);
    for (const months of Object.values(report.portfolio)) expect(months).toHaveLength(12);

    const reader = openLedger(path, { readOnly: true });
    try {
      expect(report).toEqual(
        JSON.parse(JSON.stringify(trendReport(reader, '2025-04-01', '2026-03-31'))),
      );
    } finally {
      reader.close();
    }

    const table: string[] = [];
    const tableIo = { out: (text: string) => table.push(text), err: io.err };
    expect(await runCli(args, tableIo)).toBe(0);
    expect(table.join('\n')).toMatch(
      /^Payment trends 2025-04-01 to 2026-03-31\n\n[A-Z]{3}\s+DSO\s+avg payment time/,
    );
    expect(table.join('\n')).toMatch(/\n\nAlerts( \(\d+\):|: none\.)/);
  });
});
