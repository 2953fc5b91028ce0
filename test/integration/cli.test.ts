import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasIbmSample, ibmSamplePath } from '../support/ibm-sample.ts';
import { useTempFolder } from '../support/temp-ledger.ts';
import { cli } from '../support/cli-run.ts';

const temp = useTempFolder();
const bin = fileURLToPath(new URL('../../bin/duedesk.js', import.meta.url));

/** Runs the CLI in-process and returns its exit code and output. */
describe('duedesk command line', () => {
  it('runs as a program through bin', () => {
    const result = spawnSync(process.execPath, [bin, 'help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/usage: duedesk COMMAND/);
  });

  it('imports, ages and measures a file', async () => {
    const dir = temp.folder();
    const db = join(dir, 'ledger.sqlite');
    const file = temp.file(
      'invoices.csv',
      'Date,Due date,Invoice,Customer,Amount\n2026-01-02,2026-02-01,I-1,Acme,100.00\n' +
        '2026-01-20,2026-02-19,I-2,Bolt,250.50\n',
    );
    const imported = await cli('import', file, '--db', db, '--currency', 'USD');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/2 invoices, 0 payments, 0 credit notes, 2 new clients/);

    const aging = await cli('aging', '--db', db, '--as-of', '2026-03-02', '--json');
    expect(aging.code).toBe(0);
    const report = JSON.parse(aging.out);
    expect(report.asOf).toBe('2026-03-02');
    // I-1 is 29 days past due, I-2 is 11 days past due.
    expect(report.currencies.USD.buckets['1-30']).toBe(35050);
    expect(report.currencies.USD.total).toBe(35050);
    expect(report.currencies.USD.count).toBe(2);

    const byClient = await cli('aging', '--db', db, '--as-of', '2026-03-02', '--by', 'client');
    expect(byClient.out).toMatch(/Acme\s+\$0\.00\s+\$100\.00/);

    const metrics = await cli(
      'metrics',
      '--db',
      db,
      '--from',
      '2026-01-01',
      '--to',
      '2026-01-31',
      '--json',
    );
    expect(metrics.code).toBe(0);
    const usd = JSON.parse(metrics.out).currencies.USD;
    expect(usd.creditSales).toBe(35050);
    // All of January's sales are still owed and not yet due: DSO = 31 days. Nothing came due,
    // so CEI's denominator (0 + 35050 − 35050) is zero and CEI is undefined.
    expect(usd.dso).toBe(31);
    expect(usd.bestPossibleDso).toBe(31);
    expect(usd.cei).toBeNull();
  });

  it('exits non-zero when nothing is imported', async () => {
    const dir = temp.folder();
    const db = join(dir, 'ledger.sqlite');
    const bad = temp.file('bad.csv', 'Date,Invoice,Customer,Amount\n2026-13-01,X,Acme,1.00\n');
    const result = await cli('import', bad, '--db', db, '--currency', 'USD');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/line 2, column "Date", value "2026-13-01"/);
  });

  it('dry-runs without creating a ledger', async () => {
    const dir = temp.folder();
    const db = join(dir, 'never.sqlite');
    const file = temp.file('ok.csv', 'Date,Invoice,Customer,Amount\n2026-01-01,A-1,Acme,1.00\n');
    const result = await cli('import', file, '--db', db, '--currency', 'USD', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/would import 1 invoice, 0 payments/);
    expect(existsSync(db)).toBe(false);
  });

  it('leaves no ledger after a failed import', async () => {
    const dir = temp.folder();
    const db = join(dir, 'new.sqlite');
    const missing = await cli('import', join(dir, 'missing.csv'), '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/File not found/);
    const bad = temp.file('bad.csv', 'Date,Invoice,Customer,Amount\n2026-01-01,A,Acme,zz\n');
    const rejected = await cli('import', bad, '--db', db, '--currency', 'USD');
    expect(rejected.code).toBe(1);
    expect(existsSync(db)).toBe(false);
  });

  it('will not export over the ledger', async () => {
    const dir = temp.folder();
    const db = join(dir, 'ledger.sqlite');
    const file = temp.file('ok.csv', 'Date,Invoice,Customer,Amount\n2026-01-01,A-1,Acme,1.00\n');
    await cli('import', file, '--db', db, '--currency', 'USD');
    const result = await cli('export', 'invoices', '--db', db, '--out', db);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/is the ledger itself/);
    const aging = await cli('aging', '--db', db, '--as-of', '2026-01-02', '--json');
    expect(JSON.parse(aging.out).currencies.USD.total).toBe(100);
  });

  it('never creates a ledger for a command that changes one', async () => {
    const missing = join(temp.folder(), 'typo.db');
    const commands = [
      ['charges', '--db', missing, '--as-of', '2026-01-31'],
      ['terms', '--db', missing, '--default', 'net-30'],
      ['client', '--db', missing, 'acme', '--size', 'small'],
      [
        'invoice',
        '--db',
        missing,
        '--client',
        'acme',
        '--number',
        'A-1',
        '--date',
        '2026-01-05',
        '--amount',
        '10.00',
        '--currency',
        'USD',
      ],
      ['write-off', '--db', missing, '--invoice', 'A-1', '--date', '2026-01-31', '--reason', 'x'],
      ['risk', '--db', missing, '--as-of', '2026-01-31'],
    ];
    for (const argv of commands) {
      const result = await cli(...argv);
      expect(result.code, argv[0]).toBe(1);
      expect(result.err, argv[0]).toContain(`Ledger not found: ${missing}`);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('explains a usage mistake', async () => {
    const result = await cli('aging', '--db', 'x.sqlite', '--as-of', '2026-02-30');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Invalid --as-of "2026-02-30"/);
  });

  it.skipIf(!hasIbmSample)('exports the IBM sample through bin', () => {
    const dir = temp.folder();
    const db = join(dir, 'ar.sqlite');
    const run = (...args: string[]) =>
      execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    expect(
      run('import', ibmSamplePath, '--db', db, '--preset', 'ibm-ar', '--currency', 'USD'),
    ).toMatch(/2466 invoices, 2466 payments/);
    const out = join(dir, 'invoices.csv');
    run('export', 'invoices', '--db', db, '--format', 'csv', '--out', out, '--as-of', '2014-12-31');
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFinvoice_number,client_code,client,invoice_date')).toBe(true);
    expect(text.trim().split('\n')).toHaveLength(2467);
  });
});
