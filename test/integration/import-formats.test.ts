import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/import/import-file.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();

function amounts(db: ReturnType<typeof temp.ledger>['db'], table: string): number[] {
  return db.prepare(`SELECT amount_cents FROM ${table} ORDER BY id`).pluck().all() as number[];
}

describe('import of bookkeeping exports', () => {
  it('reads a BOM semicolon file with title lines', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'export.csv',
      '\uFEFFFirma Beispiel GmbH;;;\nOffene Posten;;;\n' +
        'Date;Invoice;Customer;Amount\n' +
        '03/04/2026;R-1;Müller AG;1.250,00\n' +
        '13/04/2026;R-2;Société Lumière;80,50\n',
    );
    const result = await importFile(db, file, { currency: 'EUR' });
    expect(result.status).toBe('imported');
    expect(result.layout?.delimiter).toBe(';');
    expect(result.layout?.headerLine).toBe(3);
    expect(amounts(db, 'invoices')).toEqual([125000, 8050]);
    const dates = db.prepare('SELECT invoice_date FROM invoices ORDER BY id').pluck().all();
    expect(dates).toEqual(['2026-04-03', '2026-04-13']);
    const names = db.prepare('SELECT name FROM clients ORDER BY id').pluck().all();
    expect(names).toEqual(['Müller AG', 'Société Lumière']);
  });

  it('decides separators once per file', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'amounts.csv',
      'Date;Invoice;Customer;Amount\n' +
        '2026-01-05;A-1;Alpha;1.000\n2026-01-06;A-2;Alpha;1.355,90\n2026-01-07;A-3;Alpha;12,34\n',
    );
    const result = await importFile(db, file, { currency: 'EUR' });
    expect(result.status).toBe('imported');
    expect(amounts(db, 'invoices')).toEqual([100000, 135590, 1234]);
  });

  it('reads currency symbols and negatives', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'signs.csv',
      'Date,Invoice,Customer,Amount\n' +
        '2026-02-01,S-1,Beta,$400.00\n2026-02-02,S-2,Beta,($30.00)\n2026-02-03,S-3,Beta,-$20.00\n',
    );
    const result = await importFile(db, file, { currency: 'USD' });
    expect(result.status).toBe('imported');
    expect(amounts(db, 'invoices')).toEqual([40000]);
    // Negative rows of an invoice list are credit notes: -3000 and -2000 minor units.
    expect(amounts(db, 'credit_notes')).toEqual([3000, 2000]);
    expect(result.counts.creditNotes).toBe(2);
  });

  it('rejects an impossible day-first date', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'dates.csv',
      'Date,Invoice,Customer,Amount\n' +
        '03/04/2026,D-1,Gamma,10.00\n13/04/2026,D-2,Gamma,20.00\n31/02/2026,D-3,Gamma,30.00\n',
    );
    const result = await importFile(db, file, { currency: 'USD' });
    expect(result.status).toBe('rejected');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBe(4);
    expect(result.errors[0]?.column).toBe('Date');
    expect(result.errors[0]?.value).toBe('31/02/2026');
    expect(db.prepare('SELECT COUNT(*) FROM invoices').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM clients').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM import_batches').pluck().get()).toBe(0);
  });

  it('reads day-first dates when values show it', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'dates.csv',
      'Date,Invoice,Customer,Amount\n03/04/2026,D-1,Gamma,10.00\n13/04/2026,D-2,Gamma,20.00\n',
    );
    const result = await importFile(db, file, { currency: 'USD' });
    expect(result.status).toBe('imported');
    const dates = db.prepare('SELECT invoice_date FROM invoices ORDER BY id').pluck().all();
    expect(dates).toEqual(['2026-04-03', '2026-04-13']);
    expect(result.layout?.dateOrders.date).toEqual({ order: 'dmy', source: 'detected' });
  });

  it('skips a total line and trailing blank', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'total.csv',
      'Date,Invoice,Customer,Amount\n2026-03-01,T-1,Delta,100.00\n2026-03-02,T-2,Delta,20.00\n' +
        'Total,,,120.00\n\n',
    );
    const result = await importFile(db, file, { currency: 'USD' });
    expect(result.status).toBe('imported');
    expect(amounts(db, 'invoices')).toEqual([10000, 2000]);
    expect(result.skipped['total lines']).toBe(1);
  });

  it('reads a last row without final newline', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'no-newline.csv',
      'Date,Invoice,Customer,Amount\n2026-03-01,T-1,Delta,100.00\n2026-03-02,T-2,Delta,20.00\n' +
        'Total,,,120.00\n\n2026-03-03,T-3,Delta,5.00',
    );
    const result = await importFile(db, file, { currency: 'USD' });
    expect(result.status).toBe('imported');
    expect(amounts(db, 'invoices')).toEqual([10000, 2000, 500]);
  });

  it('keeps an equal second amount as data', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'equal.csv',
      'Date,Invoice,Customer,Amount\n2026-03-01,E-1,Echo,75.00\n2026-03-02,E-2,Echo,75.00',
    );
    const result = await importFile(db, file, { currency: 'USD' });
    expect(result.status).toBe('imported');
    expect(amounts(db, 'invoices')).toEqual([7500, 7500]);
  });

  it('reads Windows-1252 text', async () => {
    const { db } = temp.ledger();
    const bytes = Buffer.from(
      'Date;Invoice;Customer;Amount\r\n04/12/2026;W-1;Soci\xe9t\xe9 G\xe9n\xe9rale;12,00\r\n',
      'latin1',
    );
    const result = await importFile(db, temp.file('cp1252.csv', bytes), { currency: 'EUR' });
    expect(result.status).toBe('imported');
    expect(result.layout?.encoding).toBe('windows-1252');
    expect(db.prepare('SELECT name FROM clients').pluck().get()).toBe('Société Générale');
  });

  it('takes one date order per file', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'mixed.csv',
      'Invoice,Customer,Date,Due,Amount,Currency\n' +
        'INV-3002,Beta GmbH,20/01/2026,10/02/2026,200.00,GBP\n',
    );
    const result = await importFile(db, file);
    expect(result.status).toBe('imported');
    expect(result.layout?.dateOrders.due_date).toEqual({ order: 'dmy', source: 'other-column' });
    const due = db.prepare('SELECT due_date FROM invoices').pluck().get();
    expect(due).toBe('2026-02-10');
  });

  it('rejects date columns that disagree', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'disagree.csv',
      'Invoice,Customer,Date,Due,Amount\nI-1,Beta,20/01/2026,01/25/2026,200.00\n',
    );
    const result = await importFile(db, file, { currency: 'USD' });
    expect(result.status).toBe('rejected');
    expect(result.errors[0]?.line).toBe(1);
    expect(result.errors[0]?.reason).toMatch(/date columns disagree/);
    const given = await importFile(db, file, { currency: 'USD', dateOrder: 'dmy' });
    expect(given.status).toBe('rejected');
    expect(given.errors[0]?.column).toBe('Due');
    expect(given.errors[0]?.value).toBe('01/25/2026');
  });

  it('counts nothing in a rejected file', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'late-error.csv',
      'Date,Invoice,Customer,Amount\n2026-01-01,A-1,Acme,1.00\n2026-01-02,A-2,Acme,x\n',
    );
    const result = await importFile(db, file, { currency: 'USD' });
    expect(result.status).toBe('rejected');
    expect(result.counts.invoices).toBe(0);
    expect(result.counts.clients).toBe(0);
    expect(result.errors[0]?.line).toBe(3);
  });

  it('names a missing file', async () => {
    const { db, dir } = temp.ledger();
    await expect(importFile(db, `${dir}/nope.csv`)).rejects.toThrow(/File not found: .*nope\.csv/);
    await expect(importFile(db, dir)).rejects.toThrow(/is not a file/);
  });

  it('rejects a symbol of another currency', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'symbols.csv',
      'Date,Invoice,Customer,Amount\n2026-01-01,C-1,Acme,£5.00\n2026-01-02,C-2,Acme,$7.00\n',
    );
    const result = await importFile(db, file, { currency: 'USD' });
    expect(result.status).toBe('rejected');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBe(2);
    expect(result.errors[0]?.reason).toMatch(/marked GBP .*the row is in USD/);
  });

  it('takes the currency from a symbol', async () => {
    const { db } = temp.ledger();
    const file = temp.file('euro.csv', 'Date;Invoice;Customer;Amount\n2026-01-01;E-1;Acme;€5,00\n');
    const result = await importFile(db, file);
    expect(result.status).toBe('imported');
    expect(db.prepare('SELECT currency FROM invoices').pluck().get()).toBe('EUR');
  });

  it('rejects cells beyond the header', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'extra.csv',
      'Date,Invoice,Customer,Amount\n2026-01-05,INV-1,Acme,100.00,EXTRA\n2026-01-06,INV-2,Acme,1,\n',
    );
    const result = await importFile(db, file, { currency: 'USD' });
    expect(result.status).toBe('rejected');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBe(2);
    expect(result.errors[0]?.value).toBe('EXTRA');
  });

  it('rejects ISO dates mixed with others', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'iso-mix.csv',
      'Date,Invoice,Customer,Amount\n2024-02-29,M-1,Acme,1.00\n26-01-05,M-2,Acme,1.00\n',
    );
    const result = await importFile(db, file, { currency: 'USD' });
    expect(result.status).toBe('rejected');
    expect(result.errors[0]?.reason).toMatch(/mix formats: "2024-02-29" is year-first/);
  });

  it('rejects an amount over the maximum', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'huge.csv',
      'Date,Invoice,Customer,Amount\n2026-01-01,H-1,Acme,90071992547409.91\n',
    );
    const result = await importFile(db, file, { currency: 'USD' });
    expect(result.status).toBe('rejected');
    expect(result.errors[0]?.reason).toMatch(/amounts above 1000000000000 minor units/);
  });

  it('reports a file without data rows', async () => {
    const { db } = temp.ledger();
    const file = temp.file('header.csv', 'Date,Invoice,Customer,Amount\n');
    const result = await importFile(db, file, { currency: 'USD' });
    expect(result.status).toBe('no-rows');
  });
});
