import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/import/import-file.ts';
import type { Ledger } from '../../electron/ledger/database.ts';
import { agingReport } from '../../electron/reports/aging-report.ts';
import { collectionMetrics } from '../../electron/reports/collection-metrics-report.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();

async function load(db: Ledger, invoiceRows: string, paymentRows = '') {
  const invoices = temp.file(
    'invoices.csv',
    `Date,Due date,Invoice,Customer,Amount\n${invoiceRows}`,
  );
  const imported = await importFile(db, invoices, { currency: 'USD' });
  expect(imported.status).toBe('imported');
  if (paymentRows) {
    const payments = temp.file('payments.csv', `Date,Customer,Invoice,Amount\n${paymentRows}`);
    const paid = await importFile(db, payments, { kind: 'payments', currency: 'USD' });
    expect(paid.status).toBe('imported');
  }
}

describe('aging read from the ledger', () => {
  it('ages back-dated before later payments', async () => {
    const { db } = temp.ledger();
    await load(
      db,
      '2025-11-15,2025-12-15,B-1,Acme,500.00\n2025-12-01,2025-12-31,B-2,Acme,250.00\n',
      '2026-01-20,Acme,B-1,500.00\n2025-12-20,Acme,B-2,100.00\n',
    );
    const usd = agingReport(db, '2025-12-31').currencies.USD;
    expect(usd?.buckets['1-30']).toBe(50000);
    expect(usd?.buckets.current).toBe(15000);
    expect(usd?.total).toBe(65000);
    expect(usd?.count).toBe(2);
    // After the January payment only 150.00 of B-2 is left, 20 days past due.
    const later = agingReport(db, '2026-01-20').currencies.USD;
    expect(later?.total).toBe(15000);
    expect(later?.buckets['1-30']).toBe(15000);
  });

  it('counts a prepayment once the invoice exists', async () => {
    const { db } = temp.ledger();
    await load(
      db,
      '2026-03-31,2026-04-30,P-1,Acme,"10,000.00"\n',
      '2026-03-15,Acme,P-1,"1,500.00"\n2026-05-05,Acme,P-1,"1,000.00"\n' +
        '2026-05-20,Acme,P-1,"2,000.00"\n',
    );
    const usd = agingReport(db, '2026-06-04').currencies.USD;
    expect(usd?.buckets['31-60']).toBe(550000);
    expect(usd?.buckets['90+']).toBe(0);
    expect(usd?.total).toBe(550000);
    // Before the invoice exists, the prepayment is unapplied cash on account.
    const before = agingReport(db, '2026-03-20').currencies.USD;
    expect(before?.unappliedPayments).toBe(-150000);
    expect(before?.total).toBe(-150000);
    expect(before?.count).toBe(0);
  });

  it('keeps unapplied payments in the total', async () => {
    const { db } = temp.ledger();
    await load(db, '2026-01-01,2026-01-31,U-1,Acme,300.00\n');
    const payments = temp.file('cash.csv', 'Date,Customer,Amount\n2026-02-10,Acme,50.00\n');
    await importFile(db, payments, { kind: 'payments', currency: 'USD' });
    const usd = agingReport(db, '2026-03-02').currencies.USD;
    expect(usd?.buckets['1-30']).toBe(30000);
    expect(usd?.unappliedPayments).toBe(-5000);
    expect(usd?.total).toBe(25000);
    const sumOfBuckets = Object.values(usd?.buckets ?? {}).reduce((a, b) => a + b, 0);
    expect(sumOfBuckets + (usd?.unappliedPayments ?? 0) + (usd?.unappliedCredits ?? 0)).toBe(
      usd?.total,
    );
  });

  it('computes period metrics from the ledger', async () => {
    const { db } = temp.ledger();
    // Q1 2026: 1,000.00 open from December, 3,000.00 sold, 2,000.00 collected.
    await load(
      db,
      '2025-12-10,2026-01-09,M-0,Acme,"1,000.00"\n' +
        '2026-01-15,2026-02-14,M-1,Acme,"1,000.00"\n' +
        '2026-02-15,2026-03-17,M-2,Acme,"1,000.00"\n' +
        '2026-03-20,2026-04-19,M-3,Acme,"1,000.00"\n',
      '2026-01-19,Acme,M-0,"1,000.00"\n2026-02-24,Acme,M-1,"1,000.00"\n',
    );
    const usd = collectionMetrics(db, '2026-01-01', '2026-03-31').currencies.USD;
    expect(usd?.creditSales).toBe(300000);
    expect(usd?.beginningReceivables).toBe(100000);
    expect(usd?.endingReceivables).toBe(200000);
    expect(usd?.endingCurrentReceivables).toBe(100000);
    // DSO = 2000 / 3000 × 90 = 60; best possible = 1000 / 3000 × 90 = 30.
    expect(usd?.dso).toBeCloseTo(60, 10);
    expect(usd?.bestPossibleDso).toBeCloseTo(30, 10);
    expect(usd?.averageDaysDelinquent).toBeCloseTo(30, 10);
    // CEI = (1000 + 3000 − 2000) / (1000 + 3000 − 1000) × 100 = 66.67.
    expect(usd?.cei).toBeCloseTo(66.6667, 3);
    // Count-back: March sales 1000 (31 days), February 1000 (28 days) cover 2000 exactly.
    expect(usd?.countbackDso).toBeCloseTo(59, 10);
    // M-0 settled 10 days late, M-1 10 days late.
    expect(usd?.settledInvoices).toBe(2);
    expect(usd?.averageDaysLate).toBe(10);
    expect(usd?.weightedAverageDaysLate).toBe(10);
  });
});
