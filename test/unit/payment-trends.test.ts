import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar-date.ts';
import {
  monthlyTrends,
  trendAlerts,
  type MonthInput,
  type MonthlyTrend,
} from '../../shared/trends/payment-trends.ts';

const emptyMonth: Omit<MonthInput, 'month'> = {
  days: 31,
  settled: [],
  receivablesCents: 0,
  creditSalesCents: 0,
  openBalanceCents: 0,
  creditLimitCents: null,
};

/**
 * Builds one month of invoices on 30-day terms, each given as [amount in cents, days late], so that
 * its payment time is 30 + days late.
 */
function monthOf(month: string, invoices: readonly [number, number][]): MonthlyTrend {
  const invoiceDate = `${month}-01`;
  const dueDate = addDays(invoiceDate, 30);
  const settled = invoices.map(([amountCents, late]) => ({
    invoiceDate,
    dueDate,
    settledDate: addDays(dueDate, late),
    amountCents,
  }));
  const [trend] = monthlyTrends([{ ...emptyMonth, month, settled }]);
  return trend as MonthlyTrend;
}

function seriesOf(invoicesPerMonth: readonly (readonly [number, number][])[]): MonthlyTrend[] {
  return invoicesPerMonth.map((invoices, index) =>
    monthOf(`2025-${String(index + 1).padStart(2, '0')}`, invoices),
  );
}

describe('monthlyTrends', () => {
  it('computes every measure of a month', () => {
    const [january] = monthlyTrends([
      {
        month: '2026-01',
        days: 31,
        settled: [
          // 40 days from invoice to payment on 30-day terms: 10 days late.
          {
            invoiceDate: '2025-12-01',
            dueDate: '2025-12-31',
            settledDate: '2026-01-10',
            amountCents: 10_000,
          },
          // 15 days from invoice to payment on 30-day terms: 15 days early.
          {
            invoiceDate: '2026-01-05',
            dueDate: '2026-02-04',
            settledDate: '2026-01-20',
            amountCents: 30_000,
          },
        ],
        receivablesCents: 60_000,
        creditSalesCents: 93_000,
        openBalanceCents: 45_000,
        creditLimitCents: 150_000,
      },
    ]);

    expect(january?.month).toBe('2026-01');
    expect(january?.settledInvoices).toBe(2);
    expect(january?.lateInvoices).toBe(1);
    expect(january?.settledAmountCents).toBe(40_000);
    // (40 × 10,000 + 15 × 30,000) ÷ 40,000 = 850,000 ÷ 40,000 = 21.25 days.
    expect(january?.averagePaymentDays).toBe(21.25);
    // (10 × 10,000 − 15 × 30,000) ÷ 40,000 = −350,000 ÷ 40,000 = −8.75 days.
    expect(january?.averageDaysLate).toBe(-8.75);
    // 1 of 2 invoices settled after its due date.
    expect(january?.lateShare).toBe(0.5);
    // 60,000 ÷ 93,000 × 31 = 20 days.
    expect(january?.dso).toBeCloseTo(20, 10);
    // 45,000 ÷ 150,000 = 0.3 of the limit.
    expect(january?.creditUtilisation).toBeCloseTo(0.3, 10);
  });

  it('gives nulls for an empty month', () => {
    const [february] = monthlyTrends([
      { ...emptyMonth, month: '2026-02', days: 28, receivablesCents: 60_000 },
    ]);
    expect(february?.settledInvoices).toBe(0);
    expect(february?.averagePaymentDays).toBeNull();
    expect(february?.averageDaysLate).toBeNull();
    expect(february?.lateShare).toBeNull();
    // No credit sales: DSO is undefined, not infinite.
    expect(february?.dso).toBeNull();
    expect(february?.creditUtilisation).toBeNull();
    expect(february?.receivablesCents).toBe(60_000);
  });

  it('counts payment on the due date as on time', () => {
    const march = monthOf('2026-03', [[5_000, 0]]);
    expect(march.lateInvoices).toBe(0);
    expect(march.lateShare).toBe(0);
    expect(march.averageDaysLate).toBe(0);
    expect(march.averagePaymentDays).toBe(30);
  });

  it('counts zero amounts in the late share only', () => {
    const month = monthOf('2026-03', [[0, 5]]);
    expect(month.lateShare).toBe(1);
    expect(month.averageDaysLate).toBeNull();
    expect(month.averagePaymentDays).toBeNull();
  });

  it('gives no utilisation for a zero limit', () => {
    const [month] = monthlyTrends([
      { ...emptyMonth, month: '2026-01', openBalanceCents: 5_000, creditLimitCents: 0 },
    ]);
    expect(month?.creditUtilisation).toBeNull();
  });

  it('rejects negative amounts', () => {
    expect(() => monthOf('2026-01', [[-100, 0]])).toThrow(RangeError);
  });
});

describe('trendAlerts', () => {
  it('raises a days-late alert, weighted by amount', () => {
    const series = seriesOf([
      [[100, 2]],
      [[100, 4]],
      [[300, 6]],
      [[100, 20]],
      [[100, 20]],
      [[200, 16]],
    ]);
    const alerts = trendAlerts(series);
    // Earlier: (100 × 2 + 100 × 4 + 300 × 6) ÷ 500 = 2,400 ÷ 500 = 4.8 days.
    // Recent: (100 × 20 + 100 × 20 + 200 × 16) ÷ 400 = 7,200 ÷ 400 = 18 days: 13.2 more.
    // Every invoice in both windows is late, so the late share stays at 100%.
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.kind).toBe('days-late');
    expect(alerts[0]?.earlier).toBeCloseTo(4.8, 10);
    expect(alerts[0]?.recent).toBeCloseTo(18, 10);
    expect(alerts[0]?.earlierMonths).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(alerts[0]?.recentMonths).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(alerts[0]?.message).toBe(
      'average days against terms rose from 4.8 to 18.0 over the last 3 months',
    );
  });

  it('needs a rise of more than the threshold', () => {
    const early = [[100, 5]] as [number, number][];
    // 15 − 5 = 10 days: not more than 10.
    const exactly = seriesOf([early, early, early, [[100, 15]], [[100, 15]], [[100, 15]]]);
    expect(trendAlerts(exactly)).toEqual([]);
    // 16 − 5 = 11 days.
    const over = seriesOf([early, early, early, [[100, 16]], [[100, 16]], [[100, 16]]]);
    expect(trendAlerts(over).map((alert) => alert.kind)).toEqual(['days-late']);
    // With a threshold of 12 days, 11 is not enough.
    expect(trendAlerts(over, { thresholdDays: 12 })).toEqual([]);
  });

  it('raises a late-share alert at 25 points', () => {
    const onTime = [[100, -2]] as [number, number][];
    const series = seriesOf([
      [
        [100, -2],
        [100, -2],
      ],
      onTime,
      onTime,
      [
        [100, -2],
        [100, 6],
      ],
      onTime,
      onTime,
    ]);
    const alerts = trendAlerts(series);
    // Late share: 0 of 4 before, 1 of 4 now, a rise of exactly 25 points. Days late:
    // −2 before, (3 × −2 + 6) ÷ 4 = 0 now, a rise of 2 days only.
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.kind).toBe('late-share');
    expect(alerts[0]?.earlier).toBe(0);
    expect(alerts[0]?.recent).toBe(0.25);
    expect(alerts[0]?.message).toBe(
      'late payments rose from 0% to 25% of invoices settled over the last 3 months',
    );
  });

  it('ignores a late-share rise under 25 points', () => {
    // 1 of 3 late before (33.3%), 2 of 4 now (50%): 16.7 points.
    const series = seriesOf([
      [[100, 1]],
      [[100, 0]],
      [[100, 0]],
      [[100, 1]],
      [[100, 1]],
      [
        [100, 0],
        [100, 0],
      ],
    ]);
    expect(trendAlerts(series)).toEqual([]);
  });

  it('pools windows across empty months', () => {
    // Earlier window: 3 invoices at 0 days in one month. Recent: 3 at 20 days in one month.
    const series = seriesOf([
      [],
      [
        [100, 0],
        [100, 0],
        [100, 0],
      ],
      [],
      [],
      [],
      [
        [100, 20],
        [100, 20],
        [100, 20],
      ],
    ]);
    const alerts = trendAlerts(series);
    expect(alerts.map((alert) => alert.kind)).toEqual(['days-late', 'late-share']);
    expect(alerts[0]?.earlier).toBe(0);
    expect(alerts[0]?.recent).toBe(20);
    // 0 of 3 late before, 3 of 3 now: 100 points.
    expect(alerts[1]?.recent).toBe(1);
  });

  it('compares only windows with enough invoices', () => {
    // Two invoices before (fewer than the 3 needed), however late the recent ones are.
    const thin = seriesOf([[[100, 0]], [], [[100, 0]], [[100, 40]], [[100, 40]], [[100, 40]]]);
    expect(trendAlerts(thin)).toEqual([]);
    expect(trendAlerts(thin, { minimumInvoices: 2 }).map((alert) => alert.kind)).toEqual([
      'days-late',
      'late-share',
    ]);
    const empty = seriesOf([[], [], [], [], [], []]);
    expect(trendAlerts(empty)).toEqual([]);
  });

  it('needs two whole windows', () => {
    const short = seriesOf([
      [
        [100, 0],
        [100, 0],
        [100, 0],
      ],
      [
        [100, 40],
        [100, 40],
        [100, 40],
      ],
    ]);
    expect(trendAlerts(short)).toEqual([]);
    const alerts = trendAlerts(short, { months: 1 });
    expect(alerts.map((alert) => alert.kind)).toEqual(['days-late', 'late-share']);
    expect(alerts[0]?.message).toBe(
      'average days against terms rose from 0.0 to 40.0 over the last month',
    );
  });

  it('rejects invalid options', () => {
    expect(() => trendAlerts([], { months: 0 })).toThrow(RangeError);
    expect(() => trendAlerts([], { thresholdDays: Number.NaN })).toThrow(RangeError);
    expect(() => trendAlerts([], { minimumInvoices: 0 })).toThrow(RangeError);
  });
});
