import { describe, expect, it } from 'vitest';

import {
  averageDaysDelinquent,
  averageDaysLate,
  bestPossibleDso,
  cei,
  countbackDso,
  countbackMonths,
  dso,
  roundMetric,
} from '../../shared/collection-metrics.ts';

// Q1 2026, 2026-01-01 to 2026-03-31, 31 + 28 + 31 = 90 days:
//   receivables at the end of 2025-12-31   100,000
//   credit sales in the quarter             300,000
//   receivables at the end of 2026-03-31   120,000, of which current 80,000
// DSO   = 120,000 / 300,000 × 90 = 36
// BPDSO =  80,000 / 300,000 × 90 = 24
// ADD   = 36 − 24 = 12
// CEI   = (100,000 + 300,000 − 120,000) / (100,000 + 300,000 − 80,000) × 100
//       = 280,000 / 320,000 × 100 = 87.5
const quarter = {
  beginning: 100_000,
  creditSales: 300_000,
  ending: 120_000,
  endingCurrent: 80_000,
  days: 90,
};

describe('dso', () => {
  it('computes the quarter example', () => {
    expect(dso(quarter.ending, quarter.creditSales, quarter.days)).toBe(36);
  });

  it('is null without credit sales', () => {
    expect(dso(quarter.ending, 0, quarter.days)).toBeNull();
  });

  it('keeps fractions', () => {
    // 100 / 300 × 31 = 10.333…
    expect(dso(100, 300, 31)).toBeCloseTo(31 / 3, 12);
  });

  it('rejects a day count below 1', () => {
    expect(() => dso(1, 1, 0)).toThrow(/day count 0/);
    expect(() => dso(1, 1, 2.5)).toThrow(/day count 2.5/);
  });

  it('rejects fractional cents', () => {
    expect(() => dso(1.5, 1, 30)).toThrow(/receivables 1.5/);
  });
});

describe('bestPossibleDso', () => {
  it('computes the quarter example', () => {
    expect(bestPossibleDso(quarter.endingCurrent, quarter.creditSales, quarter.days)).toBe(24);
  });

  it('is null without credit sales', () => {
    expect(bestPossibleDso(quarter.endingCurrent, 0, quarter.days)).toBeNull();
  });
});

describe('averageDaysDelinquent', () => {
  it('computes the quarter example', () => {
    expect(averageDaysDelinquent(36, 24)).toBe(12);
  });

  it('is null when either input is null', () => {
    expect(averageDaysDelinquent(null, 24)).toBeNull();
    expect(averageDaysDelinquent(36, null)).toBeNull();
  });
});

describe('cei', () => {
  it('computes the quarter example', () => {
    const { beginning, creditSales, ending, endingCurrent } = quarter;
    expect(cei(beginning, creditSales, ending, endingCurrent)).toBe(87.5);
  });

  it('is 100 with nothing past due', () => {
    // (0 + 50,000 − 20,000) / (0 + 50,000 − 20,000) × 100 = 100
    expect(cei(0, 50_000, 20_000, 20_000)).toBe(100);
  });

  it('is null when the denominator is zero', () => {
    // 40,000 + 0 − 40,000 = 0
    expect(cei(40_000, 0, 40_000, 40_000)).toBeNull();
  });
});

describe('countbackDso', () => {
  it('computes the March example', () => {
    // Receivables 150,000 at the end of 2026-03-31. March sales 100,000 are consumed (31 days),
    // leaving 50,000 of February's 80,000: 31 + 50,000 / 80,000 × 28 = 31 + 17.5 = 48.5.
    const months = [
      { days: 31, salesCents: 100_000 },
      { days: 28, salesCents: 80_000 },
    ];
    expect(countbackDso(150_000, months)).toBe(48.5);
  });

  it('counts part of the first month', () => {
    // Receivables 30,000 at the end of 2026-03-15 with 60,000 of sales since 2026-03-01:
    // 30,000 / 60,000 × 15 = 7.5.
    expect(countbackDso(30_000, [{ days: 15, salesCents: 60_000 }])).toBe(7.5);
  });

  it('stops when the months run out', () => {
    // 100,000 + 80,000 = 180,000 < 500,000: all 31 + 28 days count, then nothing more.
    const months = [
      { days: 31, salesCents: 100_000 },
      { days: 28, salesCents: 80_000 },
    ];
    expect(countbackDso(500_000, months)).toBe(59);
  });

  it('counts an empty month before older sales', () => {
    // March has no sales, February is consumed, January covers 20,000 of 62,000:
    // 31 + 28 + 20,000 / 62,000 × 31 = 59 + 10 = 69.
    const months = [
      { days: 31, salesCents: 0 },
      { days: 28, salesCents: 80_000 },
      { days: 31, salesCents: 62_000 },
    ];
    expect(countbackDso(100_000, months)).toBe(69);
  });

  it('ignores empty months after the last sales', () => {
    // March is consumed (31 days). February and January have no sales, so they add nothing.
    const months = [
      { days: 31, salesCents: 100_000 },
      { days: 28, salesCents: 0 },
      { days: 31, salesCents: 0 },
    ];
    expect(countbackDso(150_000, months)).toBe(31);
  });

  it('ends exactly at a month boundary', () => {
    // 100,000 consumes March exactly, and the empty February is not reached.
    const months = [
      { days: 31, salesCents: 100_000 },
      { days: 28, salesCents: 0 },
      { days: 31, salesCents: 50_000 },
    ];
    expect(countbackDso(100_000, months)).toBe(31);
  });

  it('is 0 without positive receivables', () => {
    const months = [{ days: 31, salesCents: 100_000 }];
    expect(countbackDso(0, months)).toBe(0);
    expect(countbackDso(-5_000, months)).toBe(0);
  });

  it('rejects a month without days', () => {
    expect(() => countbackDso(100, [{ days: 0, salesCents: 100 }])).toThrow(/day count 0/);
  });
});

describe('countbackMonths', () => {
  it('lists whole months before a month end', () => {
    expect(countbackMonths('2026-03-31', 3)).toEqual([
      { from: '2026-03-01', to: '2026-03-31', days: 31 },
      { from: '2026-02-01', to: '2026-02-28', days: 28 },
      { from: '2026-01-01', to: '2026-01-31', days: 31 },
    ]);
  });

  it('cuts the first month at to', () => {
    expect(countbackMonths('2024-03-15', 2)).toEqual([
      { from: '2024-03-01', to: '2024-03-15', days: 15 },
      { from: '2024-02-01', to: '2024-02-29', days: 29 },
    ]);
  });

  it('crosses a year boundary', () => {
    expect(countbackMonths('2026-01-01', 2)).toEqual([
      { from: '2026-01-01', to: '2026-01-01', days: 1 },
      { from: '2025-12-01', to: '2025-12-31', days: 31 },
    ]);
  });

  it('returns nothing for zero months', () => {
    expect(countbackMonths('2026-03-31', 0)).toEqual([]);
  });

  it('rejects invalid input', () => {
    expect(() => countbackMonths('2026-03-31', -1)).toThrow(/month count -1/);
    expect(() => countbackMonths('2026-03-32', 1)).toThrow(/"2026-03-32"/);
  });

  it('feeds countbackDso', () => {
    const salesByMonth = new Map([
      ['2026-03-01', 100_000],
      ['2026-02-01', 80_000],
    ]);
    const months = countbackMonths('2026-03-31', 2).map((month) => ({
      days: month.days,
      salesCents: salesByMonth.get(month.from) ?? 0,
    }));
    expect(countbackDso(150_000, months)).toBe(48.5);
  });
});

describe('averageDaysLate', () => {
  it('computes plain and weighted means', () => {
    // Plain: (10 + 0 + 40) / 3 = 16.666…
    // Weighted: (10 × 100,000 + 0 × 300,000 + 40 × 100,000) / 500,000 = 5,000,000 / 500,000 = 10
    const result = averageDaysLate([
      { daysLate: 10, amountCents: 100_000 },
      { daysLate: 0, amountCents: 300_000 },
      { daysLate: 40, amountCents: 100_000 },
    ]);
    expect(result.plain).toBeCloseTo(50 / 3, 12);
    expect(result.weighted).toBe(10);
    expect(result.count).toBe(3);
  });

  it('is null when nothing settled', () => {
    expect(averageDaysLate([])).toEqual({ plain: null, weighted: null, count: 0 });
  });

  it('reads any iterable once', () => {
    function* settled() {
      yield { daysLate: 3, amountCents: 1_000 };
      yield { daysLate: 7, amountCents: 3_000 };
    }
    // Plain (3 + 7) / 2 = 5, weighted (3 × 1,000 + 7 × 3,000) / 4,000 = 24,000 / 4,000 = 6.
    expect(averageDaysLate(settled())).toEqual({ plain: 5, weighted: 6, count: 2 });
  });

  it('rejects negative days late', () => {
    expect(() => averageDaysLate([{ daysLate: -1, amountCents: 100 }])).toThrow(/days late -1/);
  });

  it('rejects a negative amount', () => {
    expect(() => averageDaysLate([{ daysLate: 1, amountCents: -100 }])).toThrow(/amount -100/);
  });
});

describe('roundMetric', () => {
  it('rounds to two places by default', () => {
    expect(roundMetric(50 / 3)).toBe(16.67);
    expect(roundMetric(36)).toBe(36);
  });

  it('rounds ties away from zero', () => {
    expect(roundMetric(1.005)).toBe(1.01);
    expect(roundMetric(-1.005)).toBe(-1.01);
    expect(roundMetric(2.5, 0)).toBe(3);
    expect(roundMetric(-2.5, 0)).toBe(-3);
  });

  it('passes null through', () => {
    expect(roundMetric(null)).toBeNull();
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundMetric(-0.001), 0)).toBe(true);
  });

  it('handles very small and large values', () => {
    expect(roundMetric(1e-7, 2)).toBe(0);
    expect(roundMetric(1.5e21, 2)).toBe(1.5e21);
  });

  it('rejects non-finite values', () => {
    expect(() => roundMetric(Number.POSITIVE_INFINITY)).toThrow(/Invalid metric Infinity/);
  });
});
