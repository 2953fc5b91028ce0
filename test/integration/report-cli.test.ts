import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/ledger/database.ts';
import { clientBalances } from '../../electron/reports/documents/statement/client-balances.ts';
import { cli } from '../support/cli-run.ts';
import { readCsv } from '../support/report-files.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();
// One demo ledger for the whole file, read only by the tests. The folders are per test.
const ledgerDir = mkdtempSync(join(tmpdir(), 'duedesk-report-cli-'));
const db = join(ledgerDir, 'demo.sqlite');
afterAll(() => rmSync(ledgerDir, { recursive: true, force: true }));

beforeAll(async () => {
  const created = await cli(
    'demo',
    '--db',
    db,
    '--clients',
    '12',
    '--invoices',
    '300',
    '--seed',
    '3',
    '--end',
    '2026-11-30',
  );
  expect(created.code, created.err).toBe(0);
});

describe('duedesk report statement --out-dir', () => {
  it('CSV statements close on ledger balances', async () => {
    const folder = join(temp.folder(), 'statements');
    mkdirSync(folder);
    const result = await cli(
      'report',
      'statement',
      '--db',
      db,
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '--out-dir',
      folder,
      '--format',
      'csv',
    );
    expect(result.code, result.err).toBe(0);

    const files = readdirSync(folder).sort();
    expect(result.out).toContain(`Wrote ${files.length} statements to ${folder}`);
    expect(files.length).toBeGreaterThan(0);

    const ledger = openLedger(db, { readOnly: true });
    try {
      for (const file of files) {
        const code = /^statement-(.+)-2026-11-30\.csv$/.exec(file)![1]!;
        const id = ledger.prepare('SELECT id FROM clients WHERE code = ?').pluck().get(code);
        const balances = clientBalances(ledger, id as number, '2026-11-30');
        const rows = parse(readFileSync(join(folder, file), 'utf8').slice(1), {
          columns: true,
        }) as Record<string, string>[];
        // The last row of each currency carries the running balance the statement closes on.
        for (const [currency, cents] of balances) {
          const last = rows.filter((row) => row['currency'] === currency).at(-1);
          if (last === undefined) continue;
          expect(Math.round(Number(last['balance']) * 100), `${file} ${currency}`).toBe(cents);
        }
      }
    } finally {
      ledger.close();
    }
  });

  it('tier filter lists skipped clients', async () => {
    const folder = join(temp.folder(), 'high');
    mkdirSync(folder);
    const result = await cli(
      'report',
      'statement',
      '--db',
      db,
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '--out-dir',
      folder,
      '--tier',
      'high',
    );
    expect(result.code, result.err).toBe(0);

    const written = readdirSync(folder).length;
    const skipped = result.out.split('\n').filter((line) => line.startsWith('Skipped ')).length;
    expect(result.out).toContain(`Wrote ${written} statements`);
    expect(result.out).toContain(`skipped ${skipped} clients`);
    expect(readdirSync(folder).every((file) => file.endsWith('.pdf'))).toBe(true);
  });

  it('notes a missing company on client documents', async () => {
    const folder = temp.folder();
    const dates = ['--from', '2026-11-01', '--to', '2026-11-30'];
    const statement = await cli(
      'report',
      'statement',
      '--db',
      db,
      ...dates,
      '--client',
      'C0002',
      '--out',
      join(folder, 's.pdf'),
    );
    expect(statement.code, statement.err).toBe(0);
    // The demo ledger has no company name or address, which a statement's letterhead prints.
    expect(statement.err).toContain("Note: the company's name or address is not set");

    const aging = await cli(
      'report',
      'aging-summary',
      '--db',
      db,
      '--as-of',
      '2026-11-30',
      '--out',
      join(folder, 'a.csv'),
    );
    expect(aging.code, aging.err).toBe(0);
    expect(aging.err).toBe('');
  });

  it('folds the case of tier and currency', async () => {
    const out = join(temp.folder(), 'high.csv');
    const args = ['--as-of', '2026-11-30', '--tier', 'HIGH', '--currency', 'usd', '--out', out];
    const result = await cli('report', 'aging-summary', '--db', db, ...args);
    expect(result.code, result.err).toBe(0);
    const currencies = new Set(readCsv(out).map((row) => row['currency']));
    expect([...currencies]).toEqual(['USD']);
  });

  it.each([
    [['aging-summary', '--as-of', '2026-11-30', '--out-dir', '.'], /--out-dir writes statements/],
    [
      ['statement', '--from', '2026-11-01', '--to', '2026-11-30', '--out-dir', '/no/such/dir'],
      /--out-dir \/no\/such\/dir does not exist: create the folder first/,
    ],
    [
      ['statement', '--from', '2026-11-01', '--to', '2026-11-30', '--out-dir', '.', '--out', 'x'],
      /Give --out or --out-dir, not both/,
    ],
    [
      ['statement', '--from', '2026-11-01', '--to', '2026-11-30', '--out-dir', '.', '--tier', 'x'],
      /--tier: expected low, medium or high/,
    ],
    [
      ['aging-summary', '--as-of', '2026-11-30', '--currency', 'DOLLARS', '--out', 'a.csv'],
      /--currency: expected an ISO 4217 currency code/,
    ],
    [
      ['metrics', '--from', '0001-01-02', '--to', '2026-11-30', '--out', 'm.csv'],
      /runs 2025 years: a report covers at most 10, so shorten it/,
    ],
    [
      ['aging-summary', '--as-of', '1899-12-31', '--out', 'a.csv'],
      /The date 1899-12-31 is before 1900-01-01/,
    ],
    [['aging-summary', '--as-of', '2026-11-30', '--out', 'report.txt'], /end it in \.pdf or \.csv/],
    [['aging', '--as-of', '2026-11-30', '--out', 'a.csv'], /Unknown report "aging"/],
  ])('rejects %j with a usage error', async (args, message) => {
    const result = await cli('report', ...args.slice(0, 1), '--db', db, ...args.slice(1));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });
});
