import { describe, expect, it } from 'vitest';
import {
  averagePaymentTime,
  creditLimitUtilisation,
  creditUtilisationRatio,
  earlyPaymentDiscountUsage,
  lateFeeTotals,
  latePaymentFrequency,
  latePaymentPenaltyEffectiveness,
  managementMetrics,
  meanRiskScore,
  paymentTermCompliance,
  roundManagementMetrics,
  type SettledSaleFact,
} from '../../shared/metrics/management-metrics.ts';
import { findMetric } from '../../shared/metrics/metric-registry.ts';

/** Builds a 30-day invoice of 2026-01-01, due 2026-01-31, settled on `settledDate`. */
function settled(settledDate: string, overrides: Partial<SettledSaleFact> = {}): SettledSaleFact {
  return {
    invoiceDate: '2026-01-01',
    dueDate: '2026-01-31',
    settledDate,
    amountCents: 100_00,
    graceDays: 0,
    discountOffered: false,
    discountTakenCents: 0,
    ...overrides,
  };
}

describe('meanRiskScore', () => {
  it('averages the scores plainly', () => {
    // (20 + 45 + 70) ÷ 3 = 45.
    expect(meanRiskScore([20, 45, 70])).toBe(45);
    // (40 + 41) ÷ 2 = 40.5: a mean keeps its fraction.
    expect(meanRiskScore([40, 41])).toBe(40.5);
  });

  it('is null without a scored client', () => {
    expect(meanRiskScore([])).toBeNull();
  });

  it('refuses a score outside 0 to 100', () => {
    expect(() => meanRiskScore([101])).toThrow(RangeError);
  });
});

describe('credit limit utilisation', () => {
  // Limits 1,000.00 and 3,000.00; balances at the three month ends 500, 800, 1,200 and
  // 0, 600, 1,800 (in major units).
  const credit = [
    { creditLimitCents: 1_000_00, monthEndBalancesCents: [500_00, 800_00, 1_200_00] },
    { creditLimitCents: 3_000_00, monthEndBalancesCents: [0, 600_00, 1_800_00] },
  ];

  it('divides balances by limits', () => {
    // (1,200 + 1,800) ÷ (1,000 + 3,000) × 100 = 75.
    expect(creditLimitUtilisation(credit)).toBe(75);
    // One client alone: 1,200 ÷ 1,000 × 100 = 120, over the limit.
    expect(creditLimitUtilisation(credit.slice(0, 1))).toBe(120);
  });

  it('averages the month ends for the ratio', () => {
    // (500 + 800 + 1,200 + 0 + 600 + 1,800) ÷ (4,000 × 3) × 100 = 4,900 ÷ 12,000 × 100
    // = 40.8333…
    expect(creditUtilisationRatio(credit)).toBeCloseTo(40.833_333_333, 8);
  });

  it('is null without a client with a limit', () => {
    expect(creditLimitUtilisation([])).toBeNull();
    expect(creditUtilisationRatio([])).toBeNull();
  });

  it('refuses a zero limit and uneven month counts', () => {
    expect(() =>
      creditLimitUtilisation([{ creditLimitCents: 0, monthEndBalancesCents: [1] }]),
    ).toThrow(/positive/);
    expect(() =>
      creditUtilisationRatio([
        { creditLimitCents: 1, monthEndBalancesCents: [1, 2] },
        { creditLimitCents: 1, monthEndBalancesCents: [1] },
      ]),
    ).toThrow(/same number/);
  });
});

describe('payment term compliance and late payment frequency', () => {
  // Due 2026-01-31. With 5 grace days the terms are kept up to 2026-02-05.
  const invoices = [
    settled('2026-01-20', { graceDays: 5 }), // early: kept, not late
    settled('2026-01-31', { graceDays: 0 }), // on the due date: kept, not late
    settled('2026-02-05', { graceDays: 5 }), // last grace day: kept, late
    settled('2026-02-06', { graceDays: 5 }), // a day after grace: not kept, late
  ];

  it('counts grace days for compliance only', () => {
    // Kept 3 of 4 = 75; late 2 of 4 = 50.
    expect(paymentTermCompliance(invoices)).toBe(75);
    expect(latePaymentFrequency(invoices)).toBe(50);
  });

  it('counts invoices, not amounts', () => {
    const weighted = [settled('2026-01-31', { amountCents: 1 }), settled('2026-03-01')];
    // 1 of 2 late, although the late one is nearly all the money.
    expect(latePaymentFrequency(weighted)).toBe(50);
  });

  it('is null when nothing was settled', () => {
    expect(paymentTermCompliance([])).toBeNull();
    expect(latePaymentFrequency([])).toBeNull();
  });
});

describe('earlyPaymentDiscountUsage', () => {
  it('counts only the invoices offered a discount', () => {
    const invoices = [
      settled('2026-01-10', { discountOffered: true, discountTakenCents: 2_00 }),
      settled('2026-01-30', { discountOffered: true }),
      settled('2026-01-10', { discountOffered: true, discountTakenCents: 3_50 }),
      // Not offered: left out of both sides even with a discount credit on it.
      settled('2026-01-10', { discountTakenCents: 9_99 }),
    ];
    // Taken 2 of 3 offered = 66.666…; 2.00 + 3.50 = 5.50.
    const { usage, takenCents } = earlyPaymentDiscountUsage(invoices);
    expect(usage).toBeCloseTo(66.666_666_667, 8);
    expect(takenCents).toBe(5_50);
  });

  it('gives 0 when none taken', () => {
    expect(earlyPaymentDiscountUsage([settled('2026-01-30', { discountOffered: true })])).toEqual({
      usage: 0,
      takenCents: 0,
    });
  });

  it('is null without an offer', () => {
    expect(earlyPaymentDiscountUsage([settled('2026-01-30')])).toEqual({
      usage: null,
      takenCents: null,
    });
  });
});

describe('latePaymentPenaltyEffectiveness', () => {
  const fee = (chargedOn: string, reductions: { date: string; cents: number }[]) => ({
    chargedOn,
    amountCents: 100_00,
    reductions,
  });

  it('counts invoices paid within 30 days', () => {
    const fees = [
      // Fee 2026-02-05, paid in full on day 30 (2026-03-07): effective.
      fee('2026-02-05', [{ date: '2026-03-07', cents: 100_00 }]),
      // Paid on day 31 (2026-03-08): too late.
      fee('2026-02-05', [{ date: '2026-03-08', cents: 100_00 }]),
      // Paid in two parts within the window: effective.
      fee('2026-02-10', [
        { date: '2026-01-20', cents: 40_00 },
        { date: '2026-02-20', cents: 60_00 },
      ]),
      // Half paid only: not effective.
      fee('2026-02-10', [{ date: '2026-02-11', cents: 50_00 }]),
    ];
    // 2 of 4 = 50.
    expect(latePaymentPenaltyEffectiveness(fees, '2026-03-31')).toBe(50);
  });

  it('looks no further than the as-of date', () => {
    // The payment on 2026-03-07 falls after the as-of date 2026-03-01, so it is not seen.
    const fees = [fee('2026-02-05', [{ date: '2026-03-07', cents: 100_00 }])];
    expect(latePaymentPenaltyEffectiveness(fees, '2026-03-01')).toBe(0);
    expect(latePaymentPenaltyEffectiveness(fees, '2026-03-07')).toBe(100);
  });

  it('is null when no first fee was charged', () => {
    expect(latePaymentPenaltyEffectiveness([], '2026-03-31')).toBeNull();
  });
});

describe('lateFeeTotals', () => {
  it('sums the fees and what was collected on them', () => {
    const fees = [
      { amountCents: 25_00, collectedCents: 25_00 },
      { amountCents: 1_50, collectedCents: 0 },
    ];
    expect(lateFeeTotals(fees)).toEqual({ chargedCents: 26_50, collectedCents: 25_00 });
  });

  it('is null when no fee was charged', () => {
    expect(lateFeeTotals([])).toEqual({ chargedCents: null, collectedCents: null });
  });
});

describe('averagePaymentTime', () => {
  it('weights the days by invoice amount', () => {
    // 100.00 paid in 19 days (2026-01-20) and 300.00 in 40 days (2026-02-10):
    // (19 × 100 + 40 × 300) ÷ 400 = 13,900 ÷ 400 = 34.75.
    const invoices = [settled('2026-01-20'), settled('2026-02-10', { amountCents: 300_00 })];
    expect(averagePaymentTime(invoices)).toBe(34.75);
  });

  it('is null when nothing was settled', () => {
    expect(averagePaymentTime([])).toBeNull();
  });
});

describe('managementMetrics and roundManagementMetrics', () => {
  it('combines and rounds the formulas', () => {
    const metrics = managementMetrics(
      {
        scores: [33, 34, 34],
        credit: [{ creditLimitCents: 3_00, monthEndBalancesCents: [1_00, 2_00] }],
        settled: [
          settled('2026-01-20', { discountOffered: true, discountTakenCents: 2_00 }),
          settled('2026-01-30', { discountOffered: true }),
          settled('2026-02-10', { graceDays: 5, discountOffered: true }),
        ],
        firstLateFees: [],
        lateFees: [],
      },
      '2026-02-28',
    );
    // Score (33 + 34 + 34) ÷ 3 = 33.666…; utilisation 2 ÷ 3 × 100 = 66.666…; ratio
    // (1 + 2) ÷ (3 × 2) × 100 = 50; compliance 2 of 3 (the last is 10 days late with 5 grace
    // days) = 66.666…; late 1 of 3 = 33.333…; discount 1 of 3 = 33.333…, 2.00 taken; payment
    // time (19 + 29 + 40) × 100 ÷ 300 = 29.333…
    expect(roundManagementMetrics(metrics)).toEqual({
      customerRiskScore: 33.67,
      creditLimitUtilisation: 66.67,
      creditUtilisationRatio: 50,
      paymentTermCompliance: 66.67,
      latePaymentFrequency: 33.33,
      earlyPaymentDiscountUsage: 33.33,
      discountsTakenCents: 2_00,
      latePaymentPenaltyEffectiveness: null,
      lateFeesChargedCents: null,
      lateFeesCollectedCents: null,
      averagePaymentTime: 29.33,
    });
    expect(roundManagementMetrics(metrics, 0).paymentTermCompliance).toBe(67);
  });

  it('rounds halves away from zero as they read', () => {
    // 1 of 8 = 12.5, which rounds to 13 with no decimals.
    const eight = [
      settled('2026-02-01'),
      ...Array.from({ length: 7 }, () => settled('2026-01-31')),
    ];
    const metrics = managementMetrics(
      { scores: [], credit: [], settled: eight, firstLateFees: [], lateFees: [] },
      '2026-02-28',
    );
    expect(metrics.latePaymentFrequency).toBe(12.5);
    expect(roundManagementMetrics(metrics, 0).latePaymentFrequency).toBe(13);
    expect(metrics.customerRiskScore).toBeNull();
  });
});

describe('management metrics in the registry', () => {
  it('defines every metric for every scope', () => {
    const metrics = managementMetrics(
      { scores: [], credit: [], settled: [], firstLateFees: [], lateFees: [] },
      '2026-03-31',
    );
    for (const key of Object.keys(metrics)) {
      const entry = findMetric(key);
      expect(entry, key).toBeDefined();
      expect(entry?.scopes, key).toEqual(['client', 'tier', 'portfolio']);
      expect(entry?.definition, key).toMatch(/null/i);
      expect(entry?.unit, key).toBe(
        key.endsWith('Cents')
          ? 'money'
          : key === 'averagePaymentTime'
            ? 'days'
            : key === 'customerRiskScore'
              ? 'score'
              : 'percent',
      );
    }
  });
});
