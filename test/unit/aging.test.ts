import { describe, expect, it } from 'vitest';

import {
  addToAging,
  addUnappliedToAging,
  ageReceivables,
  bucketKeyFor,
  bucketKeys,
  DEFAULT_AGING_OPTIONS,
  emptyAgingTotals,
  parseBucketBounds,
  type AgingTotals,
  type OpenInvoice,
  type UnappliedAmount,
} from '../../shared/aging.ts';
import { balanceAt, isOpenAt, type Reduction } from '../../shared/invoice-balance.ts';

const DEFAULT_BOUNDS = DEFAULT_AGING_OPTIONS.bounds;

function invoice(dueDate: string, balanceCents: number, extra: Partial<OpenInvoice> = {}) {
  return { currency: 'USD', balanceCents, dueDate, invoiceDate: '2025-11-01', ...extra };
}

function onlyCurrency(result: Map<string, AgingTotals>, currency = 'USD'): AgingTotals {
  const totals = result.get(currency);
  if (totals === undefined) throw new Error(`Missing aging totals for ${currency}`);
  return totals;
}

function sumOfBuckets(totals: AgingTotals): number {
  return Object.values(totals.buckets).reduce((sum, cents) => sum + cents, 0);
}

describe('parseBucketBounds', () => {
  it('parses comma-separated days', () => {
    expect(parseBucketBounds('30,60,90')).toEqual([30, 60, 90]);
    expect(parseBucketBounds(' 15 , 45 ')).toEqual([15, 45]);
    expect(parseBucketBounds('7')).toEqual([7]);
  });

  it('rejects non-ascending bounds', () => {
    expect(() => parseBucketBounds('30,90,60')).toThrow(/60 is not greater than .* 90/);
    expect(() => parseBucketBounds('30,30')).toThrow(/30 is not greater than .* 30/);
  });

  it('rejects zero', () => {
    expect(() => parseBucketBounds('0,30')).toThrow(/"0,30": 0 is not allowed/);
  });

  it('rejects negative values', () => {
    expect(() => parseBucketBounds('-5,30')).toThrow(/-5 is negative/);
  });

  it('rejects non-integer values', () => {
    expect(() => parseBucketBounds('30,45.5')).toThrow(/45.5 is not a whole number/);
    expect(() => parseBucketBounds('30,sixty')).toThrow(/"sixty" is not a whole number/);
  });

  it('rejects empty values', () => {
    expect(() => parseBucketBounds('')).toThrow(/a value is missing/);
    expect(() => parseBucketBounds('30,,60')).toThrow(/"30,,60": a value is missing/);
  });

  it('suggests the expected form', () => {
    expect(() => parseBucketBounds('abc')).toThrow(/for example 30,60,90/);
  });
});

describe('bucketKeys', () => {
  it('lists the default keys', () => {
    expect(bucketKeys(DEFAULT_BOUNDS)).toEqual(['current', '1-30', '31-60', '61-90', '90+']);
  });

  it('lists custom keys', () => {
    expect(bucketKeys([15, 45])).toEqual(['current', '1-15', '16-45', '45+']);
    expect(bucketKeys([1])).toEqual(['current', '1-1', '1+']);
  });

  it('rejects invalid arrays', () => {
    expect(() => bucketKeys([])).toThrow(/at least one bound/);
    expect(() => bucketKeys([60, 30])).toThrow(/30 is not greater/);
    expect(() => bucketKeys([Number.NaN])).toThrow(/NaN is not a whole number/);
  });
});

describe('bucketKeyFor', () => {
  it('includes both bounds of a bucket', () => {
    const cases: [number, string][] = [
      [-5, 'current'],
      [0, 'current'],
      [1, '1-30'],
      [30, '1-30'],
      [31, '31-60'],
      [60, '31-60'],
      [61, '61-90'],
      [90, '61-90'],
      [91, '90+'],
      [5000, '90+'],
    ];
    for (const [days, key] of cases) {
      expect(bucketKeyFor(days, DEFAULT_BOUNDS), `${days} days`).toBe(key);
    }
  });

  it('uses custom bounds', () => {
    expect(bucketKeyFor(15, [15, 45])).toBe('1-15');
    expect(bucketKeyFor(16, [15, 45])).toBe('16-45');
    expect(bucketKeyFor(45, [15, 45])).toBe('16-45');
    expect(bucketKeyFor(46, [15, 45])).toBe('45+');
  });

  it('rejects a non-integer age', () => {
    expect(() => bucketKeyFor(Number.NaN, DEFAULT_BOUNDS)).toThrow(/Invalid age NaN/);
    expect(() => bucketKeyFor(1.5, DEFAULT_BOUNDS)).toThrow(/Invalid age 1.5/);
  });
});

describe('ageReceivables', () => {
  it('places invoices by days past due', () => {
    // As of 2026-03-02: due 2026-01-31 is 30 days past due, 2026-01-01 is 60, 2025-12-02 is 90.
    const invoices = [
      invoice('2026-01-31', 10_000),
      invoice('2026-01-01', 20_000),
      invoice('2025-12-02', 40_000),
      invoice('2026-03-02', 80_000),
    ];
    const totals = onlyCurrency(ageReceivables(invoices, [], '2026-03-02'));
    expect(totals.buckets).toEqual({
      current: 80_000,
      '1-30': 10_000,
      '31-60': 20_000,
      '61-90': 40_000,
      '90+': 0,
    });
    expect(totals.total).toBe(150_000);
    expect(sumOfBuckets(totals)).toBe(totals.total);
    expect(totals.count).toBe(4);
  });

  it('keeps a not-yet-due invoice current', () => {
    // Due 2026-01-19, 20 days after the as-of date 2025-12-30.
    const totals = onlyCurrency(ageReceivables([invoice('2026-01-19', 12_345)], [], '2025-12-30'));
    expect(totals.buckets.current).toBe(12_345);
    expect(totals.total).toBe(12_345);
    expect(totals.count).toBe(1);
    expect(sumOfBuckets(totals)).toBe(12_345);
  });

  it('ages back-dated balances', () => {
    // As of 2025-12-31. Invoice A: 500.00 due 2025-12-15, paid in full on 2026-01-20, so
    // still open and 16 days past due. Invoice B: 250.00 due 2025-12-31, 100.00 paid on
    // 2025-12-20, so 150.00 current. Total 500.00 + 150.00 = 650.00.
    const asOf = '2025-12-31';
    const ledger: { invoice: OpenInvoice; amountCents: number; reductions: Reduction[] }[] = [
      {
        invoice: invoice('2025-12-15', 0, { invoiceDate: '2025-11-15' }),
        amountCents: 50_000,
        reductions: [{ date: '2026-01-20', cents: 50_000 }],
      },
      {
        invoice: invoice('2025-12-31', 0, { invoiceDate: '2025-12-01' }),
        amountCents: 25_000,
        reductions: [{ date: '2025-12-20', cents: 10_000 }],
      },
    ];
    const open: OpenInvoice[] = [];
    for (const row of ledger) {
      const withAmount = { ...row.invoice, amountCents: row.amountCents };
      if (!isOpenAt(withAmount, row.reductions, asOf)) continue;
      open.push({ ...row.invoice, balanceCents: balanceAt(row.amountCents, row.reductions, asOf) });
    }

    const totals = onlyCurrency(ageReceivables(open, [], asOf));
    expect(totals.buckets['1-30']).toBe(50_000);
    expect(totals.buckets.current).toBe(15_000);
    expect(totals.total).toBe(65_000);
    expect(totals.count).toBe(2);
  });

  it('ages a prepaid invoice from due date', () => {
    // 10,000.00 invoiced 2026-03-31, due 2026-04-30. Payments: 1,500.00 on 2026-03-15
    // (before the invoice), 1,000.00 on 2026-05-10 and 2,000.00 on 2026-05-25.
    // As of 2026-06-04: balance 1,000,000 - 150,000 - 100,000 - 200,000 = 550,000 cents,
    // 30 days of May + 4 = 35 days past due.
    const reductions = [
      { date: '2026-03-15', cents: 150_000 },
      { date: '2026-05-10', cents: 100_000 },
      { date: '2026-05-25', cents: 200_000 },
    ];
    const balanceCents = balanceAt(1_000_000, reductions, '2026-06-04');
    const open = invoice('2026-04-30', balanceCents, { invoiceDate: '2026-03-31' });
    const totals = onlyCurrency(ageReceivables([open], [], '2026-06-04'));
    expect(balanceCents).toBe(550_000);
    expect(totals.buckets['31-60']).toBe(550_000);
    expect(totals.buckets['90+']).toBe(0);
    expect(totals.buckets['61-90']).toBe(0);
  });

  it('subtracts unapplied payments and credits', () => {
    const invoices = [invoice('2026-01-31', 100_000), invoice('2026-03-10', 30_000)];
    const unapplied: UnappliedAmount[] = [
      { currency: 'USD', kind: 'payment', cents: 5_000 },
      { currency: 'USD', kind: 'credit', cents: 1_500 },
    ];
    const totals = onlyCurrency(ageReceivables(invoices, unapplied, '2026-03-02'));
    expect(totals.unappliedPayments).toBe(-5_000);
    expect(totals.unappliedCredits).toBe(-1_500);
    expect(totals.total).toBe(130_000 - 6_500);
    expect(sumOfBuckets(totals) + totals.unappliedPayments + totals.unappliedCredits).toBe(
      totals.total,
    );
    expect(totals.count).toBe(2);
  });

  it('keeps currencies apart', () => {
    const invoices = [
      invoice('2026-01-31', 100_000),
      invoice('2026-01-31', 70_000, { currency: 'EUR' }),
      invoice('2025-10-01', 9_000, { currency: 'EUR' }),
    ];
    const unapplied: UnappliedAmount[] = [
      { currency: 'USD', kind: 'payment', cents: 5_000 },
      { currency: 'GBP', kind: 'credit', cents: 2_000 },
    ];
    const result = ageReceivables(invoices, unapplied, '2026-03-02');
    expect([...result.keys()]).toEqual(['EUR', 'GBP', 'USD']);

    const usd = onlyCurrency(result, 'USD');
    expect(usd.total).toBe(95_000);
    expect(usd.count).toBe(1);

    const eur = onlyCurrency(result, 'EUR');
    expect(eur.buckets['1-30']).toBe(70_000);
    expect(eur.buckets['90+']).toBe(9_000);
    expect(eur.unappliedPayments).toBe(0);
    expect(eur.total).toBe(79_000);
    expect(eur.count).toBe(2);

    const gbp = onlyCurrency(result, 'GBP');
    expect(gbp.total).toBe(-2_000);
    expect(gbp.count).toBe(0);
    expect(gbp.buckets).toEqual({ current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 });
  });

  it('shows a negative balance as negative', () => {
    const invoices = [invoice('2026-01-31', 100_000), invoice('2026-02-15', -2_500)];
    const totals = onlyCurrency(ageReceivables(invoices, [], '2026-03-02'));
    expect(totals.buckets['1-30']).toBe(97_500);
    expect(totals.total).toBe(97_500);
    expect(totals.count).toBe(2);
  });

  it('skips invoices not open at as-of', () => {
    const invoices = [
      invoice('2026-01-31', 100_000),
      invoice('2026-01-31', 0),
      invoice('2026-04-30', 40_000, { invoiceDate: '2026-03-31', currency: 'EUR' }),
    ];
    const result = ageReceivables(invoices, [], '2026-03-02');
    expect([...result.keys()]).toEqual(['USD']);
    expect(onlyCurrency(result).count).toBe(1);
    expect(onlyCurrency(result).total).toBe(100_000);
  });

  it('ages by invoice date', () => {
    // As of 2026-03-02: invoiced 2026-03-02 is 0 days old, 2026-02-01 is 29, 2025-12-01 is 91.
    const options = { basis: 'invoice' as const, bounds: [30, 60, 90] };
    const invoices = [
      invoice('2026-04-01', 1_000, { invoiceDate: '2026-03-02' }),
      invoice('2026-03-03', 2_000, { invoiceDate: '2026-02-01' }),
      invoice('2026-03-01', 4_000, { invoiceDate: '2025-12-01' }),
    ];
    const totals = onlyCurrency(ageReceivables(invoices, [], '2026-03-02', options));
    expect(totals.buckets).toEqual({
      current: 1_000,
      '1-30': 2_000,
      '31-60': 0,
      '61-90': 0,
      '90+': 4_000,
    });
  });

  it('uses custom bounds', () => {
    // As of 2026-03-02: due 2026-02-15 is 15 days past due, 2026-02-14 is 16, 2026-01-15 is 46.
    const options = { basis: 'due' as const, bounds: [15, 45] };
    const invoices = [
      invoice('2026-02-15', 1_000),
      invoice('2026-02-14', 2_000),
      invoice('2026-01-15', 4_000),
    ];
    const totals = onlyCurrency(ageReceivables(invoices, [], '2026-03-02', options));
    expect(totals.buckets).toEqual({ current: 0, '1-15': 1_000, '16-45': 2_000, '45+': 4_000 });
    expect(totals.total).toBe(7_000);
  });

  it('returns an empty map without data', () => {
    expect(ageReceivables([], [], '2026-03-02').size).toBe(0);
  });

  it('rejects a negative unapplied amount', () => {
    const unapplied: UnappliedAmount[] = [{ currency: 'USD', kind: 'payment', cents: -100 }];
    expect(() => ageReceivables([], unapplied, '2026-03-02')).toThrow(/unapplied payment -100/);
  });

  it('rejects an invalid due date', () => {
    expect(() => ageReceivables([invoice('2026-02-30', 1)], [], '2026-03-02')).toThrow(
      /due date "2026-02-30"/,
    );
  });
});

describe('addToAging', () => {
  it('folds rows one at a time', () => {
    const totals = emptyAgingTotals(DEFAULT_BOUNDS);
    const rows = [invoice('2026-01-31', 10_000), invoice('2025-11-01', 5_000)];
    for (const row of rows) {
      expect(addToAging(totals, row, '2026-03-02', DEFAULT_AGING_OPTIONS)).toBe(true);
    }
    addUnappliedToAging(totals, { currency: 'USD', kind: 'credit', cents: 700 });

    expect(totals).toEqual(
      onlyCurrency(
        ageReceivables(rows, [{ currency: 'USD', kind: 'credit', cents: 700 }], '2026-03-02'),
      ),
    );
    expect(totals.total).toBe(14_300);
  });

  it('returns false for a closed invoice', () => {
    const totals = emptyAgingTotals(DEFAULT_BOUNDS);
    expect(addToAging(totals, invoice('2026-01-31', 0), '2026-03-02')).toBe(false);
    expect(totals.count).toBe(0);
  });

  it('rejects an unknown basis', () => {
    const options = { basis: 'paid' as 'due', bounds: [30] };
    const totals = emptyAgingTotals([30]);
    expect(() => addToAging(totals, invoice('2026-01-31', 100), '2026-03-02', options)).toThrow(
      /aging basis "paid"/,
    );
  });

  it('rejects totals made with other bounds', () => {
    const totals = emptyAgingTotals([15, 45]);
    expect(() => addToAging(totals, invoice('2026-01-31', 100), '2026-03-02')).toThrow(
      /no bucket "1-30"/,
    );
  });
});
