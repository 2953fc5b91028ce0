import { describe, expect, it } from 'vitest';

import {
  balanceAt,
  daysLate,
  daysPastDue,
  isOpenAt,
  settledDate,
  type Reduction,
} from '../../shared/invoice-balance.ts';

describe('balanceAt', () => {
  const reductions: Reduction[] = [
    { date: '2026-01-10', cents: 30_000 },
    { date: '2026-01-20', cents: 50_000 },
  ];

  it('subtracts reductions up to as-of', () => {
    expect(balanceAt(100_000, reductions, '2026-01-09')).toBe(100_000);
    expect(balanceAt(100_000, reductions, '2026-01-10')).toBe(70_000);
    expect(balanceAt(100_000, reductions, '2026-01-19')).toBe(70_000);
    expect(balanceAt(100_000, reductions, '2026-01-20')).toBe(20_000);
  });

  it('goes negative when over-allocated', () => {
    const over = [...reductions, { date: '2026-01-25', cents: 30_000 }];
    expect(balanceAt(100_000, over, '2026-01-31')).toBe(-10_000);
  });

  it('adds back a reversal', () => {
    const reversed = [...reductions, { date: '2026-01-22', cents: -50_000 }];
    expect(balanceAt(100_000, reversed, '2026-01-21')).toBe(20_000);
    expect(balanceAt(100_000, reversed, '2026-01-22')).toBe(70_000);
  });

  it('rejects fractional cents', () => {
    expect(() => balanceAt(100.5, [], '2026-01-01')).toThrow(/100.5/);
    expect(() => balanceAt(100, [{ date: '2026-01-01', cents: 0.5 }], '2026-01-01')).toThrow(
      /reduction amount 0.5/,
    );
  });

  it('rejects invalid dates', () => {
    expect(() => balanceAt(100, [], '2026-02-30')).toThrow(/as-of date "2026-02-30"/);
    expect(() => balanceAt(100, [{ date: '2026-1-5', cents: 1 }], '2026-01-31')).toThrow(
      /reduction date "2026-1-5"/,
    );
  });
});

describe('isOpenAt', () => {
  const invoice = { invoiceDate: '2026-03-31', amountCents: 1_000_000 };

  it('is closed before the invoice date', () => {
    expect(isOpenAt(invoice, [], '2026-03-30')).toBe(false);
    expect(isOpenAt(invoice, [], '2026-03-31')).toBe(true);
  });

  it('counts a prepayment once the invoice exists', () => {
    const prepaid = [{ date: '2026-03-15', cents: 1_000_000 }];
    expect(isOpenAt(invoice, prepaid, '2026-03-20')).toBe(false);
    expect(isOpenAt(invoice, prepaid, '2026-03-31')).toBe(false);
    expect(balanceAt(invoice.amountCents, prepaid, '2026-03-31')).toBe(0);
  });

  it('is closed at zero balance', () => {
    const paid = [{ date: '2026-04-10', cents: 1_000_000 }];
    expect(isOpenAt(invoice, paid, '2026-04-09')).toBe(true);
    expect(isOpenAt(invoice, paid, '2026-04-10')).toBe(false);
  });

  it('is open with a negative balance', () => {
    const overpaid = [{ date: '2026-04-10', cents: 1_000_100 }];
    expect(isOpenAt(invoice, overpaid, '2026-04-10')).toBe(true);
  });

  it('ignores a payment dated after as-of', () => {
    // Paid in full on 2026-01-20, but still open and unpaid at the end of 2025-12-31.
    const backDated = { invoiceDate: '2025-11-15', amountCents: 50_000 };
    const payment = [{ date: '2026-01-20', cents: 50_000 }];
    expect(isOpenAt(backDated, payment, '2025-12-31')).toBe(true);
    expect(balanceAt(backDated.amountCents, payment, '2025-12-31')).toBe(50_000);
  });
});

describe('settledDate', () => {
  it('returns the clearing payment date', () => {
    // Listed out of order on purpose: 30,000 + 50,000 + 20,000 = 100,000 on 2026-02-05.
    const reductions = [
      { date: '2026-02-05', cents: 20_000 },
      { date: '2026-01-10', cents: 30_000 },
      { date: '2026-01-20', cents: 50_000 },
    ];
    expect(settledDate(100_000, reductions)).toBe('2026-02-05');
  });

  it('is null while partly paid', () => {
    expect(settledDate(100_000, [{ date: '2026-01-10', cents: 99_999 }])).toBeNull();
    expect(settledDate(100_000, [])).toBeNull();
  });

  it('is null after a reversal reopens it', () => {
    const reductions = [
      { date: '2026-01-10', cents: 100_000 },
      { date: '2026-01-15', cents: -100_000 },
    ];
    expect(settledDate(100_000, reductions)).toBeNull();
  });

  it('moves to the payment after a reversal', () => {
    const reductions = [
      { date: '2026-01-10', cents: 100_000 },
      { date: '2026-01-15', cents: -100_000 },
      { date: '2026-02-01', cents: 100_000 },
    ];
    expect(settledDate(100_000, reductions)).toBe('2026-02-01');
  });

  it('nets reductions on the same day', () => {
    const reductions = [
      { date: '2026-01-10', cents: 60_000 },
      { date: '2026-01-12', cents: 40_000 },
      { date: '2026-01-12', cents: -40_000 },
      { date: '2026-01-20', cents: 40_000 },
    ];
    expect(settledDate(100_000, reductions)).toBe('2026-01-20');
  });

  it('ignores a same-day reversal and repayment', () => {
    // The end-of-day balance is zero from 2026-01-10 on, although it is 100,000 for a moment
    // on 2026-01-15 between the reversal and the new payment.
    const reductions = [
      { date: '2026-01-10', cents: 100_000 },
      { date: '2026-01-15', cents: -100_000 },
      { date: '2026-01-15', cents: 100_000 },
    ];
    expect(settledDate(100_000, reductions)).toBe('2026-01-10');
  });

  it('is null while over-allocated', () => {
    const reductions = [{ date: '2026-01-10', cents: 120_000 }];
    expect(settledDate(100_000, reductions)).toBeNull();
    const refunded = [...reductions, { date: '2026-01-25', cents: -20_000 }];
    expect(settledDate(100_000, refunded)).toBe('2026-01-25');
  });

  it('uses the invoice date after a prepayment', () => {
    const prepaid = [{ date: '2026-03-15', cents: 1_000_000 }];
    expect(settledDate(1_000_000, prepaid)).toBe('2026-03-15');
    expect(settledDate(1_000_000, prepaid, '2026-03-31')).toBe('2026-03-31');
  });

  it('keeps a later payment date', () => {
    const partlyPrepaid = [
      { date: '2026-03-15', cents: 150_000 },
      { date: '2026-05-05', cents: 850_000 },
    ];
    expect(settledDate(1_000_000, partlyPrepaid, '2026-03-31')).toBe('2026-05-05');
  });

  it('is null for a zero amount', () => {
    expect(settledDate(0, [])).toBeNull();
  });
});

describe('daysPastDue', () => {
  it('counts calendar days from the due date', () => {
    expect(daysPastDue('2026-01-31', '2026-03-02')).toBe(30);
    expect(daysPastDue('2026-04-30', '2026-06-04')).toBe(35);
    expect(daysPastDue('2025-12-15', '2025-12-31')).toBe(16);
  });

  it('is zero on the due date', () => {
    expect(daysPastDue('2026-03-02', '2026-03-02')).toBe(0);
  });

  it('is negative before the due date', () => {
    expect(daysPastDue('2026-01-19', '2025-12-30')).toBe(-20);
  });
});

describe('daysLate', () => {
  it('counts days after the due date', () => {
    // Due 2026-01-31, settled 2026-03-02: 28 days of February + 2 = 30.
    expect(daysLate('2026-01-31', '2026-03-02')).toBe(30);
    // 2024 is a leap year: 29 days of February + 2 = 31.
    expect(daysLate('2024-01-31', '2024-03-02')).toBe(31);
  });

  it('is zero when settled on time', () => {
    expect(daysLate('2026-01-31', '2026-01-31')).toBe(0);
    expect(daysLate('2026-01-31', '2026-01-05')).toBe(0);
  });

  it('rejects an invalid settled date', () => {
    expect(() => daysLate('2026-01-31', '31/01/2026')).toThrow(/settled date "31\/01\/2026"/);
  });
});
