import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasIbmSample, ibmSamplePath } from '../support/ibm-sample.ts';
import { firstPageImage, pdfPages, skipPdfReading } from '../support/pdf-reader.ts';
import { useTempFolder } from '../support/temp-ledger.ts';
import { cli } from '../support/cli-run.ts';
import { readCsv } from '../support/report-files.ts';

const temp = useTempFolder();

/** Sums a column of plain decimals as integer cents, so no binary fraction creeps in. */
function sumCents(rows: Record<string, string>[], column: string): number {
  return rows.reduce((total, row) => total + Math.round(Number(row[column] || '0') * 100), 0);
}

/** Imports a ledger with formula-injection client names and a 15.00 credit note. */
async function hostileLedger() {
  const dir = temp.folder();
  const db = join(dir, 'ledger.sqlite');
  const file = temp.file(
    'invoices.csv',
    'Date,Due date,Invoice,Customer,Amount\n' +
      '2026-01-02,2026-02-01,I-1,"=HYPERLINK(""http://example.invalid"",""x"")",100.00\n' +
      '2026-01-05,2026-02-04,I-2,@SUM(1+1),40.00\n' +
      '2026-01-10,2026-02-09,I-3,Client -Minus Ltd,250.00\n' +
      '2026-01-12,2026-02-11,C-1,Client -Minus Ltd,-15.00\n',
  );
  const imported = await cli('import', file, '--db', db, '--currency', 'USD');
  expect(imported.code, imported.err).toBe(0);
  return { dir, db };
}

describe('aging reports', () => {
  it('summary CSV escapes formulas, keeps negatives', async () => {
    const { dir, db } = await hostileLedger();
    const out = join(dir, 'aging.csv');
    const result = await cli(
      'report',
      'aging-summary',
      '--db',
      db,
      '--as-of',
      '2026-03-01',
      '--out',
      out,
    );
    expect(result.code, result.err).toBe(0);

    const rows = readCsv(out);
    const byName = new Map(rows.map((row) => [row['client'], row]));
    expect([...byName.keys()].sort()).toEqual([
      '\'=HYPERLINK("http://example.invalid","x")',
      "'@SUM(1+1)",
      'Client -Minus Ltd',
    ]);

    // The credit note is not allocated, so it is unapplied: a negative number, unquoted.
    const minus = byName.get('Client -Minus Ltd')!;
    expect(minus['unapplied']).toBe('-15.00');
    expect(minus['days_1_30']).toBe('250.00');
    expect(minus['total']).toBe('235.00');
    expect(readFileSync(out, 'utf8')).toMatch(/,-15\.00,235\.00,1,USD\r\n/);
  });

  it('detail lists every open item', async () => {
    const { dir, db } = await hostileLedger();
    const out = join(dir, 'detail.csv');
    const result = await cli(
      'report',
      'aging-detail',
      '--db',
      db,
      '--as-of',
      '2026-03-01',
      '--out',
      out,
    );
    expect(result.code, result.err).toBe(0);

    const rows = readCsv(out);
    expect(rows.map((row) => [row['reference'], row['type'], row['open_balance']])).toEqual([
      ['I-1', 'invoice', '100.00'],
      ['I-2', 'invoice', '40.00'],
      ['I-3', 'invoice', '250.00'],
      ['', 'unapplied credit', '-15.00'],
    ]);
    // Due 2026-02-01, so 28 days past due on 2026-03-01.
    expect(rows[0]!['days_past_due']).toBe('28');
    expect(rows[0]!['bucket']).toBe('1–30 days');
    expect(sumCents(rows, 'open_balance')).toBe(37_500);
  });

  it('client filter narrows and rejects unknowns', async () => {
    const { dir, db } = await hostileLedger();
    const out = join(dir, 'one.csv');
    const codes = readCsv(
      (await cli('report', 'aging-detail', '--db', db, '--as-of', '2026-03-01', '--out', out))
        .code === 0
        ? out
        : '',
    ).map((row) => row['client_code']);
    const code = codes.at(-1)!;
    const narrowed = await cli(
      'report',
      'aging-detail',
      '--db',
      db,
      '--as-of',
      '2026-03-01',
      '--client',
      code,
      '--out',
      out,
    );
    expect(narrowed.code, narrowed.err).toBe(0);
    expect(readCsv(out).map((row) => row['reference'])).toEqual(['I-3', '']);

    const missing = join(dir, 'missing.csv');
    const unknown = await cli(
      'report',
      'aging-detail',
      '--db',
      db,
      '--as-of',
      '2026-03-01',
      '--client',
      'NOPE',
      '--out',
      missing,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/No client with code "NOPE"/);
    expect(existsSync(missing)).toBe(false);
  });

  it('rejects a period and an unknown extension', async () => {
    const { dir, db } = await hostileLedger();
    const out = join(dir, 'bad.csv');
    const period = await cli(
      'report',
      'aging-summary',
      '--db',
      db,
      '--from',
      '2026-01-01',
      '--to',
      '2026-03-01',
      '--out',
      out,
    );
    expect(period.code).toBe(2);
    expect(period.err).toMatch(/as of one date: give an as-of date, not a period/);

    const format = await cli(
      'report',
      'aging-summary',
      '--db',
      db,
      '--as-of',
      '2026-03-01',
      '--out',
      join(dir, 'x.txt'),
    );
    expect(format.code).toBe(2);
    expect(format.err).toMatch(/end it in \.pdf or \.csv/);
    expect(existsSync(out)).toBe(false);
  });
});

describe.skipIf(!hasIbmSample)("aging reports of IBM's sample", () => {
  it('CSV totals match duedesk aging', async () => {
    const dir = temp.folder();
    const db = join(dir, 'ar.sqlite');
    const imported = await cli(
      'import',
      ibmSamplePath,
      '--db',
      db,
      '--preset',
      'ibm-ar',
      '--currency',
      'USD',
    );
    expect(imported.code, imported.err).toBe(0);
    const aging = JSON.parse(
      (await cli('aging', '--db', db, '--as-of', '2013-12-31', '--json')).out,
    );
    const usd = aging.currencies.USD;

    const summary = join(dir, 'summary.csv');
    await cli('report', 'aging-summary', '--db', db, '--as-of', '2013-12-31', '--out', summary);
    const summaryRows = readCsv(summary);
    expect(sumCents(summaryRows, 'total')).toBe(usd.total);
    expect(sumCents(summaryRows, 'current')).toBe(usd.buckets['current']);
    expect(sumCents(summaryRows, 'days_1_30')).toBe(usd.buckets['1-30']);
    expect(sumCents(summaryRows, 'days_31_60')).toBe(usd.buckets['31-60']);
    expect(sumCents(summaryRows, 'days_61_90')).toBe(usd.buckets['61-90']);
    expect(sumCents(summaryRows, 'days_90_plus')).toBe(usd.buckets['90+']);
    expect(sumCents(summaryRows, 'invoices') / 100).toBe(usd.count);

    const detail = join(dir, 'detail.csv');
    await cli('report', 'aging-detail', '--db', db, '--as-of', '2013-12-31', '--out', detail);
    const detailRows = readCsv(detail);
    expect(sumCents(detailRows, 'open_balance')).toBe(usd.total);
    expect(detailRows.filter((row) => row['type'] === 'invoice')).toHaveLength(usd.count);
  });

  it.skipIf(skipPdfReading)('detail PDF shows the same total', async () => {
    const dir = temp.folder();
    const db = join(dir, 'ar.sqlite');
    await cli('import', ibmSamplePath, '--db', db, '--preset', 'ibm-ar', '--currency', 'USD');
    const aging = JSON.parse(
      (await cli('aging', '--db', db, '--as-of', '2013-12-31', '--json')).out,
    );
    const out = join(dir, 'detail.pdf');
    const result = await cli(
      'report',
      'aging-detail',
      '--db',
      db,
      '--as-of',
      '2013-12-31',
      '--out',
      out,
    );
    expect(result.code, result.err).toBe(0);

    const pages = pdfPages(out);
    expect(pages).toHaveLength(1);
    expect(result.out).toMatch(/: 1 page, in /);
    const total = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
      aging.currencies.USD.total / 100,
    );
    expect(pages.at(-1)).toContain(total);
    expect(pages[0]).toMatch(/Aging detail/);
    expect(pages[0]).toMatch(/Page 1 of \d+/);
    firstPageImage(out, 'aging-detail-ibm');
  });
});
