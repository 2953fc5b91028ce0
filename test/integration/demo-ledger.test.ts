import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addMonths, toDayNumber, type IsoDate } from '../../shared/calendar-date.ts';
import {
  createDemoLedger,
  demoClientProfiles,
  type DemoOptions,
  type DemoSummary,
} from '../../electron/demo/demo-ledger.ts';
import type { PaymentProfile } from '../../electron/demo/payment-behaviour.ts';
import { openLedger, type Ledger } from '../../electron/ledger/database.ts';

const endDate: IsoDate = '2026-03-31';
const historyStart: IsoDate = '2024-04-01';
const options: DemoOptions = { clients: 120, invoices: 12_000, seed: 20_260_331, endDate };

const dataTables = ['clients', 'invoices', 'credit_notes', 'payments', 'allocations', 'disputes'];

let directory: string;
let db: Ledger;
let summary: DemoSummary;
const openLedgers: Ledger[] = [];

function newLedger(name: string): Ledger {
  const ledger = openLedger(join(directory, name));
  openLedgers.push(ledger);
  return ledger;
}

function count(sql: string, ...params: unknown[]): number {
  return db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

/** Serializes every row of the data tables, and the audit log without its wall-clock time. */
function dump(ledger: Ledger): string {
  const tables = dataTables.map((table) => ({
    table,
    rows: ledger.prepare(`SELECT * FROM ${table} ORDER BY id`).raw().all(),
  }));
  const audit = ledger
    .prepare('SELECT actor, action, entity, entity_id, details FROM audit_log ORDER BY id')
    .raw()
    .all();
  return JSON.stringify({ tables, audit });
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'duedesk-demo-'));
  db = newLedger('demo.db');
  summary = createDemoLedger(db, options);
});

afterAll(() => {
  for (const ledger of openLedgers) ledger.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('createDemoLedger', () => {
  it('returns the row counts it wrote', () => {
    expect(summary.clients).toBe(120);
    expect(summary.invoices).toBe(12_000);
    expect(summary.clients).toBe(count('SELECT COUNT(*) FROM clients'));
    expect(summary.invoices).toBe(count('SELECT COUNT(*) FROM invoices'));
    expect(summary.payments).toBe(count('SELECT COUNT(*) FROM payments'));
    expect(summary.creditNotes).toBe(count('SELECT COUNT(*) FROM credit_notes'));
    expect(summary.allocations).toBe(count('SELECT COUNT(*) FROM allocations'));
    expect(summary.disputes).toBe(count('SELECT COUNT(*) FROM disputes'));
    expect(summary.payments).toBeGreaterThan(8_000);
  });

  it('records one demo audit entry', () => {
    const entries = db
      .prepare("SELECT entity, details FROM audit_log WHERE action = 'demo'")
      .all() as { entity: string; details: string }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]?.entity).toBe('ledger');
    const details = JSON.parse(entries[0]?.details ?? '{}') as Record<string, unknown>;
    expect(details.seed).toBe(options.seed);
    expect(details.months).toBe(24);
    expect(details.invoices).toBe(12_000);
  });

  it('writes identical rows for the same seed', () => {
    const again = newLedger('same-seed.db');
    createDemoLedger(again, options);
    expect(dump(again)).toBe(dump(db));
  });

  it('writes different rows for another seed', () => {
    const other = newLedger('other-seed.db');
    createDemoLedger(other, { ...options, seed: options.seed + 1 });
    const names = (ledger: Ledger): string =>
      JSON.stringify(ledger.prepare('SELECT name FROM clients ORDER BY id').pluck().all());
    const amounts = (ledger: Ledger): string =>
      JSON.stringify(ledger.prepare('SELECT amount_cents FROM invoices ORDER BY id').pluck().all());
    expect(names(other)).not.toBe(names(db));
    expect(amounts(other)).not.toBe(amounts(db));
  });

  it('rejects a ledger that already has invoices', () => {
    const before = dump(db);
    expect(() => createDemoLedger(db, options)).toThrow(/already contains .*12000 invoices/);
    expect(dump(db)).toBe(before);
  });

  it('rejects invalid options', () => {
    const empty = newLedger('invalid-options.db');
    const invalid: [Partial<DemoOptions>, RegExp][] = [
      [{ clients: 0 }, /client count 0/],
      [{ clients: 2.5 }, /client count 2.5/],
      [{ invoices: -1 }, /invoice count -1/],
      [{ seed: Number.NaN }, /seed NaN/],
      [{ endDate: '2026-02-30' }, /demo end date "2026-02-30"/],
      [{ months: 0 }, /history length 0 months/],
    ];
    for (const [change, message] of invalid) {
      expect(() => createDemoLedger(empty, { ...options, ...change })).toThrow(message);
    }
    expect(empty.prepare('SELECT COUNT(*) FROM clients').pluck().get()).toBe(0);
  });

  it('writes a history of the requested length', () => {
    const short = newLedger('short-history.db');
    createDemoLedger(short, { clients: 5, invoices: 200, seed: 1, endDate, months: 3 });
    const first = short.prepare('SELECT MIN(invoice_date) FROM invoices').pluck().get();
    expect((first as string) >= '2026-01-01').toBe(true);
  });
});

describe('demo ledger rules', () => {
  it('keeps invoice amounts and due dates valid', () => {
    expect(count('SELECT COUNT(*) FROM invoices WHERE amount_cents <= 0')).toBe(0);
    expect(count('SELECT COUNT(*) FROM invoices WHERE due_date < invoice_date')).toBe(0);
  });

  it('numbers invoices uniquely in date order', () => {
    const rows = db
      .prepare('SELECT number, invoice_date FROM invoices ORDER BY number')
      .raw()
      .all() as [string, string][];
    expect(rows[0]?.[0]).toBe('INV-000001');
    expect(new Set(rows.map(([number]) => number)).size).toBe(rows.length);
    const outOfOrder = rows.filter(([, date], i) => i > 0 && date < (rows[i - 1]?.[1] ?? ''));
    expect(outOfOrder).toEqual([]);
  });

  it('never allocates more than a payment', () => {
    const over = count(`
      SELECT COUNT(*) FROM (
        SELECT p.id FROM payments p JOIN allocations a ON a.payment_id = p.id
        GROUP BY p.id HAVING SUM(a.amount_cents) > p.amount_cents)`);
    expect(over).toBe(0);
  });

  it('never allocates more than a credit note', () => {
    const over = count(`
      SELECT COUNT(*) FROM (
        SELECT c.id FROM credit_notes c JOIN allocations a ON a.credit_note_id = c.id
        GROUP BY c.id HAVING SUM(a.amount_cents) > c.amount_cents)`);
    expect(over).toBe(0);
  });

  it('never allocates more than an invoice', () => {
    const over = count(`
      SELECT COUNT(*) FROM (
        SELECT i.id FROM invoices i JOIN allocations a ON a.invoice_id = i.id
        GROUP BY i.id HAVING SUM(a.amount_cents) > i.amount_cents)`);
    expect(over).toBe(0);
  });

  it('applies allocations on the payment or credit date', () => {
    const paymentMismatch = count(`
      SELECT COUNT(*) FROM allocations a JOIN payments p ON p.id = a.payment_id
      WHERE a.applied_on <> p.payment_date`);
    const creditMismatch = count(`
      SELECT COUNT(*) FROM allocations a JOIN credit_notes c ON c.id = a.credit_note_id
      WHERE a.applied_on <> c.credit_date`);
    const beforeInvoice = count(`
      SELECT COUNT(*) FROM allocations a JOIN invoices i ON i.id = a.invoice_id
      WHERE a.applied_on < i.invoice_date`);
    expect(paymentMismatch).toBe(0);
    expect(creditMismatch).toBe(0);
    expect(beforeInvoice).toBe(0);
    expect(count('SELECT COUNT(*) FROM allocations WHERE amount_cents <= 0')).toBe(0);
  });

  it('keeps allocations within one client and currency', () => {
    const crossed = count(`
      SELECT COUNT(*) FROM allocations a
      JOIN invoices i ON i.id = a.invoice_id
      LEFT JOIN payments p ON p.id = a.payment_id
      LEFT JOIN credit_notes c ON c.id = a.credit_note_id
      WHERE COALESCE(p.client_id, c.client_id) <> i.client_id
         OR COALESCE(p.currency, c.currency) <> i.currency`);
    expect(crossed).toBe(0);
  });

  it('bills each client in its own currency', () => {
    const mismatched = count(`
      SELECT COUNT(*) FROM (
        SELECT client_id, currency FROM invoices
        UNION ALL SELECT client_id, currency FROM payments
        UNION ALL SELECT client_id, currency FROM credit_notes) r
      JOIN clients c ON c.id = r.client_id
      WHERE r.currency <> c.credit_limit_currency`);
    expect(mismatched).toBe(0);
  });

  it('uses at least two currencies', () => {
    expect(summary.currencies.length).toBeGreaterThanOrEqual(2);
    expect(count('SELECT COUNT(DISTINCT currency) FROM invoices')).toBeGreaterThanOrEqual(2);
  });

  it('dates nothing outside the history', () => {
    const dates = `
      SELECT invoice_date AS day FROM invoices
      UNION ALL SELECT payment_date FROM payments
      UNION ALL SELECT credit_date FROM credit_notes
      UNION ALL SELECT applied_on FROM allocations
      UNION ALL SELECT opened_on FROM disputes
      UNION ALL SELECT resolved_on FROM disputes WHERE resolved_on IS NOT NULL`;
    expect(count(`SELECT COUNT(*) FROM (${dates}) WHERE day > ?`, endDate)).toBe(0);
    expect(count(`SELECT COUNT(*) FROM (${dates}) WHERE day < ?`, historyStart)).toBe(0);
  });

  it('resolves disputes on or after opening', () => {
    const early = count(`
      SELECT COUNT(*) FROM disputes d JOIN invoices i ON i.id = d.invoice_id
      WHERE d.resolved_on < d.opened_on OR d.opened_on < i.invoice_date`);
    expect(early).toBe(0);
  });

  it('keeps a few recent drafts untouched', () => {
    const drafts = count("SELECT COUNT(*) FROM invoices WHERE status = 'draft'");
    const touched = count(`
      SELECT COUNT(*) FROM invoices i WHERE i.status = 'draft'
        AND (EXISTS (SELECT 1 FROM allocations a WHERE a.invoice_id = i.id)
          OR EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id))`);
    const old = count(
      "SELECT COUNT(*) FROM invoices WHERE status = 'draft' AND invoice_date < ?",
      '2026-03-15',
    );
    expect(drafts).toBeGreaterThan(0);
    expect(drafts).toBeLessThan(200);
    expect(touched).toBe(0);
    expect(old).toBe(0);
  });

  it('marks every row as entered by hand', () => {
    const imported = count(`
      SELECT (SELECT COUNT(*) FROM payments WHERE source_key IS NOT NULL
                OR import_batch_id IS NOT NULL)
           + (SELECT COUNT(*) FROM credit_notes WHERE source_key IS NOT NULL)
           + (SELECT COUNT(*) FROM invoices WHERE import_batch_id IS NOT NULL)`);
    expect(imported).toBe(0);
  });
});

describe('demo clients', () => {
  interface ClientRow {
    code: string;
    name: string;
    industry: string;
    size_band: string;
    email: string;
    account_manager: string;
    credit_limit_cents: number;
    payment_terms_days: number;
  }
  const clients = (): ClientRow[] =>
    db.prepare('SELECT * FROM clients ORDER BY id').all() as ClientRow[];

  it('codes clients in order', () => {
    const codes = clients().map((client) => client.code);
    expect(codes[0]).toBe('C0001');
    expect(codes[119]).toBe('C0120');
  });

  it('names clients uniquely, some with accents', () => {
    const names = clients().map((client) => client.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => /[^\x20-\x7e]/.test(name)).length).toBeGreaterThan(3);
    expect(names.every((name) => name.trim() === name && name.length > 3)).toBe(true);
  });

  it('fills the account fields', () => {
    const rows = clients();
    expect(rows.every((client) => /^[a-z.]+@[a-z0-9-]+\.[a-z.]+$/.test(client.email))).toBe(true);
    expect(rows.every((client) => client.credit_limit_cents > 0)).toBe(true);
    expect(rows.every((client) => client.industry.length > 0)).toBe(true);
    expect(new Set(rows.map((client) => client.size_band))).toEqual(
      new Set(['small', 'medium', 'large']),
    );
    const managers = new Set(rows.map((client) => client.account_manager));
    expect(managers.size).toBeGreaterThanOrEqual(3);
    expect(managers.size).toBeLessThanOrEqual(4);
  });

  it('gives most clients 30-day terms', () => {
    const terms = clients().map((client) => client.payment_terms_days);
    expect(new Set(terms).size).toBeGreaterThan(1);
    expect(terms.every((days) => [14, 30, 45, 60].includes(days))).toBe(true);
    expect(terms.filter((days) => days === 30).length).toBeGreaterThan(terms.length / 2);
  });
});

describe('demo invoicing', () => {
  it('invoices most in spring and autumn', () => {
    const perMonth = db
      .prepare(
        `SELECT CAST(substr(invoice_date, 6, 2) AS INTEGER) AS month, COUNT(*) AS invoices
         FROM invoices GROUP BY month`,
      )
      .all() as { month: number; invoices: number }[];
    const average = (months: number[]): number =>
      perMonth
        .filter((row) => months.includes(row.month))
        .reduce((sum, row) => sum + row.invoices, 0) / months.length;
    const busy = average([3, 4, 10, 11]);
    expect(busy).toBeGreaterThan(average([8]) * 1.5);
    expect(busy).toBeGreaterThan(average([12]) * 1.3);
  });

  it('varies amounts widely', () => {
    const amounts = db
      .prepare('SELECT amount_cents FROM invoices ORDER BY amount_cents')
      .pluck()
      .all() as number[];
    const median = amounts[Math.floor(amounts.length / 2)] as number;
    const top = amounts[Math.floor(amounts.length * 0.99)] as number;
    expect(top / median).toBeGreaterThan(10);
    expect(amounts.some((cents) => cents % 100 !== 0)).toBe(true);
  });
});

describe('demo payment profiles', () => {
  interface InvoiceLateness {
    profile: PaymentProfile;
    invoiceDate: IsoDate;
    daysLate: number;
  }

  /** Invoices settled by their allocations, with how many days after the due date that was. */
  function settledInvoices(): InvoiceLateness[] {
    const profiles = demoClientProfiles(options);
    const rows = db
      .prepare(
        `SELECT c.code, i.invoice_date, i.due_date, i.amount_cents,
                SUM(a.amount_cents) AS allocated, MAX(a.applied_on) AS last_applied
         FROM invoices i
         JOIN clients c ON c.id = i.client_id
         JOIN allocations a ON a.invoice_id = i.id
         GROUP BY i.id`,
      )
      .all() as {
      code: string;
      invoice_date: string;
      due_date: string;
      amount_cents: number;
      allocated: number;
      last_applied: string;
    }[];
    return rows
      .filter((row) => row.allocated === row.amount_cents)
      .map((row) => ({
        profile: profiles.get(row.code) as PaymentProfile,
        invoiceDate: row.invoice_date,
        daysLate: Math.max(0, toDayNumber(row.last_applied) - toDayNumber(row.due_date)),
      }));
  }

  function averageDaysLate(invoices: InvoiceLateness[]): number {
    expect(invoices.length).toBeGreaterThan(20);
    return invoices.reduce((sum, invoice) => sum + invoice.daysLate, 0) / invoices.length;
  }

  const ofProfile = (profile: PaymentProfile): InvoiceLateness[] =>
    settledInvoices().filter((invoice) => invoice.profile === profile);

  it('assigns every profile', () => {
    const profiles = new Set(demoClientProfiles(options).values());
    expect(profiles).toEqual(new Set(['prompt', 'slow', 'erratic', 'deteriorating']));
  });

  it('settles prompt clients before slow ones', () => {
    const prompt = averageDaysLate(ofProfile('prompt'));
    const slow = averageDaysLate(ofProfile('slow'));
    expect(prompt).toBeLessThan(2);
    expect(slow).toBeGreaterThan(10);
    expect(slow).toBeLessThan(45);
    expect(prompt).toBeLessThan(slow);
  });

  it('mixes erratic on-time and late payments', () => {
    const erratic = ofProfile('erratic');
    const onTime = erratic.filter((invoice) => invoice.daysLate === 0).length / erratic.length;
    const veryLate = erratic.filter((invoice) => invoice.daysLate > 30).length / erratic.length;
    expect(onTime).toBeGreaterThan(0.3);
    expect(veryLate).toBeGreaterThan(0.2);
  });

  it('shows deteriorating clients paying later', () => {
    const deteriorating = ofProfile('deteriorating');
    const firstYearEnd = addMonths(historyStart, 12);
    const lastMonthsStart = addMonths(endDate, -6);
    const early = averageDaysLate(deteriorating.filter((i) => i.invoiceDate < firstYearEnd));
    const late = averageDaysLate(deteriorating.filter((i) => i.invoiceDate > lastMonthsStart));
    expect(early).toBeLessThan(3);
    expect(late - early).toBeGreaterThan(20);
  });

  it('leaves deteriorating clients with overdue invoices', () => {
    const codes = [...demoClientProfiles(options)]
      .filter(([, profile]) => profile === 'deteriorating')
      .map(([code]) => code);
    const overdue = count(
      `SELECT COUNT(*) FROM invoices i JOIN clients c ON c.id = i.client_id
       WHERE c.code IN (SELECT value FROM json_each(?)) AND i.status = 'issued'
         AND i.due_date < date(?, '-30 days')
         AND i.amount_cents > COALESCE(
           (SELECT SUM(a.amount_cents) FROM allocations a WHERE a.invoice_id = i.id), 0)`,
      JSON.stringify(codes),
      endDate,
    );
    expect(overdue).toBeGreaterThan(20);
  });
});

describe('demo receivables', () => {
  it('pays some invoices in parts', () => {
    const partlyPaid = count(`
      SELECT COUNT(*) FROM (
        SELECT invoice_id FROM allocations WHERE payment_id IS NOT NULL
        GROUP BY invoice_id HAVING COUNT(*) >= 2)`);
    expect(partlyPaid).toBeGreaterThan(50);
  });

  it('pays two invoices with one payment', () => {
    const split = count(`
      SELECT COUNT(*) FROM (
        SELECT payment_id FROM allocations WHERE payment_id IS NOT NULL
        GROUP BY payment_id HAVING COUNT(*) = 2)`);
    expect(split).toBeGreaterThan(50);
  });

  it('leaves some payments unapplied', () => {
    const allocatedByPayment = `
      SELECT p.id, p.amount_cents,
             COALESCE((SELECT SUM(a.amount_cents) FROM allocations a
                       WHERE a.payment_id = p.id), 0) AS allocated
      FROM payments p`;
    const unallocated = count(`SELECT COUNT(*) FROM (${allocatedByPayment}) WHERE allocated = 0`);
    const partly = count(`
      SELECT COUNT(*) FROM (${allocatedByPayment})
      WHERE allocated > 0 AND allocated < amount_cents`);
    expect(unallocated).toBeGreaterThan(10);
    expect(partly).toBeGreaterThan(10);
  });

  it('leaves invoices open at the end', () => {
    const balances = `
      SELECT i.id, i.due_date, i.amount_cents,
             COALESCE((SELECT SUM(a.amount_cents) FROM allocations a
                       WHERE a.invoice_id = i.id), 0) AS allocated
      FROM invoices i WHERE i.status = 'issued'`;
    const open = count(`SELECT COUNT(*) FROM (${balances}) WHERE allocated < amount_cents`);
    const partlyPaid = count(`
      SELECT COUNT(*) FROM (${balances}) WHERE allocated > 0 AND allocated < amount_cents`);
    const notYetDue = count(
      `SELECT COUNT(*) FROM (${balances}) WHERE allocated = 0 AND due_date > ?`,
      endDate,
    );
    expect(open).toBeGreaterThan(500);
    expect(partlyPaid).toBeGreaterThan(20);
    expect(notYetDue).toBeGreaterThan(200);
  });

  it('credits a few percent of invoices', () => {
    const credited = count(
      'SELECT COUNT(DISTINCT invoice_id) FROM allocations WHERE credit_note_id IS NOT NULL',
    );
    const unallocated = count(`
      SELECT COUNT(*) FROM credit_notes c
      WHERE NOT EXISTS (SELECT 1 FROM allocations a WHERE a.credit_note_id = c.id)`);
    expect(credited / summary.invoices).toBeGreaterThan(0.01);
    expect(credited / summary.invoices).toBeLessThan(0.06);
    expect(unallocated).toBeGreaterThan(5);
  });

  it('disputes about 2% of invoices', () => {
    const disputed = count('SELECT COUNT(DISTINCT invoice_id) FROM disputes');
    const open = count('SELECT COUNT(*) FROM disputes WHERE resolved_on IS NULL');
    expect(disputed / summary.invoices).toBeGreaterThan(0.01);
    expect(disputed / summary.invoices).toBeLessThan(0.035);
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(summary.disputes);
  });
});

describe('demo at full size', () => {
  it('writes 1,000 clients and 100,000 invoices', () => {
    const large = newLedger('full-size.db');
    const written = createDemoLedger(large, { ...options, clients: 1_000, invoices: 100_000 });
    expect(written.invoices).toBe(100_000);
    const overAllocated = large
      .prepare(
        `SELECT COUNT(*) FROM (
           SELECT i.id FROM invoices i JOIN allocations a ON a.invoice_id = i.id
           GROUP BY i.id HAVING SUM(a.amount_cents) > i.amount_cents)`,
      )
      .pluck()
      .get();
    expect(overAllocated).toBe(0);
  });
});
