import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/import/import-file.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();

const invoices =
  'Date,Due date,Invoice,Customer,Amount\n2026-01-10,2026-02-09,INV-1,Acme Ltd,500.00\n';

describe('import of the same records twice', () => {
  it('keeps identical payment rows as two', async () => {
    const { db } = temp.ledger();
    await importFile(db, temp.file('invoices.csv', invoices), { currency: 'USD' });
    const payments = temp.file(
      'payments.csv',
      'Date,Customer,Invoice,Amount\n2026-02-01,Acme Ltd,INV-1,50.00\n' +
        '2026-02-01,Acme Ltd,INV-1,50.00\n',
    );
    const first = await importFile(db, payments, { kind: 'payments', currency: 'USD' });
    expect(first.status).toBe('imported');
    expect(first.counts.payments).toBe(2);
    const received = db.prepare('SELECT SUM(amount_cents) FROM payments').pluck().get();
    expect(received).toBe(10000);
    const allocated = db.prepare('SELECT SUM(amount_cents) FROM allocations').pluck().get();
    expect(allocated).toBe(10000);

    const later = temp.file(
      'payments-later.csv',
      'Date,Customer,Invoice,Amount\n2026-02-01,Acme Ltd,INV-1,50.00\n' +
        '2026-02-01,Acme Ltd,INV-1,50.00\n2026-02-15,Acme Ltd,INV-1,25.00\n',
    );
    const second = await importFile(db, later, { kind: 'payments', currency: 'USD' });
    expect(second.status).toBe('imported');
    expect(second.counts.payments).toBe(1);
    expect(second.counts.alreadyInLedger).toBe(2);
    const total = db.prepare('SELECT SUM(amount_cents) FROM payments').pluck().get();
    expect(total).toBe(12500);
  });

  it('refuses a file imported before', async () => {
    const { db } = temp.ledger();
    const file = temp.file('invoices.csv', invoices);
    const first = await importFile(db, file, { currency: 'USD' });
    expect(first.status).toBe('imported');
    const again = await importFile(db, file, { currency: 'USD' });
    expect(again.status).toBe('already-imported');
    expect(again.previousImport?.batchId).toBe(first.batchId);
    const forced = await importFile(db, file, { currency: 'USD', force: true });
    expect(forced.status).toBe('nothing-new');
    expect(forced.counts.alreadyInLedger).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM invoices').pluck().get()).toBe(1);
  });

  it('rejects a changed invoice number', async () => {
    const { db } = temp.ledger();
    await importFile(db, temp.file('invoices.csv', invoices), { currency: 'USD' });
    const changed = temp.file(
      'changed.csv',
      'Date,Due date,Invoice,Customer,Amount\n2026-01-10,2026-02-09,INV-1,Acme Ltd,600.00\n' +
        '2026-01-11,2026-02-10,INV-2,Acme Ltd,70.00\n',
    );
    const result = await importFile(db, changed, { currency: 'USD' });
    expect(result.status).toBe('rejected');
    expect(result.errors[0]?.line).toBe(2);
    expect(result.errors[0]?.reason).toMatch(/INV-1 is already in the ledger/);
    expect(db.prepare('SELECT COUNT(*) FROM invoices').pluck().get()).toBe(1);
  });

  it('rejects a repeated invoice number in a file', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'repeat.csv',
      'Date,Invoice,Customer,Amount\n2026-01-10,X-1,Acme Ltd,10.00\n' +
        '2026-01-10,X-1,Acme Ltd,10.00\n',
    );
    const result = await importFile(db, file, { currency: 'USD' });
    expect(result.status).toBe('rejected');
    expect(result.errors[0]?.line).toBe(3);
    expect(result.errors[0]?.reason).toMatch(/first on line 2/);
  });

  it('writes nothing on a dry run', async () => {
    const { db } = temp.ledger();
    const result = await importFile(db, temp.file('invoices.csv', invoices), {
      currency: 'USD',
      dryRun: true,
    });
    expect(result.status).toBe('dry-run');
    expect(result.counts.invoices).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM invoices').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM import_batches').pluck().get()).toBe(0);
  });

  it('rejects a repeated credit note number', async () => {
    const { db } = temp.ledger();
    const file = temp.file(
      'credits.csv',
      'Date,Number,Customer,Amount\n2026-01-10,CN-1,Acme Ltd,10.00\n' +
        '2026-01-11,CN-1,Acme Ltd,10.00\n',
    );
    const result = await importFile(db, file, { kind: 'credit_notes', currency: 'USD' });
    expect(result.status).toBe('rejected');
    expect(result.errors[0]?.line).toBe(3);
    expect(result.errors[0]?.reason).toMatch(/credit note number CN-1 appears again/);
  });
});
