import { describe, expect, it } from 'vitest';

import { addDays, addMonths, type IsoDate } from '../../shared/calendar-date.ts';
import {
  DEFAULT_RISK_SETTINGS,
  riskTier,
  scoreClientRisk,
  type ClientHistory,
  type RiskComponentId,
  type RiskScore,
  type SettledInvoice,
} from '../../shared/risk/risk-score.ts';

const asOf: IsoDate = '2026-03-31';
// The trend's recent window is the 3 months after 2025-12-31.

/** Builds an invoice due on `dueDate` and settled `late` days after it. */
function settled(dueDate: IsoDate, late: number, amountCents = 10_000): SettledInvoice {
  return {
    invoiceDate: addDays(dueDate, -30),
    dueDate,
    settledDate: addDays(dueDate, late),
    amountCents,
  };
}

/** Three invoices paid on their due dates in mid-2025: every component scores 0. */
const clean: ClientHistory = {
  settledInvoices: [settled('2025-05-15', 0), settled('2025-06-15', 0), settled('2025-07-15', 0)],
  openInvoices: [],
  disputesLast12Months: 0,
  writeOffsLast12Months: 0,
  creditLimitCents: null,
  openBalanceCents: 0,
  industry: null,
  sizeBand: null,
};

function scored(history: Partial<ClientHistory>): Extract<RiskScore, { status: 'scored' }> {
  const risk = scoreClientRisk({ ...clean, ...history }, asOf);
  if (risk.status !== 'scored') throw new Error(`expected a score, got ${risk.status}`);
  return risk;
}

function points(risk: Extract<RiskScore, { status: 'scored' }>, id: RiskComponentId): number {
  return risk.components.find((component) => component.id === id)?.points ?? Number.NaN;
}

describe('scoreClientRisk', () => {
  it('scores 0 in every component for invoices paid on the due date', () => {
    const risk = scored({});
    expect(risk.score).toBe(0);
    expect(risk.tier).toBe('low');
    expect(risk.components.map((component) => component.id)).toEqual([
      'days-late',
      'late-share',
      'trend',
      'overdue',
      'disputes',
      'write-offs',
      'credit-utilisation',
      'size-band',
      'industry',
    ]);
    expect(risk.components.every((component) => component.points === 0)).toBe(true);
  });

  it('weights days late by amount', () => {
    // (30,000 × 10 + 10,000 × 2 + 10,000 × 0) / 50,000 = 6.4 days; 6.4 × 2.5 = 16 points.
    const risk = scored({
      settledInvoices: [
        settled('2025-05-15', 10, 30_000),
        settled('2025-06-15', 2),
        settled('2025-07-15', 0),
      ],
    });
    expect(points(risk, 'days-late')).toBe(16);
    expect(risk.score).toBe(16);
    const explanation = risk.components[0]?.explanation;
    expect(explanation).toBe(
      '+16: invoices settled in the last 12 months were paid on average 6.4 days after the ' +
        'due date (weighted by amount)',
    );
  });

  it('caps days late at 50 points', () => {
    // 30 days × 2.5 = 75, capped at 50; every invoice is over 15 days late: 1.0 × 30 = 30.
    const risk = scored({
      settledInvoices: clean.settledInvoices.map((invoice) => settled(invoice.dueDate, 30)),
    });
    expect(points(risk, 'days-late')).toBe(50);
    expect(points(risk, 'late-share')).toBe(30);
    expect(risk.score).toBe(80);
  });

  it('counts invoices paid more than 15 days late, not exactly 15', () => {
    // Late share: 1 of 4 = 25%; 0.25 × 30 = 7.5, rounded to 8.
    // Days late: (16 + 15 + 0 + 0) / 4 = 7.75 days; 7.75 × 2.5 = 19.375, rounded to 19.
    const risk = scored({
      settledInvoices: [
        settled('2025-04-15', 16),
        settled('2025-05-15', 15),
        settled('2025-06-15', 0),
        settled('2025-07-15', 0),
      ],
    });
    expect(points(risk, 'late-share')).toBe(8);
    expect(points(risk, 'days-late')).toBe(19);
    expect(risk.score).toBe(27);
    expect(risk.components[1]?.explanation).toBe(
      '+8: 25% of invoices (1 of 4) paid over 15 days late in the last 12 months',
    );
  });

  it('adds trend points for later recent payments', () => {
    // Earlier: 3 invoices 2 days late, average 2. Recent: 1 invoice 22 days late, settled
    // 2026-03-01. Change 22 − 2 = 20 days; 20 × 0.5 = 10 points.
    // Days late: (2 + 2 + 2 + 22) / 4 = 7 days; 7 × 2.5 = 17.5, rounded to 18.
    // Late share: 1 of 4; 0.25 × 30 = 7.5, rounded to 8. Total 10 + 18 + 8 = 36: medium.
    const risk = scored({
      settledInvoices: [
        settled('2025-05-15', 2),
        settled('2025-06-15', 2),
        settled('2025-07-15', 2),
        settled('2026-02-07', 22),
      ],
    });
    expect(points(risk, 'trend')).toBe(10);
    expect(risk.score).toBe(36);
    expect(risk.tier).toBe('medium');
    expect(risk.components[2]?.explanation).toBe(
      '+10: paid 20 days later in the last 3 months (22 days late on average) than in the ' +
        '9 months before (2 days late)',
    );
  });

  it('gives no trend points for an improvement, nor without invoices in both windows', () => {
    // Earlier: 20 days late on average; recent: 0. Change 0 − 20 = −20 days: no points.
    const improving = scored({
      settledInvoices: [
        settled('2025-05-15', 20),
        settled('2025-06-15', 20),
        settled('2026-02-01', 0),
      ],
    });
    expect(points(improving, 'trend')).toBe(0);
    expect(improving.components[2]?.explanation).toMatch(/^0: paid 20 days sooner/);

    // Settled on 2025-12-31, exactly 3 months before the as-of date: the earlier window.
    const onlyEarlier = scored({
      settledInvoices: [...clean.settledInvoices, settled('2025-12-01', 30)],
    });
    expect(points(onlyEarlier, 'trend')).toBe(0);
    expect(onlyEarlier.components[2]?.explanation).toBe(
      '0: no trend, because no invoice was settled in the last 3 months',
    );
  });

  it('caps the trend at 15 points', () => {
    // Change 60 − 0 = 60 days; 60 × 0.5 = 30, capped at 15.
    const risk = scored({
      settledInvoices: [...clean.settledInvoices, settled('2026-01-15', 60)],
    });
    expect(points(risk, 'trend')).toBe(15);
  });

  it('scores the past-due share of the open balance and ignores credits', () => {
    // 30,000 due the day before the as-of date is past due; 10,000 due on it is not.
    // The over-allocated −5,000 counts in neither. 30,000 / 40,000 = 75%; 0.75 × 20 = 15.
    const risk = scored({
      openInvoices: [
        { dueDate: '2026-03-30', balanceCents: 30_000 },
        { dueDate: '2026-03-31', balanceCents: 10_000 },
        { dueDate: '2026-01-31', balanceCents: -5_000 },
      ],
      openBalanceCents: 35_000,
    });
    expect(points(risk, 'overdue')).toBe(15);
    expect(risk.components[3]?.explanation).toBe(
      '+15: 75% of the open invoice balance is past due',
    );
  });

  it('scores disputes and write-offs per event, up to their caps', () => {
    // Disputes 2 × 2 = 4; write-offs 1 × 5 = 5.
    const some = scored({ disputesLast12Months: 2, writeOffsLast12Months: 1 });
    expect(points(some, 'disputes')).toBe(4);
    expect(points(some, 'write-offs')).toBe(5);
    expect(some.components[4]?.explanation).toBe('+4: 2 invoices disputed in the last 12 months');
    expect(some.components[5]?.explanation).toBe('+5: 1 write-off in the last 12 months');
    // Disputes 5 × 2 = 10, capped at 6; write-offs 3 × 5 = 15, capped at 10.
    const many = scored({ disputesLast12Months: 5, writeOffsLast12Months: 3 });
    expect(points(many, 'disputes')).toBe(6);
    expect(points(many, 'write-offs')).toBe(10);
  });

  it('scores credit-limit utilisation above 80% only', () => {
    const at = (openBalanceCents: number, creditLimitCents: number | null) =>
      points(scored({ openBalanceCents, creditLimitCents }), 'credit-utilisation');
    // 80,000 / 100,000 = 80%: nothing above the threshold.
    expect(at(80_000, 100_000)).toBe(0);
    // 100,000 / 100,000 = 100%; (1.0 − 0.8) × 25 = 5.
    expect(at(100_000, 100_000)).toBe(5);
    // 200%; (2.0 − 0.8) × 25 = 30, capped at 10.
    expect(at(200_000, 100_000)).toBe(10);
    expect(at(200_000, null)).toBe(0);
    expect(at(200_000, 0)).toBe(0);
  });

  it('adds modest priors for size band and industry only when known', () => {
    const small = scored({ sizeBand: 'small', industry: 'Construction' });
    expect(points(small, 'size-band')).toBe(3);
    expect(points(small, 'industry')).toBe(3);
    expect(small.score).toBe(6);
    const medium = scored({ sizeBand: 'medium', industry: 'Software' });
    expect(points(medium, 'size-band')).toBe(1);
    expect(points(medium, 'industry')).toBe(0);
    expect(medium.components[8]?.explanation).toBe('0: no prior set for industry Software');
    expect(scored({ sizeBand: 'large' }).score).toBe(0);
    expect(scored({ sizeBand: null, industry: '  ' }).score).toBe(0);
  });

  it('clamps the sum of the components to 100', () => {
    // 50 + 30 + 15 + 20 + 6 + 10 + 10 + 3 + 3 = 147, clamped to 100.
    const risk = scored({
      settledInvoices: [...clean.settledInvoices, settled('2026-01-15', 90, 1_000_000)],
      openInvoices: [{ dueDate: '2026-01-31', balanceCents: 500_000 }],
      openBalanceCents: 500_000,
      creditLimitCents: 100_000,
      disputesLast12Months: 9,
      writeOffsLast12Months: 9,
      sizeBand: 'small',
      industry: 'construction',
    });
    const sum = risk.components.reduce((total, component) => total + component.points, 0);
    // Late share is 1 of 4 here: 0.25 × 30 = 7.5, rounded to 8, so the sum is 125.
    expect(sum).toBe(125);
    expect(risk.score).toBe(100);
    expect(risk.tier).toBe('high');
  });

  it('puts a score exactly at a threshold in the higher tier', () => {
    expect(riskTier(34)).toBe('low');
    expect(riskTier(35)).toBe('medium');
    expect(riskTier(64)).toBe('medium');
    expect(riskTier(65)).toBe('high');
    // 14 days late each: 14 × 2.5 = 35 points, none over 15 days late: medium at exactly 35.
    const fourteenDaysLate = clean.settledInvoices.map((invoice) => settled(invoice.dueDate, 14));
    const medium = scored({ settledInvoices: fourteenDaysLate });
    expect(medium.score).toBe(35);
    expect(medium.tier).toBe('medium');
    // The same plus all of the open balance past due (1.0 × 20 = 20) and 2 write-offs
    // (2 × 5 = 10): 35 + 20 + 10 = 65, exactly high.
    const high = scored({
      settledInvoices: fourteenDaysLate,
      openInvoices: [{ dueDate: '2026-03-01', balanceCents: 10_000 }],
      openBalanceCents: 10_000,
      writeOffsLast12Months: 2,
    });
    expect(high.score).toBe(65);
    expect(high.tier).toBe('high');
  });

  it('does not score a client with fewer settled invoices than the minimum', () => {
    const history = { ...clean, settledInvoices: clean.settledInvoices.slice(0, 2) };
    expect(scoreClientRisk(history, asOf)).toEqual({
      status: 'insufficient-history',
      settledInvoices: 2,
      needed: 3,
    });
    const lenient = { ...DEFAULT_RISK_SETTINGS, minimumSettledInvoices: 2 };
    expect(scoreClientRisk(history, asOf, lenient).status).toBe('scored');
  });

  it('scores a client that pays on time low', () => {
    // Twelve monthly invoices paid 0 to 3 days early, two open and not yet due, half the
    // credit limit used, a medium business: only the size prior adds 1 point.
    const months = Array.from({ length: 12 }, (_, index) => addMonths('2025-04-15', index));
    const risk = scored({
      settledInvoices: months.map((dueDate, index) => settled(dueDate, -(index % 4))),
      openInvoices: [
        { dueDate: '2026-04-15', balanceCents: 10_000 },
        { dueDate: '2026-04-30', balanceCents: 15_000 },
      ],
      openBalanceCents: 25_000,
      creditLimitCents: 50_000,
      sizeBand: 'medium',
    });
    expect(risk.score).toBe(1);
    expect(risk.tier).toBe('low');
  });

  it('scores a client that pays 30 days late high', () => {
    // Twelve invoices each 30 days late: days late 30 × 2.5 = 75, capped at 50; all over 15
    // days late: 30. With 30-day terms, two of the four open invoices are past due:
    // 0.5 × 20 = 10. Total 50 + 30 + 10 = 90.
    const months = Array.from({ length: 12 }, (_, index) => addMonths('2025-02-15', index));
    const risk = scored({
      settledInvoices: months.map((dueDate) => settled(dueDate, 30)),
      openInvoices: [
        { dueDate: '2026-02-15', balanceCents: 10_000 },
        { dueDate: '2026-03-15', balanceCents: 10_000 },
        { dueDate: '2026-04-15', balanceCents: 10_000 },
        { dueDate: '2026-04-30', balanceCents: 10_000 },
      ],
      openBalanceCents: 40_000,
    });
    expect(risk.score).toBe(90);
    expect(risk.tier).toBe('high');
  });

  it('rejects thresholds out of order and a minimum below 1', () => {
    const history = clean;
    expect(() =>
      scoreClientRisk(history, asOf, {
        ...DEFAULT_RISK_SETTINGS,
        tierThresholds: { medium: 70, high: 65 },
      }),
    ).toThrow(/expected 0 < medium < high/);
    expect(() =>
      scoreClientRisk(history, asOf, { ...DEFAULT_RISK_SETTINGS, minimumSettledInvoices: 0 }),
    ).toThrow(/minimum settled invoices 0/);
    expect(() => scoreClientRisk(history, '2026-02-30')).toThrow(/as-of date/);
  });
});
