import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/import/import-file.ts';
import { agingReport } from '../../electron/reports/aging-report.ts';
import { exportInvoicesCsv } from '../../electron/reports/invoice-export.ts';
import { hasIbmSample, ibmSamplePath } from '../support/ibm-sample.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();

type SampleRow = Record<string, string>;

describe.skipIf(!hasIbmSample)('IBM accounts-receivable sample', () => {
  const sample = parse(readFileSync(ibmSamplePath), { columns: true }) as SampleRow[];

  it('imports every invoice and its settlement', async () => {
    const { db } = temp.ledger();
    const result = await importFile(db, ibmSamplePath, { preset: 'ibm-ar', currency: 'USD' });
    expect(result.status).toBe('imported');
    expect(result.counts.invoices).toBe(2466);
    expect(result.counts.payments).toBe(2466);
    expect(result.counts.clients).toBe(100);
    const disputed = sample.filter((row) => row.Disputed === 'Yes').length;
    expect(db.prepare('SELECT COUNT(*) FROM disputes').pluck().get()).toBe(disputed);
    const cents = sample.reduce((sum, row) => sum + Math.round(Number(row.InvoiceAmount) * 100), 0);
    expect(db.prepare('SELECT SUM(amount_cents) FROM invoices').pluck().get()).toBe(cents);
  });

  it("exports the file's DaysLate on every row", async () => {
    const { db, dir } = temp.ledger();
    await importFile(db, ibmSamplePath, { preset: 'ibm-ar', currency: 'USD' });
    const out = join(dir, 'invoices.csv');
    const { rows } = await exportInvoicesCsv(db, out, '2014-12-31');
    expect(rows).toBe(2466);
    const exported = parse(readFileSync(out), { columns: true, bom: true }) as SampleRow[];
    const byNumber = new Map(exported.map((row) => [row.invoice_number, row]));
    let compared = 0;
    for (const row of sample) {
      const mine = byNumber.get(row.invoiceNumber as string);
      expect(mine?.days_late, `invoice ${row.invoiceNumber}`).toBe(row.DaysLate);
      expect(mine?.open_balance).toBe('0.00');
      compared += 1;
    }
    expect(compared).toBe(2466);
  });

  it('ages open invoices as of a past date', async () => {
    const { db } = temp.ledger();
    await importFile(db, ibmSamplePath, { preset: 'ibm-ar', currency: 'USD' });
    const asOf = '2013-06-30';
    // Hand-rolled check straight from the file: invoices issued by the as-of date and
    // settled after it are open; their whole amount is the balance.
    const toIso = (text: string) => {
      const [month, day, year] = text.split('/').map(Number) as [number, number, number];
      return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    };
    const open = sample.filter(
      (row) => toIso(row.InvoiceDate as string) <= asOf && toIso(row.SettledDate as string) > asOf,
    );
    const expected = open.reduce(
      (sum, row) => sum + Math.round(Number(row.InvoiceAmount) * 100),
      0,
    );
    const usd = agingReport(db, asOf).currencies.USD;
    expect(usd?.total).toBe(expected);
    expect(usd?.count).toBe(open.length);
    const current = open
      .filter((row) => toIso(row.DueDate as string) >= asOf)
      .reduce((sum, row) => sum + Math.round(Number(row.InvoiceAmount) * 100), 0);
    expect(usd?.buckets.current).toBe(current);
  });
});
