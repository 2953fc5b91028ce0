import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../electron/ledger/database.ts';
import { updateSettings } from '../../electron/ledger/settings-store.ts';
import { agingReport } from '../../electron/reports/aging-report.ts';
import {
  dunningLetterModule,
  writeDunningLetterPdf,
} from '../../electron/reports/documents/letter/dunning-letter-report.ts';
import { writeStatements } from '../../electron/reports/documents/statement/statement-batch.ts';
import { fileSafeCode } from '../../electron/reports/documents/statement/statement-files.ts';
import { statementReport } from '../../electron/reports/documents/statement/statement-report.ts';
import { writeReportCsv } from '../../electron/reports/output/report-csv.ts';
import { writeReportPdf } from '../../electron/reports/output/report-pdf.ts';
import { reportContext } from '../../electron/reports/report-export.ts';
import type {
  ReportDocument,
  ReportFacts,
  ReportRow,
  ReportTable,
} from '../../shared/reports/report-document.ts';
import {
  expectA4Portrait,
  firstPageImage,
  pdfPages,
  skipPdfReading,
} from '../support/pdf-reader.ts';
import { useTempFolder } from '../support/temp-ledger.ts';
import { readCsv, squeeze } from '../support/report-files.ts';

const temp = useTempFolder();

const from = '2026-02-01';
const to = '2026-02-28';
const generatedOn = '2026-03-01';

const company = {
  name: 'Duedesk Demo Ltd',
  address: '1 Ledger Lane\nLondon EC1A 1AA',
  email: 'accounts@demo.test',
  phone: '+44 20 7946 0000',
};

/**
 * Writes a hand-made ledger with SQL, as the import and posting code leave it.
 *
 * Société Générale (SOC), net 30:
 * - EUR: E1 1,000.00 (01-10, due 02-09), 300.00 paid on 01-20: opening 700.00. In February:
 *   E2 2,500.00, credit note CN-1 150.00 applied to E2, payment TRF-88 500.00 on 02-15
 *   applied to E1 only on 03-05, payment CARD-7 200.00 never applied, late fee LF-E1 10.50
 *   on E1. A voided invoice E3 and a voided payment are left out, E4 (03-02) is after the
 *   period. Closing 700.00 + 2,500.00 − 150.00 − 500.00 − 200.00 + 10.50 = 2,360.50.
 * - USD: U1 1,234.56 (2025-12-01, due 12-31): opening 1,234.56. Payment TRF-90 1,250.00 on
 *   02-10, 1,000.00 of it applied to U1: the balance drops to −15.44. U2 1,015.44 on 02-22:
 *   closing 1,000.00.
 * Beta & Co (BET), 2/10 net 30, USD: B0 50.00 and B1 800.00 owed: opening 850.00. On 02-08 a
 * 16.00 discount and a 784.00 cheque settle B1, B2 1,500.00 on 02-20, B0 written off on
 * 02-27: closing 1,500.00.
 * Cedar Ltd (CED), GBP: C1 300.00 (due 2025-12-01) owed, nothing in February.
 * Idle Ltd (IDL), GBP: I1 paid in full in 2025: nothing to state.
 */
function writeStatementLedger(db: Ledger): void {
  const now = '2026-03-10T00:00:00.000Z';
  updateSettings(db, { company });
  const addClient = db.prepare(
    `INSERT INTO clients (code, name, address, account_manager, terms_template_id, created_at)
     VALUES (?, ?, ?, ?, ?, '${now}')`,
  );
  const clientIds = new Map<string, number>();
  const clients: [string, string, string | null, string, string | null][] = [
    ['SOC', 'Société Générale', '29 Boulevard Haussmann\n75009 Paris', 'Anne', null],
    ['BET', 'Beta & Co', '5 Main Street, Springfield', 'Bob', '2-10-net-30'],
    ['CED', 'Cedar Ltd', null, 'Anne', null],
    ['IDL', 'Idle Ltd', null, 'Bob', null],
  ];
  for (const row of clients) {
    clientIds.set(row[0], Number(addClient.run(...row).lastInsertRowid));
  }

  const invoiceIds = new Map<string, number>();
  const addInvoice = db.prepare(
    `INSERT INTO invoices (client_id, number, invoice_date, due_date, amount_cents, currency,
                           kind, fee_for_invoice_id, fee_period, memo, created_at, voided_at)
     VALUES (@client, @number, @date, @due, @cents, @currency, @kind, @feeFor, @period, @memo,
             '${now}', @voided)`,
  );
  const invoice = (
    code: string,
    number: string,
    date: string,
    due: string,
    cents: number,
    currency: string,
    extra: { feeFor?: string; memo?: string; voided?: boolean } = {},
  ) => {
    const id = addInvoice.run({
      client: clientIds.get(code),
      number,
      date,
      due,
      cents,
      currency,
      kind: extra.feeFor === undefined ? 'sale' : 'late-fee',
      feeFor: extra.feeFor === undefined ? null : invoiceIds.get(extra.feeFor),
      period: extra.feeFor === undefined ? null : 1,
      memo: extra.memo ?? null,
      voided: extra.voided ? now : null,
    }).lastInsertRowid;
    invoiceIds.set(number, Number(id));
  };
  const addPayment = db.prepare(
    `INSERT INTO payments (client_id, payment_date, amount_cents, currency, method, reference,
                           created_at, voided_at)
     VALUES (?, ?, ?, ?, ?, ?, '${now}', ?)`,
  );
  const payment = (
    code: string,
    date: string,
    cents: number,
    currency: string,
    extra: { method?: string; reference?: string; voided?: boolean } = {},
  ) =>
    Number(
      addPayment.run(
        clientIds.get(code),
        date,
        cents,
        currency,
        extra.method ?? null,
        extra.reference ?? null,
        extra.voided ? now : null,
      ).lastInsertRowid,
    );
  const addCredit = db.prepare(
    `INSERT INTO credit_notes (client_id, number, credit_date, amount_cents, currency, reason,
                               kind, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '${now}')`,
  );
  const credit = (
    code: string,
    number: string,
    date: string,
    cents: number,
    currency: string,
    kind: string,
    reason: string,
  ) =>
    Number(
      addCredit.run(clientIds.get(code), number, date, cents, currency, reason, kind)
        .lastInsertRowid,
    );
  const addAllocation = db.prepare(
    `INSERT INTO allocations (invoice_id, payment_id, credit_note_id, amount_cents, applied_on,
                              created_at)
     VALUES (?, ?, ?, ?, ?, '${now}')`,
  );
  const applyPayment = (number: string, paymentId: number, cents: number, on: string) =>
    addAllocation.run(invoiceIds.get(number), paymentId, null, cents, on);
  const applyCredit = (number: string, creditId: number, cents: number, on: string) =>
    addAllocation.run(invoiceIds.get(number), null, creditId, cents, on);

  invoice('SOC', 'E1', '2026-01-10', '2026-02-09', 1_000_00, 'EUR');
  applyPayment('E1', payment('SOC', '2026-01-20', 300_00, 'EUR'), 300_00, '2026-01-20');
  invoice('SOC', 'E2', '2026-02-05', '2026-03-07', 2_500_00, 'EUR', {
    memo: 'Consulting, February',
  });
  applyCredit(
    'E2',
    credit('SOC', 'CN-1', '2026-02-10', 150_00, 'EUR', 'credit', 'Damaged goods'),
    150_00,
    '2026-02-10',
  );
  const late = payment('SOC', '2026-02-15', 500_00, 'EUR', {
    method: 'Bank transfer',
    reference: 'TRF-88',
  });
  applyPayment('E1', late, 500_00, '2026-03-05');
  payment('SOC', '2026-02-20', 200_00, 'EUR', { method: 'Card', reference: 'CARD-7' });
  invoice('SOC', 'LF-E1', '2026-02-25', '2026-02-25', 10_50, 'EUR', { feeFor: 'E1' });
  invoice('SOC', 'E3', '2026-02-12', '2026-03-14', 999_00, 'EUR', { voided: true });
  payment('SOC', '2026-02-18', 77_00, 'EUR', { reference: 'VOID-1', voided: true });
  invoice('SOC', 'E4', '2026-03-02', '2026-04-01', 400_00, 'EUR');

  invoice('SOC', 'U1', '2025-12-01', '2025-12-31', 1_234_56, 'USD');
  const overpaid = payment('SOC', '2026-02-10', 1_250_00, 'USD', {
    method: 'Bank transfer',
    reference: 'TRF-90',
  });
  applyPayment('U1', overpaid, 1_000_00, '2026-02-10');
  invoice('SOC', 'U2', '2026-02-22', '2026-03-24', 1_015_44, 'USD', { memo: '=1+1 adjustment' });

  invoice('BET', 'B0', '2025-10-01', '2025-10-31', 50_00, 'USD');
  invoice('BET', 'B1', '2026-01-15', '2026-02-14', 800_00, 'USD');
  applyPayment(
    'B1',
    payment('BET', '2026-02-08', 784_00, 'USD', { method: 'Cheque', reference: 'CHQ-1' }),
    784_00,
    '2026-02-08',
  );
  applyCredit(
    'B1',
    credit('BET', 'DISC-B1', '2026-02-08', 16_00, 'USD', 'early-payment-discount', 'Paid early'),
    16_00,
    '2026-02-08',
  );
  invoice('BET', 'B2', '2026-02-20', '2026-03-22', 1_500_00, 'USD');
  applyCredit(
    'B0',
    credit('BET', 'WO-B0', '2026-02-27', 50_00, 'USD', 'write-off', 'Bad debt'),
    50_00,
    '2026-02-27',
  );

  invoice('CED', 'C1', '2025-11-01', '2025-12-01', 300_00, 'GBP');

  invoice('IDL', 'I1', '2025-06-01', '2025-07-01', 100_00, 'GBP');
  applyPayment('I1', payment('IDL', '2025-06-20', 100_00, 'GBP'), 100_00, '2025-06-20');
}

function statementLedger(): { db: Ledger; dir: string } {
  const { db, dir } = temp.ledger();
  writeStatementLedger(db);
  return { db, dir };
}

function clientId(db: Ledger, code: string): number {
  return db.prepare('SELECT id FROM clients WHERE code = ?').pluck().get(code) as number;
}

function statement(db: Ledger, client: string, filters: Record<string, string> = {}) {
  const request = { report: 'statement', from, to, filters: { client, ...filters } };
  return statementReport(reportContext(db, request, generatedOn));
}

function tables(document: ReportDocument): ReportTable[] {
  return document.blocks.filter((block): block is ReportTable => block.kind === 'table');
}

function table(document: ReportDocument, title: string): ReportTable {
  const found = tables(document).find((candidate) => candidate.title === title);
  if (found === undefined) throw new Error(`No table "${title}" in the document.`);
  return found;
}

function rows(reportTable: ReportTable): ReportRow[] {
  return [...reportTable.rows];
}

function facts(document: ReportDocument): Record<string, string> {
  const all = document.blocks
    .filter((block): block is ReportFacts => block.kind === 'facts')
    .flatMap((block) => block.facts);
  return Object.fromEntries(all.map(({ label, value }) => [label, value]));
}

/** Reads the ledger's own balance of one client and currency: the aging report's total. */
function ledgerBalance(db: Ledger, code: string, date: string, currency: string): number {
  const id = clientId(db, code);
  const report = agingReport(db, date, undefined, true, { clientId: id });
  const client = report.clients?.find((entry) => entry.clientId === id);
  return client?.currencies[currency]?.total ?? 0;
}

describe('client statement', () => {
  it('runs EUR from opening to closing', () => {
    const { db } = statementLedger();
    const document = statement(db, 'SOC');
    const euro = rows(table(document, 'Transactions in EUR'));
    expect(euro.map((row) => [row['date'], row['type'], row['reference']])).toEqual([
      ['2026-01-31', 'Opening balance', ''],
      ['2026-02-05', 'Invoice', 'E2'],
      ['2026-02-10', 'Credit note', 'CN-1'],
      ['2026-02-15', 'Payment', 'TRF-88'],
      ['2026-02-20', 'Payment', 'CARD-7'],
      ['2026-02-25', 'Late fee', 'LF-E1'],
    ]);
    expect(euro.map((row) => row['debit'])).toEqual([null, 2_500_00, null, null, null, 10_50]);
    expect(euro.map((row) => row['credit'])).toEqual([null, null, 150_00, 500_00, 200_00, null]);
    // 700.00 + 2,500.00 = 3,200.00 − 150.00 = 3,050.00 − 500.00 = 2,550.00 − 200.00 =
    // 2,350.00 + 10.50 = 2,360.50.
    expect(euro.map((row) => row['balance'])).toEqual([
      700_00, 3_200_00, 3_050_00, 2_550_00, 2_350_00, 2_360_50,
    ]);
    expect(euro.every((row) => row['currency'] === 'EUR')).toBe(true);
  });

  it('closes on the aging total', () => {
    const { db } = statementLedger();
    const document = statement(db, 'SOC');
    for (const [currency, opening, closing] of [
      ['EUR', 700_00, 2_360_50],
      ['USD', 1_234_56, 1_000_00],
    ] as const) {
      const block = table(document, `Transactions in ${currency}`);
      const lines = rows(block);
      expect(lines[0]!['balance']).toBe(opening);
      expect(lines.at(-1)!['balance']).toBe(closing);
      expect(ledgerBalance(db, 'SOC', '2026-01-31', currency)).toBe(opening);
      expect(ledgerBalance(db, 'SOC', to, currency)).toBe(closing);
      expect(block.totals?.[0]?.['balance']).toBe(closing);
    }
    const values = facts(document);
    expect(values['Opening balance, EUR (end of 2026-01-31)']).toBe('€700.00');
    expect(values['Closing balance, EUR (end of 2026-02-28)']).toBe('€2,360.50');
    expect(values['Opening balance, USD (end of 2026-01-31)']).toBe('$1,234.56');
    expect(values['Closing balance, USD (end of 2026-02-28)']).toBe('$1,000.00');
  });

  it('goes negative on an overpayment', () => {
    const { db } = statementLedger();
    const usd = rows(table(statement(db, 'SOC'), 'Transactions in USD'));
    expect(usd.map((row) => [row['reference'], row['balance']])).toEqual([
      ['', 1_234_56],
      ['TRF-90', -15_44],
      ['U2', 1_000_00],
    ]);
    expect(usd[1]!['description']).toBe(
      'Bank transfer, applied to U1, $250.00 unapplied on 2026-02-28',
    );
  });

  it('describes applications on the last day', () => {
    const { db } = statementLedger();
    const euro = rows(table(statement(db, 'SOC'), 'Transactions in EUR'));
    const description = (reference: string) =>
      euro.find((row) => row['reference'] === reference)?.['description'];
    expect(description('E2')).toBe('Consulting, February, due 2026-03-07');
    expect(description('CN-1')).toBe('Damaged goods, applied to E2');
    // Applied to E1 on 03-05, after the period: still unapplied on its last day.
    expect(description('TRF-88')).toBe('Bank transfer, unapplied on 2026-02-28');
    expect(description('CARD-7')).toBe('Card, unapplied on 2026-02-28');
    expect(description('LF-E1')).toBe('Late fee on invoice E1, due 2026-02-25');
  });

  it('orders one day by kind', () => {
    const { db } = statementLedger();
    const document = statement(db, 'BET');
    const lines = rows(table(document, 'Transactions in USD'));
    expect(lines.map((row) => [row['type'], row['reference'], row['balance']])).toEqual([
      ['Opening balance', '', 850_00],
      ['Early-payment discount', 'DISC-B1', 834_00],
      ['Payment', 'CHQ-1', 50_00],
      ['Invoice', 'B2', 1_550_00],
      ['Write-off', 'WO-B0', 1_500_00],
    ]);
    expect(ledgerBalance(db, 'BET', to, 'USD')).toBe(1_500_00);
    const values = facts(document);
    expect(values['Payment terms']).toBe('2/10 net 30, 5 grace days, 1.5% interest a month');
    expect(values['Payment methods accepted']).toBe('Bank transfer, Card');
  });

  it('lists open items with their aging', () => {
    const { db } = statementLedger();
    const document = statement(db, 'SOC');
    const open = rows(table(document, 'What is open on 2026-02-28'));
    expect(
      open.map((row) => [
        row['invoice'],
        row['due_date'],
        row['days_past_due'],
        row['bucket'],
        row['balance'],
        row['currency'],
      ]),
    ).toEqual([
      ['E1', '2026-02-09', 19, '1–30 days', 700_00, 'EUR'],
      ['LF-E1', '2026-02-25', 3, '1–30 days', 10_50, 'EUR'],
      ['E2', '2026-03-07', 0, 'Current', 2_350_00, 'EUR'],
      ['U1', '2025-12-31', 59, '31–60 days', 234_56, 'USD'],
      ['U2', '2026-03-24', 0, 'Current', 1_015_44, 'USD'],
    ]);

    const aging = rows(table(document, 'Aging on 2026-02-28, by days past due'));
    expect(aging).toEqual([
      {
        currency: 'EUR',
        current: 2_350_00,
        days_1_30: 710_50,
        days_31_60: 0,
        days_61_90: 0,
        days_90_plus: 0,
        unapplied: -700_00,
        balance: 2_360_50,
      },
      {
        currency: 'USD',
        current: 1_015_44,
        days_1_30: 0,
        days_31_60: 234_56,
        days_61_90: 0,
        days_90_plus: 0,
        unapplied: -250_00,
        balance: 1_000_00,
      },
    ]);
  });

  it('names client, address and terms', () => {
    const { db } = statementLedger();
    const document = statement(db, 'SOC');
    const values = facts(document);
    expect(values['Client']).toBe('Société Générale');
    expect(values['Client code']).toBe('SOC');
    expect(values['Address']).toBe('29 Boulevard Haussmann, 75009 Paris');
    expect(values['Period']).toBe('2026-02-01 to 2026-02-28');
    expect(values['Payment terms']).toBe('Net 30, 5 grace days, 1.5% interest a month');
    expect(document.fileStem).toBe('statement-SOC-2026-02-28');
    expect(document.header.title).toBe('Client statement');
    expect(document.header.company).toBe('Duedesk Demo Ltd');
  });

  it('keeps to the currency filter', () => {
    const { db } = statementLedger();
    const document = statement(db, 'SOC', { currency: 'USD' });
    expect(tables(document).map((block) => block.title)).toEqual([
      'Transactions in USD',
      'What is open on 2026-02-28',
      'Aging on 2026-02-28, by days past due',
    ]);
    const csv = rows(document.csv);
    expect(csv.map((row) => [row['type'], row['reference']])).toEqual([
      ['Opening balance', ''],
      ['Payment', 'TRF-90'],
      ['Invoice', 'U2'],
      ['Closing balance', ''],
    ]);
    expect(Object.keys(facts(document)).filter((label) => label.includes('EUR'))).toEqual([]);
  });

  it('states an idle client as empty', () => {
    const { db } = statementLedger();
    const document = statement(db, 'IDL');
    expect(rows(document.csv)).toEqual([]);
    const [transactions] = tables(document);
    expect(transactions?.emptyText).toBe(
      'No transactions from 2026-02-01 to 2026-02-28, and nothing owed.',
    );
    expect(facts(document)['Balance']).toBe('Nothing owed at the start or the end of the period');
  });

  it('makes codes safe for file names', () => {
    expect(fileSafeCode('SOC')).toBe('SOC');
    expect(fileSafeCode('A/B C')).toBe('A_B_C');
    expect(fileSafeCode('../../etc')).toBe('etc');
    expect(fileSafeCode('Ümit-7')).toBe('Umit-7');
    expect(fileSafeCode('Łódź')).toBe('odz');
    expect(fileSafeCode('///')).toBe('client');
  });

  it('writes the transactions as CSV', async () => {
    const { db, dir } = statementLedger();
    const out = join(dir, 'statement.csv');
    const written = await writeReportCsv(statement(db, 'SOC').csv, out);
    // Each currency's records between its opening and closing balance rows.
    expect(written.rows).toBe(11);

    const records = readCsv(out);
    expect(Object.keys(records[0]!)).toEqual([
      'client_code',
      'date',
      'type',
      'reference',
      'description',
      'debit',
      'credit',
      'balance',
      'currency',
    ]);
    expect(records.every((record) => record['client_code'] === 'SOC')).toBe(true);
    const entries = records.filter((record) => record['reference'] !== '');
    expect(entries.map((record) => [record['reference'], record['balance']])).toEqual([
      ['E2', '3200.00'],
      ['CN-1', '3050.00'],
      ['TRF-88', '2550.00'],
      ['CARD-7', '2350.00'],
      ['LF-E1', '2360.50'],
      ['TRF-90', '-15.44'],
      ['U2', '1000.00'],
    ]);

    expect(entries[0]).toMatchObject({ debit: '2500.00', credit: '', currency: 'EUR' });
    expect(entries[1]).toMatchObject({ debit: '', credit: '150.00' });
    expect(entries[4]!['debit']).toBe('10.50');
    // The closing rows carry the period's debits and credits and the ledger's balance.
    const closing = records.filter((record) => record['type'] === 'Closing balance');
    expect(closing.map((record) => [record['currency'], record['balance']])).toEqual([
      ['EUR', '2360.50'],
      ['USD', '1000.00'],
    ]);
    expect(entries[0]!['description']).toBe('Consulting, February, due 2026-03-07');
    // A memo that a spreadsheet would run as a formula is written as text.
    expect(entries[6]!['description']).toBe("'=1+1 adjustment, due 2026-03-24");
  });

  it.skipIf(skipPdfReading)('writes a readable PDF', async () => {
    const { db, dir } = statementLedger();
    const out = join(dir, 'statement.pdf');
    const written = await writeReportPdf(statement(db, 'SOC'), out);
    const pages = pdfPages(out);
    expect(pages.length).toBe(written.pages);
    const text = squeeze(pages.join('\n'));
    for (const expected of [
      'Client statement',
      'Société Générale',
      '29 Boulevard Haussmann, 75009 Paris',
      '$1,234.56',
      '-$15.44',
      '$1,000.00',
      '€700.00',
      '€3,200.00',
      '€2,360.50',
      'TRF-88',
      'Bank transfer, Card',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('E3');
    expect(text).not.toContain('VOID-1');
    const image = firstPageImage(out, 'statement-SOC');
    expectA4Portrait(image);
  });
});

describe('statement batch', () => {
  it('writes one file per client', async () => {
    const { db } = statementLedger();
    const folder = temp.folder();
    const progress: string[] = [];
    const result = await writeStatements(db, {
      from,
      to,
      folder,
      format: 'csv',
      generatedOn,
      onProgress: ({ done, total, clientCode }) => progress.push(`${done}/${total} ${clientCode}`),
    });

    expect(result.files.map((file) => file.clientCode)).toEqual(['BET', 'CED', 'SOC']);
    expect(readdirSync(folder).sort()).toEqual([
      'statement-BET-2026-02-28.csv',
      'statement-CED-2026-02-28.csv',
      'statement-SOC-2026-02-28.csv',
    ]);
    expect(result.files.every((file) => file.pages === null)).toBe(true);
    expect(result.skipped).toEqual([
      {
        clientCode: 'IDL',
        reason: 'no balance on 2026-02-28 and no records from 2026-02-01 to 2026-02-28',
      },
    ]);
    expect(progress).toEqual(['1/3 BET', '2/3 CED', '3/3 SOC']);

    const soc = readCsv(join(folder, 'statement-SOC-2026-02-28.csv'));
    expect(soc.at(-1)).toMatchObject({ type: 'Closing balance', balance: '1000.00' });
    // Cedar owes 300.00 but has no record in the period: its balance opens and closes.
    const cedar = readCsv(join(folder, 'statement-CED-2026-02-28.csv'));
    expect(cedar.map((record) => [record['type'], record['balance']])).toEqual([
      ['Opening balance', '300.00'],
      ['Closing balance', '300.00'],
    ]);
  });

  it.skipIf(skipPdfReading)('writes PDFs with page counts', async () => {
    const { db } = statementLedger();
    const folder = temp.folder();
    const result = await writeStatements(db, { from, to, folder, format: 'pdf', generatedOn });
    expect(result.files).toHaveLength(3);
    for (const written of result.files) {
      expect(written.file).toBe(join(folder, `statement-${written.clientCode}-2026-02-28.pdf`));
      expect(pdfPages(written.file).length).toBe(written.pages);
    }

    const bet = squeeze(pdfPages(join(folder, 'statement-BET-2026-02-28.pdf')).join('\n'));
    expect(bet).toContain('Beta & Co');
    expect(bet).toContain('$1,500.00');
    const ced = squeeze(pdfPages(join(folder, 'statement-CED-2026-02-28.pdf')).join('\n'));
    expect(ced).toContain('£300.00');
  });

  it('narrows by manager and currency', async () => {
    const { db } = statementLedger();
    const byManager = await writeStatements(db, {
      from,
      to,
      folder: temp.folder(),
      format: 'csv',
      filters: { manager: 'anne' },
    });
    expect(byManager.files.map((file) => file.clientCode)).toEqual(['CED', 'SOC']);
    expect(byManager.skipped.map((client) => client.clientCode)).toEqual(['IDL', 'BET']);

    const folder = temp.folder();
    const byCurrency = await writeStatements(db, {
      from,
      to,
      folder,
      format: 'csv',
      filters: { currency: 'EUR' },
    });
    expect(byCurrency.files.map((file) => file.clientCode)).toEqual(['SOC']);
    const soc = readCsv(join(folder, 'statement-SOC-2026-02-28.csv'));
    expect(new Set(soc.map((record) => record['currency']))).toEqual(new Set(['EUR']));
    expect(soc).toHaveLength(7);
  });

  it('writes only the named clients', async () => {
    const { db } = statementLedger();
    const folder = temp.folder();
    const result = await writeStatements(db, {
      from,
      to,
      folder,
      format: 'csv',
      clientCodes: ['IDL', 'SOC'],
    });
    expect(result.files.map((file) => file.clientCode)).toEqual(['IDL', 'SOC']);
    await expect(
      writeStatements(db, { from, to, folder, format: 'csv', clientCodes: ['SOC', 'NOPE'] }),
    ).rejects.toThrow('No client with code "NOPE"');
  });

  it('keeps clashing names apart', async () => {
    const { db } = temp.ledger();
    const add = db.prepare(
      `INSERT INTO clients (code, name, created_at) VALUES (?, ?, '2026-01-01T00:00:00Z')`,
    );
    const slash = Number(add.run('X/1', 'Slash').lastInsertRowid);
    const lower = Number(add.run('x_1', 'Lower').lastInsertRowid);
    const folder = temp.folder();
    const result = await writeStatements(db, {
      from,
      to,
      folder,
      format: 'csv',
      clientCodes: ['X/1', 'x_1'],
    });
    expect(result.files.map((file) => file.file)).toEqual([
      join(folder, `statement-X_1-2026-02-28-${slash}.csv`),
      join(folder, `statement-x_1-2026-02-28-${lower}.csv`),
    ]);
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it('rejects a missing folder', async () => {
    const { db, dir } = statementLedger();
    const missing = join(dir, 'no-such-folder');
    await expect(writeStatements(db, { from, to, folder: missing, format: 'pdf' })).rejects.toThrow(
      `The folder ${missing} for the statements does not exist`,
    );
    expect(existsSync(missing)).toBe(false);

    const ledgerFile = join(dir, 'ledger.sqlite');
    await expect(
      writeStatements(db, { from, to, folder: ledgerFile, format: 'pdf' }),
    ).rejects.toThrow('is a file, not a folder');
  });

  it('rejects replacing the ledger', async () => {
    const folder = temp.folder();
    // A ledger whose file has the name the batch gives SOC's CSV statement.
    const db = openLedger(join(folder, 'statement-SOC-2026-02-28.csv'));
    try {
      writeStatementLedger(db);
      await expect(
        writeStatements(db, { from, to, folder, format: 'csv', clientCodes: ['SOC'] }),
      ).rejects.toThrow('The statement of SOC would replace the ledger');
      expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});

const asOf = '2026-02-28';

function letterContext(db: Ledger, client: string, filters: Record<string, string> = {}) {
  const request = { report: 'dunning-letter', asOf, filters: { client, ...filters } };
  return reportContext(db, request, generatedOn);
}

/** Records reminders of SOC as the reminder pass leaves them, with the invoices they cover. */
function remindSociete(db: Ledger): void {
  const insert = db.prepare(
    `INSERT INTO reminders (client_id, stage_id, stage_name, ladder, template_id, channel,
                            status, queued_on, created_at, updated_at)
     VALUES (?, ?, ?, 'unscored', ?, ?, ?, ?, '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z')`,
  );
  const link = db.prepare(
    `INSERT INTO reminder_invoices (reminder_id, invoice_id, stage_id, balance_cents)
     SELECT ?, id, ?, amount_cents FROM invoices WHERE number = ?`,
  );
  const soc = clientId(db, 'SOC');
  const reminders: [string, string, string, string, string, string][] = [
    ['friendly', 'Friendly reminder', 'friendly', 'email', 'sent', '2026-02-14'],
    ['final-notice', 'Final notice', 'final-notice', 'letter', 'sent', '2026-02-20'],
    // Passed over for a later stage: never the client's stage.
    ['firm', 'Firm reminder', 'firm', 'email', 'superseded', '2026-02-21'],
  ];
  for (const [stage, name, template, channel, status, queuedOn] of reminders) {
    const id = insert.run(soc, stage, name, template, channel, status, queuedOn).lastInsertRowid;
    link.run(id, stage, 'E1');
  }
}

describe('dunning letter', () => {
  it('lists what is overdue', () => {
    const { db } = statementLedger();
    remindSociete(db);
    const document = dunningLetterModule.build(letterContext(db, 'SOC'));
    const lines = rows(document.csv);
    // U1's sale is due first, and LF-E1 follows the invoice it was charged on. E2 is not due.
    expect(
      lines.map((row) => [
        row['invoice'],
        row['type'],
        row['due_date'],
        row['days_overdue'],
        row['amount'],
        row['balance'],
        row['currency'],
      ]),
    ).toEqual([
      ['U1', 'Invoice', '2025-12-31', 59, 1_234_56, 234_56, 'USD'],
      ['E1', 'Invoice', '2026-02-09', 19, 1_000_00, 700_00, 'EUR'],
      ['LF-E1', 'Late fee on invoice E1', '2026-02-25', 3, 10_50, 10_50, 'EUR'],
    ]);

    expect(document.csv.totals).toEqual([
      { invoice: 'Total due in EUR', balance: 710_50, currency: 'EUR' },
      { invoice: 'Total due in USD', balance: 234_56, currency: 'USD' },
    ]);

    const values = facts(document);
    expect(values['Dunning stage']).toBe('Final notice, queued on 2026-02-20');
    expect(values['Total overdue, EUR']).toBe('€710.50');
    expect(values['Total overdue, USD']).toBe('$234.56');
    // EUR: TRF-88 500.00 (applied only on 03-05) and CARD-7 200.00. USD: 250.00 left of TRF-90.
    expect(values['Received, not yet applied, EUR']).toBe('€700.00');
    expect(values['Received, not yet applied, USD']).toBe('$250.00');
    expect(document.fileStem).toBe('dunning-letter-SOC-2026-02-28');
  });

  it('words the letter at the stage', () => {
    const { db } = statementLedger();
    remindSociete(db);
    const document = dunningLetterModule.build(letterContext(db, 'SOC'));
    const texts = document.blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : []));
    expect(texts[0]).toBe('Final notice: overdue invoices from Duedesk Demo Ltd');
    expect(texts.join('\n')).toContain('Unless we receive payment within 7 days');
    expect(texts.join('\n')).toContain('Total due: €710.50 and $234.56');
    expect(texts.join('\n')).toContain(
      'Our records also show €700.00 and $250.00 received from you and not yet applied',
    );
  });

  it('falls back to the standard wording', () => {
    const { db } = statementLedger();
    const document = dunningLetterModule.build(letterContext(db, 'CED'));
    const values = facts(document);
    expect(values['Dunning stage']).toBe('None reached: standard wording');
    expect(values['Total overdue, GBP']).toBe('£300.00');
    const texts = document.blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : []));
    expect(texts[0]).toBe('Overdue invoices from Duedesk Demo Ltd: please pay now');
    expect(rows(document.csv).map((row) => [row['invoice'], row['days_overdue']])).toEqual([
      ['C1', 89],
    ]);
  });

  it('rejects a client owing nothing overdue', () => {
    const { db } = statementLedger();
    expect(() => dunningLetterModule.build(letterContext(db, 'BET'))).toThrow(
      'Client BET owes nothing overdue on 2026-02-28: no letter to write.',
    );
  });

  it('omits disputed invoices and other currencies', () => {
    const { db } = statementLedger();
    db.prepare(
      `INSERT INTO disputes (invoice_id, opened_on, reason, created_at)
       SELECT id, '2026-02-26', 'Wrong quantity', '2026-02-26T00:00:00Z' FROM invoices
       WHERE number = 'E1'`,
    ).run();
    const lines = rows(dunningLetterModule.build(letterContext(db, 'SOC')).csv);
    expect(lines.map((row) => row['invoice'])).toEqual(['U1']);
    expect(() => dunningLetterModule.build(letterContext(db, 'SOC', { currency: 'EUR' }))).toThrow(
      'Client SOC owes nothing overdue in EUR on 2026-02-28: no letter to write.',
    );
  });

  it('writes the CSV of invoice lines', async () => {
    const { db, dir } = statementLedger();
    const out = join(dir, 'letter.csv');
    await writeReportCsv(dunningLetterModule.build(letterContext(db, 'SOC')).csv, out);
    const records = readCsv(out);
    expect(records.map((record) => [record['invoice'], record['balance']])).toEqual([
      ['U1', '234.56'],
      ['E1', '700.00'],
      ['LF-E1', '10.50'],
    ]);
    expect(records[0]).toMatchObject({ amount: '1234.56', days_overdue: '59', currency: 'USD' });
  });

  it.skipIf(skipPdfReading)('lays out the letter PDF', async () => {
    const { db, dir } = statementLedger();
    remindSociete(db);
    const out = join(dir, 'letter.pdf');
    const written = await writeDunningLetterPdf(letterContext(db, 'SOC'), out);
    expect(written).toEqual({ rows: 3, pages: 1 });

    const pages = pdfPages(out);
    expect(pages).toHaveLength(1);
    const text = squeeze(pages[0]!);
    for (const expected of [
      'Duedesk Demo Ltd',
      'London EC1A 1AA',
      '2026-02-28',
      'Société Générale',
      '29 Boulevard Haussmann',
      '75009 Paris',
      'Final notice: overdue invoices from Duedesk Demo Ltd',
      'Invoice U1 2025-12-31 $234.56',
      'Invoice E1 2026-02-09 €700.00',
      'Late fee on invoice E1 2026-02-25 €10.50',
      'Total due in EUR €710.50',
      'Total due in USD $234.56',
      'You can pay by Bank transfer, Card.',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Invoice E2');
    const image = firstPageImage(out, 'dunning-letter-SOC');
    expectA4Portrait(image);
  });
});
