import type { Ledger } from '../../electron/ledger/database.ts';
import { DEFAULT_TERMS_TEMPLATES, type PaymentTerms } from '../../shared/terms/payment-terms.ts';

/** The period of the hand-built ledger's figures, with month ends 01-31, 02-28 and 03-31. */
export const managementPeriod = { from: '2026-01-01', to: '2026-03-31' } as const;

function template(id: string): string {
  const terms = DEFAULT_TERMS_TEMPLATES.find((candidate) => candidate.id === id) as PaymentTerms;
  return JSON.stringify(terms);
}

/** Snapshots of the default templates: 2/10 net 30 and net 30 give 5 grace days, net 15 none. */
const twoTenNet30 = template('2-10-net-30');
const net30 = template('net-30');
const net15 = template('net-15');

/**
 * Writes three clients with SQL, as the posting code will once it exists:
 *
 * - Alder (ALD, USD, limit 10,000.00): A1 paid on time before the period; A2 (2/10 net 30)
 *   paid within 10 days with a 40.00 discount credit; A3 (2/10 net 30) paid 3 days late,
 *   within its grace days, without the discount; A4 open. A voided late fee on A3 must be
 *   ignored. Risk score 3 (low).
 * - Birch (BIR, USD, limit 5,000.00): pays about two months late. B0 (net 30) had interest
 *   charged before the period (F3) and in it (F4); B3 (net 30) got its first interest F1 on
 *   02-05 and was paid 15 days later; B4 (net 15) got a 2% fee F2 on 01-26 and was paid 48
 *   days later; B5 open. Risk score 80 (high).
 * - Cedar (CED, EUR, limit 1,000.00 EUR): C1 (2/10 net 30) paid on day 26 without the
 *   discount; C2 open. One invoice settled, so not scored.
 */
export function writeManagementLedger(db: Ledger): void {
  const now = '2026-04-01T00:00:00.000Z';
  const client = db.prepare(
    `INSERT INTO clients (code, name, credit_limit_cents, credit_limit_currency, created_at)
     VALUES (?, ?, ?, ?, '${now}')`,
  );
  const invoice = db.prepare(
    `INSERT INTO invoices (client_id, number, invoice_date, due_date, amount_cents, currency,
                           kind, fee_for_invoice_id, fee_period, terms_snapshot, created_at,
                           voided_at)
     VALUES (@client, @number, @date, @due, @cents, @currency, @kind, @feeFor, @period,
             @terms, '${now}', @voided)`,
  );
  const payment = db.prepare(
    `INSERT INTO payments (client_id, payment_date, amount_cents, currency, created_at)
     VALUES (?, ?, ?, ?, '${now}')`,
  );
  const credit = db.prepare(
    `INSERT INTO credit_notes (client_id, number, credit_date, amount_cents, currency, reason,
                               kind, created_at)
     VALUES (?, ?, ?, ?, ?, 'Early-payment discount', 'early-payment-discount', '${now}')`,
  );
  const allocation = db.prepare(
    `INSERT INTO allocations (invoice_id, payment_id, credit_note_id, amount_cents, applied_on,
                              created_at)
     VALUES (?, ?, ?, ?, ?, '${now}')`,
  );

  const ids = new Map<string, number>();
  const id = (key: string) => ids.get(key) as number;
  const addClient = (code: string, name: string, limit: number, currency: string) => {
    ids.set(code, Number(client.run(code, name, limit, currency).lastInsertRowid));
  };
  const sale = (
    code: string,
    number: string,
    date: string,
    due: string,
    cents: number,
    currency: string,
    terms: string | null,
  ) => {
    const row = { client: id(code), number, date, due, cents, currency, terms };
    const values = { ...row, kind: 'sale', feeFor: null, period: null, voided: null };
    ids.set(number, Number(invoice.run(values).lastInsertRowid));
  };
  const fee = (number: string, forNumber: string, period: number, date: string, cents: number) => {
    const values = {
      client: id('BIR'),
      number,
      date,
      due: date,
      cents,
      currency: 'USD',
      kind: 'late-fee',
      feeFor: id(forNumber),
      period,
      terms: null,
      voided: null,
    };
    ids.set(number, Number(invoice.run(values).lastInsertRowid));
  };
  /** Records one payment on `date`, allocated in full to the invoices given with amounts. */
  const pay = (code: string, date: string, currency: string, parts: [string, number][]) => {
    const total = parts.reduce((sum, [, cents]) => sum + cents, 0);
    const paymentId = Number(payment.run(id(code), date, total, currency).lastInsertRowid);
    for (const [number, cents] of parts) allocation.run(id(number), paymentId, null, cents, date);
  };

  addClient('ALD', 'Alder', 10_000_00, 'USD');
  addClient('BIR', 'Birch', 5_000_00, 'USD');
  addClient('CED', 'Cedar', 1_000_00, 'EUR');

  sale('ALD', 'A1', '2025-11-01', '2025-12-01', 1_000_00, 'USD', null);
  sale('ALD', 'A2', '2026-01-05', '2026-02-04', 2_000_00, 'USD', twoTenNet30);
  sale('ALD', 'A3', '2026-02-01', '2026-03-03', 1_000_00, 'USD', twoTenNet30);
  sale('ALD', 'A4', '2026-03-10', '2026-04-09', 3_000_00, 'USD', net30);
  pay('ALD', '2025-11-25', 'USD', [['A1', 1_000_00]]);
  pay('ALD', '2026-01-12', 'USD', [['A2', 1_960_00]]);
  const discount = Number(
    credit.run(id('ALD'), 'D-A2', '2026-01-12', 40_00, 'USD').lastInsertRowid,
  );
  allocation.run(id('A2'), null, discount, 40_00, '2026-01-12');
  pay('ALD', '2026-03-06', 'USD', [['A3', 1_000_00]]);
  invoice.run({
    client: id('ALD'),
    number: 'F-A3-void',
    date: '2026-03-05',
    due: '2026-03-05',
    cents: 20_00,
    currency: 'USD',
    kind: 'late-fee',
    feeFor: id('A3'),
    period: 0,
    terms: null,
    voided: now,
  });

  sale('BIR', 'B0', '2025-10-15', '2025-11-14', 1_000_00, 'USD', net30);
  sale('BIR', 'B1', '2025-10-01', '2025-10-31', 1_000_00, 'USD', null);
  sale('BIR', 'B2', '2025-11-01', '2025-12-01', 1_000_00, 'USD', null);
  sale('BIR', 'B3', '2025-12-01', '2025-12-31', 2_000_00, 'USD', net30);
  sale('BIR', 'B4', '2026-01-10', '2026-01-25', 1_500_00, 'USD', net15);
  sale('BIR', 'B5', '2026-03-01', '2026-03-31', 2_000_00, 'USD', net30);
  // 1.5% a month of 1,000.00 from a month after the grace days end (2025-11-19).
  fee('F3', 'B0', 1, '2025-12-19', 15_00);
  fee('F4', 'B0', 2, '2026-01-19', 15_00);
  // 2% of 1,500.00 the day after the due date; 1.5% of 2,000.00 a month after 2026-01-05.
  fee('F2', 'B4', 0, '2026-01-26', 30_00);
  fee('F1', 'B3', 1, '2026-02-05', 30_00);
  pay('BIR', '2025-12-30', 'USD', [['B1', 1_000_00]]);
  pay('BIR', '2026-01-25', 'USD', [
    ['B0', 1_000_00],
    ['F3', 15_00],
    ['F4', 15_00],
  ]);
  pay('BIR', '2026-01-30', 'USD', [['B2', 1_000_00]]);
  pay('BIR', '2026-02-20', 'USD', [
    ['B3', 2_000_00],
    ['F1', 30_00],
  ]);
  pay('BIR', '2026-03-15', 'USD', [['B4', 1_500_00]]);

  sale('CED', 'C1', '2026-01-15', '2026-02-14', 800_00, 'EUR', twoTenNet30);
  sale('CED', 'C2', '2026-02-20', '2026-03-22', 500_00, 'EUR', null);
  pay('CED', '2026-02-10', 'EUR', [['C1', 800_00]]);
}
