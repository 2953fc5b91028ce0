import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOffInvoice } from '../../electron/invoices/write-off.ts';
import type { Ledger } from '../../electron/ledger/database.ts';
import { writeOffsReport } from '../../electron/reports/documents/write-offs.ts';
import { exportReport, reportContext } from '../../electron/reports/report-export.ts';
import type {
  ReportDocument,
  ReportRow,
  ReportTable,
} from '../../shared/reports/report-document.ts';
import { firstPageImage, pdfPages, skipPdfReading } from '../support/pdf-reader.ts';
import { useTempFolder } from '../support/temp-ledger.ts';
import { readCsv, squeeze } from '../support/report-files.ts';

const temp = useTempFolder();
const from = '2026-02-01';
const to = '2026-02-28';
const generatedOn = '2026-03-01';
const stamp = '2026-01-01T00:00:00.000Z';

/**
 * Writes three clients with SQL and writes invoices off with `writeOffInvoice`, as a user
 * would. February 2026 is the period.
 *
 * - Acme (ACME, USD, Anne): I-1 1,000.00, 400.00 paid, the other 600.00 written off on 02-01,
 *   the period's first day. I-2 250.00, 50.00 credited, 200.00 written off on 02-15. Late fee
 *   LF-1 12.50 written off on 02-28, the period's last day.
 * - Bolt (BOLT, USD, Bob): I-3 300.00 written off on 01-31 and I-4 80.00 on 03-01, both just
 *   outside. I-5 500.00 written off on 02-10 and then voided. I-6 150.00 written off on 02-25
 *   with a reason a spreadsheet would run as a formula.
 * - Cedar (CEDR, EUR, Anne): E-1 700.00 written off on 02-20. An imported write-off WO-IMP of
 *   90.00 on 02-05 settles E-2 (40.00) and E-3 (50.00). WO-OPEN of 25.00 on 02-06 settles
 *   nothing yet. A plain credit note CN-9 on 02-12 is not a write-off.
 *
 * Written off in February: USD 600.00 + 200.00 + 12.50 + 150.00 = 962.50 (4), EUR 700.00 +
 * 90.00 + 25.00 = 815.00 (3).
 */
function writeOffLedger(): { db: Ledger; dir: string } {
  const { db, dir } = temp.ledger();
  const client = (code: string, name: string, manager: string) =>
    Number(
      db
        .prepare(
          `INSERT INTO clients (code, name, account_manager, created_at) VALUES (?, ?, ?, ?)`,
        )
        .run(code, name, manager, stamp).lastInsertRowid,
    );
  const acme = client('ACME', 'Acme Ltd', 'Anne');
  const bolt = client('BOLT', 'Bolt & Co', 'Bob');
  const cedar = client('CEDR', 'Cedar GmbH', 'Anne');

  const ids = new Map<string, number>();
  const addInvoice = db.prepare(
    `INSERT INTO invoices (client_id, number, invoice_date, due_date, amount_cents, currency,
                           kind, fee_for_invoice_id, fee_period, created_at)
     VALUES (@client, @number, @date, @due, @cents, @currency, @kind, @feeFor, @period,
             '${stamp}')`,
  );
  const invoice = (
    clientId: number,
    number: string,
    cents: number,
    currency: string,
    feeFor?: string,
  ) => {
    const row = {
      client: clientId,
      number,
      date: '2025-11-01',
      due: '2025-12-01',
      cents,
      currency,
      kind: feeFor === undefined ? 'sale' : 'late-fee',
      feeFor: feeFor === undefined ? null : ids.get(feeFor),
      period: feeFor === undefined ? null : 1,
    };
    ids.set(number, Number(addInvoice.run(row).lastInsertRowid));
  };

  const allocate = db.prepare(
    `INSERT INTO allocations (invoice_id, payment_id, credit_note_id, amount_cents, applied_on,
                              created_at)
     VALUES (?, ?, ?, ?, ?, '${stamp}')`,
  );
  const credit = (
    clientId: number,
    number: string,
    date: string,
    cents: number,
    currency: string,
    kind: string,
    reason: string,
  ) =>
    Number(
      db
        .prepare(
          `INSERT INTO credit_notes (client_id, number, credit_date, amount_cents, currency,
                                     reason, kind, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, '${stamp}')`,
        )
        .run(clientId, number, date, cents, currency, reason, kind).lastInsertRowid,
    );

  invoice(acme, 'I-1', 1_000_00, 'USD');
  const paid = db
    .prepare(
      `INSERT INTO payments (client_id, payment_date, amount_cents, currency, created_at)
       VALUES (?, '2026-01-10', 40000, 'USD', '${stamp}')`,
    )
    .run(acme).lastInsertRowid;
  allocate.run(ids.get('I-1'), paid, null, 400_00, '2026-01-10');

  invoice(acme, 'I-2', 250_00, 'USD');
  const damaged = credit(acme, 'CN-1', '2026-01-20', 50_00, 'USD', 'credit', 'Damaged goods');
  allocate.run(ids.get('I-2'), null, damaged, 50_00, '2026-01-20');
  invoice(acme, 'LF-1', 12_50, 'USD', 'I-1');

  invoice(bolt, 'I-3', 300_00, 'USD');
  invoice(bolt, 'I-4', 80_00, 'USD');
  invoice(bolt, 'I-5', 500_00, 'USD');
  invoice(bolt, 'I-6', 150_00, 'USD');
  invoice(cedar, 'E-1', 700_00, 'EUR');
  invoice(cedar, 'E-2', 40_00, 'EUR');
  invoice(cedar, 'E-3', 50_00, 'EUR');

  writeOffInvoice(db, 'I-1', '2026-02-01', 'Client insolvent');
  writeOffInvoice(db, 'I-2', '2026-02-15', 'Disputed, settled');
  writeOffInvoice(db, 'LF-1', '2026-02-28', 'Fee waived as bad debt');
  writeOffInvoice(db, 'I-3', '2026-01-31', 'Too old to collect');
  writeOffInvoice(db, 'I-4', '2026-03-01', 'Too small to collect');
  const voided = writeOffInvoice(db, 'I-5', '2026-02-10', 'Entered by mistake');
  db.prepare(`UPDATE credit_notes SET voided_at = '${stamp}' WHERE id = ?`).run(
    voided.creditNoteId,
  );
  db.prepare(`UPDATE allocations SET voided_at = '${stamp}' WHERE credit_note_id = ?`).run(
    voided.creditNoteId,
  );

  writeOffInvoice(db, 'I-6', '2026-02-25', '=SUM(1+1) disputed quantity');
  writeOffInvoice(db, 'E-1', '2026-02-20', 'Went out of business');
  const imported = credit(cedar, 'WO-IMP', '2026-02-05', 90_00, 'EUR', 'write-off', 'Bad debt');
  allocate.run(ids.get('E-3'), null, imported, 50_00, '2026-02-05');
  allocate.run(ids.get('E-2'), null, imported, 40_00, '2026-02-05');
  credit(cedar, 'WO-OPEN', '2026-02-06', 25_00, 'EUR', 'write-off', 'Bad debt, not applied');
  credit(cedar, 'CN-9', '2026-02-12', 10_00, 'EUR', 'credit', 'Price adjustment');
  return { db, dir };
}

function writeOffsDocument(
  db: Ledger,
  filters: Record<string, string> = {},
  period: { from: string; to: string } = { from, to },
): ReportDocument {
  const request = { report: 'write-offs', ...period, filters };
  return writeOffsReport(reportContext(db, request, generatedOn));
}

function writeOffTable(document: ReportDocument): ReportTable {
  const table = document.blocks.find((block): block is ReportTable => block.kind === 'table');
  if (table === undefined) throw new Error('No table in the write-offs report.');
  return table;
}

function rows(document: ReportDocument): ReportRow[] {
  return [...writeOffTable(document).rows];
}

describe('write-offs report', () => {
  it('lists write-offs, both bounds included', () => {
    const { db } = writeOffLedger();
    const document = writeOffsDocument(db);
    expect(
      rows(document).map((row) => [
        row['written_off_on'],
        row['client_code'],
        row['invoice'],
        row['credit_note'],
        row['amount'],
        row['currency'],
        row['reason'],
      ]),
    ).toEqual([
      ['2026-02-01', 'ACME', 'I-1', 'I-1-WO', 600_00, 'USD', 'Client insolvent'],
      ['2026-02-05', 'CEDR', 'E-2, E-3', 'WO-IMP', 90_00, 'EUR', 'Bad debt'],
      ['2026-02-06', 'CEDR', null, 'WO-OPEN', 25_00, 'EUR', 'Bad debt, not applied'],
      ['2026-02-15', 'ACME', 'I-2', 'I-2-WO', 200_00, 'USD', 'Disputed, settled'],
      ['2026-02-20', 'CEDR', 'E-1', 'E-1-WO', 700_00, 'EUR', 'Went out of business'],
      ['2026-02-25', 'BOLT', 'I-6', 'I-6-WO', 150_00, 'USD', '=SUM(1+1) disputed quantity'],
      ['2026-02-28', 'ACME', 'LF-1', 'LF-1-WO', 12_50, 'USD', 'Fee waived as bad debt'],
    ]);

    expect(rows(document)[0]!['client']).toBe('Acme Ltd');
    expect(document.fileStem).toBe('write-offs-2026-02-01-to-2026-02-28');
    expect(document.header.scope).toBe('2026-02-01 to 2026-02-28');
  });

  it('totals each currency apart', () => {
    const { db } = writeOffLedger();
    expect(writeOffTable(writeOffsDocument(db)).totals).toEqual([
      // 90.00 + 25.00 + 700.00.
      { client: 'Total EUR (3 written off)', amount: 815_00, currency: 'EUR' },
      // 600.00 + 200.00 + 150.00 + 12.50.
      { client: 'Total USD (4 written off)', amount: 962_50, currency: 'USD' },
    ]);
  });

  it('writes off only the remaining balance', () => {
    const { db } = writeOffLedger();
    const amounts = new Map(rows(writeOffsDocument(db)).map((row) => [row['invoice'], row]));
    // I-1: 1,000.00 less the 400.00 paid. I-2: 250.00 less the 50.00 credit note, which is
    // not itself a write-off and is not listed.
    expect(amounts.get('I-1')?.['amount']).toBe(600_00);
    expect(amounts.get('I-2')?.['amount']).toBe(200_00);
    expect(rows(writeOffsDocument(db)).map((row) => row['credit_note'])).not.toContain('CN-9');
    // Every amount written off is a positive figure: it reduced what the client owes.
    expect(rows(writeOffsDocument(db)).every((row) => Number(row['amount']) > 0)).toBe(true);
  });

  it('moves with the period bounds', () => {
    const { db } = writeOffLedger();
    const january = rows(writeOffsDocument(db, {}, { from: '2026-01-31', to: '2026-01-31' }));
    expect(january.map((row) => row['invoice'])).toEqual(['I-3']);

    const march = rows(writeOffsDocument(db, {}, { from: '2026-03-01', to: '2026-03-01' }));
    expect(march.map((row) => row['invoice'])).toEqual(['I-4']);

    // The voided write-off of I-5 on 02-10 never shows.
    const tenth = writeOffsDocument(db, {}, { from: '2026-02-10', to: '2026-02-10' });
    expect(rows(tenth)).toEqual([]);
    expect(writeOffTable(tenth).emptyText).toBe(
      'Nothing was written off from 2026-02-10 to 2026-02-10.',
    );
    expect(writeOffTable(tenth).totals).toEqual([]);
  });

  it('narrows by client, manager and currency', () => {
    const { db } = writeOffLedger();
    const codes = (filters: Record<string, string>) =>
      rows(writeOffsDocument(db, filters)).map((row) => `${row['client_code']} ${row['invoice']}`);
    expect(codes({ client: 'BOLT' })).toEqual(['BOLT I-6']);
    expect(codes({ manager: 'anne' })).toEqual([
      'ACME I-1',
      'CEDR E-2, E-3',
      'CEDR null',
      'ACME I-2',
      'CEDR E-1',
      'ACME LF-1',
    ]);
    expect(codes({ currency: 'EUR' })).toEqual(['CEDR E-2, E-3', 'CEDR null', 'CEDR E-1']);
    expect(codes({ manager: 'Anne', currency: 'USD' })).toEqual([
      'ACME I-1',
      'ACME I-2',
      'ACME LF-1',
    ]);

    expect(writeOffTable(writeOffsDocument(db, { currency: 'EUR' })).totals).toEqual([
      { client: 'Total EUR (3 written off)', amount: 815_00, currency: 'EUR' },
    ]);
    // No client has three settled invoices, so none is scored as high risk.
    expect(codes({ tier: 'high' })).toEqual([]);
  });

  it('CSV has plain amounts and currencies', async () => {
    const { db, dir } = writeOffLedger();
    const out = join(dir, 'write-offs.csv');
    const written = await exportReport(
      db,
      { report: 'write-offs', from, to },
      { format: 'csv', outFile: out, generatedOn },
    );
    expect(written).toEqual({ file: out, format: 'csv', rows: 7, pages: null });

    const records = readCsv(out);
    expect(Object.keys(records[0]!)).toEqual([
      'written_off_on',
      'client_code',
      'client',
      'invoice',
      'credit_note',
      'amount',
      'currency',
      'reason',
    ]);
    expect(records.map((record) => [record['amount'], record['currency']])).toEqual([
      ['600.00', 'USD'],
      ['90.00', 'EUR'],
      ['25.00', 'EUR'],
      ['200.00', 'USD'],
      ['700.00', 'EUR'],
      ['150.00', 'USD'],
      ['12.50', 'USD'],
    ]);

    // The totals are not rows of the CSV, and a formula-like reason stays text.
    expect(records.some((record) => String(record['client']).startsWith('Total'))).toBe(false);
    expect(records[5]!['reason']).toBe("'=SUM(1+1) disputed quantity");
    expect(records[2]!['invoice']).toBe('');

    const cents = (currency: string) =>
      records
        .filter((record) => record['currency'] === currency)
        .reduce((sum, record) => sum + Math.round(Number(record['amount']) * 100), 0);
    expect(cents('USD')).toBe(962_50);
    expect(cents('EUR')).toBe(815_00);
  });

  it.skipIf(skipPdfReading)('writes the PDF with the totals', async () => {
    const { db, dir } = writeOffLedger();
    const out = join(dir, 'write-offs.pdf');
    const written = await exportReport(
      db,
      { report: 'write-offs', from, to },
      { format: 'pdf', outFile: out, generatedOn },
    );
    const pages = pdfPages(out);
    expect(written).toEqual({ file: out, format: 'pdf', rows: 7, pages: 1 });

    const text = squeeze(pages[0]!);
    expect(text).toContain('Write-offs');
    expect(text).toContain('2026-02-01 to 2026-02-28');
    expect(text).toContain('Total EUR (3 written off) €815.00');
    expect(text).toContain('Total USD (4 written off) $962.50');
    expect(text).toContain('2026-02-28 ACME Acme Ltd LF-1 LF-1-WO $12.50 USD');

    // Landscape A4 at 60 dpi: 702 pixels wide.
    const image = readFileSync(firstPageImage(out, 'write-offs'));
    expect(image.readUInt32BE(16)).toBe(702);
  });

  it.skipIf(skipPdfReading)('PDF notes an empty period', async () => {
    const { db, dir } = temp.ledger();
    const out = join(dir, 'none.pdf');
    await exportReport(
      db,
      { report: 'write-offs', from, to },
      { format: 'pdf', outFile: out, generatedOn },
    );
    expect(squeeze(pdfPages(out)[0]!)).toContain(
      'Nothing was written off from 2026-02-01 to 2026-02-28.',
    );
  });
});
