import { parse } from 'csv-parse/sync';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { importFile } from '../../electron/import/import-file.ts';
import { saveFile } from '../../electron/letters/letter-pdf.ts';
import { exportInvoicesCsv } from '../../electron/reports/invoice-export.ts';
import { OutputFileError } from '../../electron/reports/output/partial-file.ts';
import { writeReportCsv } from '../../electron/reports/output/report-csv.ts';
import { writeReportPdf } from '../../electron/reports/output/report-pdf.ts';
import type {
  ReportColumn,
  ReportDocument,
  ReportRow,
  ReportTable,
} from '../../shared/reports/report-document.ts';
import { readCsv } from '../support/report-files.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();

const columns: readonly ReportColumn[] = [
  { key: 'client', label: 'Client', kind: 'text' },
  { key: 'invoices', label: 'Invoices', kind: 'count' },
  { key: 'balance', label: 'Balance', kind: 'money', currency: 'EUR' },
];

function table(rows: Iterable<ReportRow>): ReportTable {
  return { kind: 'table', title: 'Balances', columns, rows };
}

/** Yields `count` rows named `${prefix} 1` up, each with `index` invoices and `index` cents. */
function* namedRows(prefix: string, count: number): Generator<ReportRow> {
  for (let index = 1; index <= count; index += 1) {
    yield { client: `${prefix} ${index}`, invoices: index, balance: index };
  }
}

/** Builds the CSV records that `namedRows` writes: 7 cents as "0.07", 1234 as "12.34". */
function expectedRecords(prefix: string, count: number): Record<string, string>[] {
  return Array.from({ length: count }, (_, offset) => {
    const index = offset + 1;
    const cents = String(index % 100).padStart(2, '0');
    return {
      client: `${prefix} ${index}`,
      invoices: String(index),
      balance: `${Math.floor(index / 100)}.${cents}`,
    };
  });
}

function pdfDocument(rows: Iterable<ReportRow>): ReportDocument {
  return {
    header: {
      company: 'Duedesk Démo Ltd',
      companyContact: '',
      title: 'Balances',
      scope: 'As of 2026-03-31 · All clients',
      generatedOn: '2026-04-01',
    },
    blocks: [table(rows)],
    csv: table([]),
    fileStem: 'balances-2026-03-31',
  };
}

/** Yields one good row, then a money cell as text, which the writers reject mid-file. */
function* rowsWithInvalidMoney(): Generator<ReportRow> {
  yield { client: 'Ørsted A/S', invoices: 1, balance: 1_200 };
  yield { client: 'Łukasiewicz Sp. z o.o.', invoices: 2, balance: '12.00' };
}

const invalidMoney = 'Invalid value "12.00" in the money column "balance": expected a number.';

function partialNames(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.partial'));
}

describe('two exports to one file', () => {
  it('leaves one whole CSV', async () => {
    const dir = temp.folder();
    const out = join(dir, 'balances.csv');
    // Thousands of rows each, so that both writes are under way at the same time.
    const [alpha, bravo] = await Promise.all([
      writeReportCsv(table(namedRows('Alpha', 30_000)), out, { progressEvery: 1_000 }),
      writeReportCsv(table(namedRows('Bravo', 20_000)), out, { progressEvery: 1_000 }),
    ]);
    expect(alpha.rows).toBe(30_000);
    expect(bravo.rows).toBe(20_000);

    const records = readCsv(out);
    const winner = records[0]?.client === 'Alpha 1' ? 'Alpha' : 'Bravo';
    expect(records).toEqual(expectedRecords(winner, winner === 'Alpha' ? 30_000 : 20_000));
    expect(partialNames(dir)).toEqual([]);
  });
});

describe('symlink at the old partial name', () => {
  it('CSV leaves the target unchanged', async () => {
    const dir = temp.folder();
    const victim = temp.file('ledger.sqlite', 'ledger bytes');
    const out = join(dir, 'balances.csv');
    symlinkSync(victim, `${out}.partial`);

    await writeReportCsv(table(namedRows('Alpha', 3)), out);

    expect(readFileSync(victim, 'utf8')).toBe('ledger bytes');
    expect(readCsv(out)).toEqual(expectedRecords('Alpha', 3));
  });

  it('PDF leaves the target unchanged', async () => {
    const dir = temp.folder();
    const victim = temp.file('ledger.sqlite', 'ledger bytes');
    const out = join(dir, 'balances.pdf');
    symlinkSync(victim, `${out}.partial`);

    const written = await writeReportPdf(pdfDocument(namedRows('Alpha', 3)), out);

    expect(written).toEqual({ rows: 3, pages: 1 });
    expect(readFileSync(victim, 'utf8')).toBe('ledger bytes');
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('saved letter leaves the target unchanged', async () => {
    const dir = temp.folder();
    const victim = temp.file('ledger.sqlite', 'ledger bytes');
    const out = join(dir, 'letters.pdf');
    symlinkSync(victim, `${out}.partial`);

    await saveFile(out, Buffer.from('%PDF-1.3 letter'));

    expect(readFileSync(victim, 'utf8')).toBe('ledger bytes');
    expect(readFileSync(out, 'utf8')).toBe('%PDF-1.3 letter');
  });
});

describe('writer failure', () => {
  it('CSV leaves no file behind', async () => {
    const dir = temp.folder();
    const out = join(dir, 'balances.csv');
    await expect(writeReportCsv(table(rowsWithInvalidMoney()), out)).rejects.toThrow(invalidMoney);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('PDF leaves no file behind', async () => {
    const dir = temp.folder();
    const out = join(dir, 'balances.pdf');
    await expect(writeReportPdf(pdfDocument(rowsWithInvalidMoney()), out)).rejects.toThrow(
      invalidMoney,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('failed cleanup keeps the first error', async () => {
    const dir = temp.folder();
    const out = join(dir, 'balances.csv');
    // Halfway through, the temporary file becomes a folder with a file in it, which `rm`
    // cannot remove without `recursive`. The writer must still throw the invalid money cell.
    let blocked = '';
    function* rows(): Generator<ReportRow> {
      yield* namedRows('Alpha', 2);
      const [name] = partialNames(dir);
      blocked = join(dir, name!);
      rmSync(blocked);
      mkdirSync(blocked);
      writeFileSync(join(blocked, 'keep.txt'), 'x');
      yield* rowsWithInvalidMoney();
    }
    await expect(writeReportCsv(table(rows()), out)).rejects.toThrow(invalidMoney);
    expect(blocked).toMatch(/balances\.csv\.\d+-[0-9a-f]{8}\.partial$/);
    expect(existsSync(join(blocked, 'keep.txt'))).toBe(true);
    expect(existsSync(out)).toBe(false);
  });
});

describe('output place errors', () => {
  /** Runs each writer against `out` and returns the error each one threw. */
  async function errorsOf(out: string): Promise<OutputFileError[]> {
    const { db } = temp.ledger();
    const writes = [
      writeReportCsv(table(namedRows('Alpha', 2)), out),
      writeReportPdf(pdfDocument(namedRows('Alpha', 2)), out),
      saveFile(out, Buffer.from('%PDF-1.3 letter')),
      exportInvoicesCsv(db, out, '2026-03-31'),
    ];
    const results = await Promise.allSettled(writes);
    return results.map((result) => {
      expect(result.status).toBe('rejected');
      const { reason } = result as PromiseRejectedResult;
      expect(reason).toBeInstanceOf(OutputFileError);
      return reason as OutputFileError;
    });
  }

  it('missing folder names the folder', async () => {
    const missing = join(temp.folder(), 'no-such-folder');
    const out = join(missing, 'balances.csv');
    for (const error of await errorsOf(out)) {
      expect(error.message).toBe(
        `Cannot write ${out}: the folder ${missing} does not exist (ENOENT). ` +
          'Create it or choose another folder.',
      );
      expect(error.code).toBe('ENOENT');
      expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('file in the folder path', async () => {
    const file = temp.file('notes.txt', 'not a folder');
    const out = join(file, 'balances.csv');
    for (const error of await errorsOf(out)) {
      expect(error.message).toBe(
        `Cannot write ${out}: the folder path ${file} runs through a file, not a folder ` +
          '(ENOTDIR). Choose another folder.',
      );
      expect(error.code).toBe('ENOTDIR');
    }
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('out file is a folder', async () => {
    const dir = temp.folder();
    const out = join(dir, 'balances.csv');
    mkdirSync(out);
    for (const error of await errorsOf(out)) {
      expect(error.message).toBe(
        `Cannot write ${out}: that path is a folder (EISDIR). Choose a file name instead.`,
      );
      expect(error.code).toBe('EISDIR');
      expect((error.cause as NodeJS.ErrnoException).syscall).toBe('rename');
    }
    expect(readdirSync(dir)).toEqual(['balances.csv']);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('line breaks in CSV cells', () => {
  // The guard prefixes ' to text that starts with = + - @ tab or CR. A line break inside a cell
  // must be quoted so that the text after it stays in the cell, not on a line of its own.
  const cells = [
    ['Beta Ltd\r-1+1', 'Beta Ltd\r-1+1'],
    ['Insolvent\n=cmd|calc', 'Insolvent\n=cmd|calc'],
    ['\n=1+1', '\n=1+1'],
    ['\r=1+1', "'\r=1+1"],
    ['Gamma\r\n@SUM(A1)', 'Gamma\r\n@SUM(A1)'],
  ] as const;

  it('report CSV keeps one record per row', async () => {
    const out = join(temp.folder(), 'balances.csv');
    const rows = cells.map(([client], index) => ({ client, invoices: index, balance: 100 }));
    await writeReportCsv(table(rows), out);

    const records = readCsv(out);
    expect(records.map((record) => record.client)).toEqual(cells.map(([, written]) => written));
    expect(records.map((record) => record.invoices)).toEqual(['0', '1', '2', '3', '4']);
    expect(records.map((record) => record.balance)).toEqual(cells.map(() => '1.00'));
    // The lone LF sits inside quotes, so no line of the file starts with the formula.
    expect(readFileSync(out, 'utf8')).toContain('"Insolvent\n=cmd|calc",1,1.00\r\n');
  });

  it('invoice export keeps one record per invoice', async () => {
    const { db, dir } = temp.ledger();
    const invoices = temp.file(
      'invoices.csv',
      'Date,Due date,Invoice,Customer ID,Customer,Amount,Currency\n' +
        '2026-01-01,2026-01-31,B-1,BETA,Beta Ltd,100.00,EUR\n' +
        '2026-01-02,2026-02-01,I-1,INS,Insolvent,200.00,EUR\n' +
        '2026-01-03,2026-02-02,N-1,NEW,New client,300.00,EUR\n',
    );
    expect((await importFile(db, invoices)).status).toBe('imported');
    // Names with line breaks, as an earlier import or a direct edit of the ledger can leave.
    const rename = db.prepare('UPDATE clients SET name = ? WHERE code = ?');
    rename.run('Beta Ltd\r-1+1', 'BETA');
    rename.run('Insolvent\n=cmd|calc', 'INS');
    rename.run('\n=1+1', 'NEW');

    const out = join(dir, 'invoices-export.csv');
    expect((await exportInvoicesCsv(db, out, '2026-03-31')).rows).toBe(3);

    const records = parse(readFileSync(out), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    expect(records.map((record) => record.invoice_number)).toEqual(['B-1', 'I-1', 'N-1']);
    expect(records.map((record) => record.client)).toEqual([
      'Beta Ltd\r-1+1',
      'Insolvent\n=cmd|calc',
      '\n=1+1',
    ]);
    expect(records.map((record) => record.amount)).toEqual(['100.00', '200.00', '300.00']);
  });
});
