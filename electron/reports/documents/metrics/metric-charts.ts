/**
 * The metrics report's charts of the aging buckets, the DSO trend and the tier mix. A chart
 * with nothing to draw is replaced by a sentence stating that, rather than empty axes.
 */

import { bucketKeys, type AgingTotals } from '../../../../shared/aging.ts';
import type { IsoDate } from '../../../../shared/calendar-date.ts';
import { roundMetric } from '../../../../shared/collection-metrics.ts';
import { formatMoney } from '../../../../shared/money.ts';
import type { ReportBlock, ReportChart } from '../../../../shared/reports/report-document.ts';
import { scoreClientRisk } from '../../../../shared/risk/risk-score.ts';
import { countTiers, type TierCounts } from '../../../../shared/risk/tier-change.ts';
import type { Ledger } from '../../../ledger/database.ts';
import { readRiskSettings } from '../../../ledger/risk-settings-store.ts';
import { clientHistoriesAt } from '../../../risk/client-history-series.ts';
import { dsoByMonth } from '../../dso-trend.ts';
import { periodMonthEnds } from '../../management-metrics-report.ts';
import type { ReportScope } from '../../report-scope.ts';
import { bucketLabel } from '../aging-columns.ts';

/** The months of the DSO trend chart, which ends with the last whole month up to the period end. */
export const DSO_TREND_MONTHS = 12;

const tierSeries: readonly { readonly key: keyof TierCounts; readonly label: string }[] = [
  { key: 'high', label: 'High risk' },
  { key: 'medium', label: 'Medium risk' },
  { key: 'low', label: 'Low risk' },
  { key: 'unscored', label: 'Not scored' },
];

/** Picks the home currency when anything is owed in it, else the currency owed most. */
export function mainCurrency(
  aging: Record<string, AgingTotals>,
  homeCurrency: string,
): string | null {
  if (aging[homeCurrency] !== undefined) return homeCurrency;
  const entries = Object.entries(aging).sort(([, a], [, b]) => b.total - a.total);
  return entries[0]?.[0] ?? null;
}

/** Charts the aging buckets of `currency` at `to`, noting what is owed in other currencies. */
export function agingBlocks(
  aging: Record<string, AgingTotals>,
  bounds: readonly number[],
  to: IsoDate,
  currency: string | null,
): ReportBlock[] {
  const totals = currency === null ? undefined : aging[currency];
  if (currency === null || totals === undefined) {
    return [{ kind: 'text', text: `Nothing is owed at the end of ${to}.` }];
  }

  const buckets = bucketKeys(bounds);
  const blocks: ReportBlock[] = [
    {
      kind: 'chart',
      title: `Aging buckets at ${to} (${currency})`,
      type: 'bar',
      labels: buckets.map(bucketLabel),
      series: [{ label: currency, values: buckets.map((key) => totals.buckets[key] ?? 0) }],
      unit: 'money',
      currency,
    },
  ];

  const others = Object.entries(aging).filter(([code]) => code !== currency);
  if (others.length > 0) {
    const owed = others.map(([code, other]) => formatMoney(other.total, code)).join(', ');
    blocks.push({
      kind: 'text',
      style: 'note',
      text: `Also owed at ${to}: ${owed}. The aging summary ages every currency.`,
    });
  }
  return blocks;
}

/** Charts the DSO in days of the 12 whole months up to `to`, one line per currency. */
export function dsoTrendBlocks(
  db: Ledger,
  to: IsoDate,
  currencies: readonly string[],
): ReportBlock[] {
  const trends = currencies.map((currency) => ({
    currency,
    months: dsoByMonth(db, to, currency, DSO_TREND_MONTHS),
  }));

  const labels = trends[0]?.months.map((month) => month.month) ?? [];
  const measured = trends.some(({ months }) => months.some((month) => month.dso !== null));
  if (labels.length === 0 || !measured) {
    const span = labels.length === 0 ? `up to ${to}` : `from ${labels[0]} to ${labels.at(-1)}`;
    return [
      {
        kind: 'text',
        text: `No month ${span} had credit sales, so there is no DSO by month to chart.`,
      },
    ];
  }

  const chart: ReportChart = {
    kind: 'chart',
    title: 'DSO by month',
    type: 'line',
    labels,
    series: trends.map(({ currency, months }) => ({
      label: currency,
      values: months.map((month) => roundMetric(month.dso)),
    })),
    unit: 'days',
  };
  return [chart];
}

/**
 * Counts the clients per risk tier at each month end of the period, the last point being `to`,
 * scored as the segmentation report scores them. Only the clients of the filters count, and
 * with a currency filter only those whose main currency it was at the date.
 */
export function tierMixBlock(
  db: Ledger,
  from: IsoDate,
  to: IsoDate,
  scope: ReportScope,
): ReportBlock {
  const dates = periodMonthEnds(from, to);
  const settings = readRiskSettings(db);
  const histories = clientHistoriesAt(db, dates);

  const counts = dates.map((date) =>
    countTiers(
      (histories.get(date) ?? [])
        .filter(
          (input) =>
            (scope.clientIds === null || scope.clientIds.has(input.clientId)) &&
            (scope.currency === null || input.currency === scope.currency),
        )
        .map((input) => scoreClientRisk(input.history, date, settings)),
    ),
  );

  const clients = (count: TierCounts) => tierSeries.reduce((sum, { key }) => sum + count[key], 0);
  if (counts.every((count) => clients(count) === 0)) {
    return {
      kind: 'text',
      text: `No client of the report had been invoiced by ${to}, so there is no tier mix to chart.`,
    };
  }
  return {
    kind: 'chart',
    title: 'Clients by risk tier at each month end',
    type: 'bar',
    stacked: true,
    labels: dates,
    series: tierSeries.map(({ key, label }) => ({
      label,
      values: counts.map((count) => count[key]),
    })),
    unit: 'count',
  };
}
