/**
 * Finds the value of each metric of the metric registry for the metrics report: which computed
 * report contains it, and for which group (a client, a tier or the portfolio) the filters
 * select.
 */

import { CURRENT_BUCKET, type AgingTotals } from '../../../../shared/aging.ts';
import { collectionActivityRows } from '../../../../shared/metrics/collection-activity-metrics.ts';
import { managementMetricRows } from '../../../../shared/metrics/management-metrics.ts';
import type { MetricDefinition } from '../../../../shared/metrics/metric-registry.ts';
import type { ReportRequest } from '../../../../shared/reports/report-request.ts';
import type { RiskTier } from '../../../../shared/risk/risk-score.ts';
import type { MonthlyTrend } from '../../../../shared/trends/payment-trends.ts';
import type { RiskReport } from '../../../risk/risk-report.ts';
import type { TrendReport } from '../../../trends/trend-report.ts';
import type { CollectionActivityReport } from '../../collection-activity-report.ts';
import {
  currencyMetricIds,
  type CurrencyMetrics,
  type MetricsReport,
} from '../../collection-metrics-report.ts';
import type { ManagementReport } from '../../management-metrics-report.ts';
import type { ReportScope, ScopedClient } from '../../report-scope.ts';

/**
 * The group the grouped metrics are taken for. The management and activity reports compute
 * every tier and client as well as the portfolio, so a tier or client filter picks its group.
 * Nothing groups by account manager, so that filter leaves the portfolio.
 */
export type Selection =
  | { readonly kind: 'portfolio' }
  | { readonly kind: 'tier'; readonly tier: RiskTier }
  | { readonly kind: 'client'; readonly client: ScopedClient };

/** Everything the metric table reads, computed once per report. */
export interface MetricSources {
  readonly collection: MetricsReport;
  readonly management: ManagementReport;
  readonly activity: CollectionActivityReport;
  readonly trends: TrendReport;
  readonly risk: RiskReport;
  readonly aging: Record<string, AgingTotals>;
  readonly selection: Selection;
  readonly scope: ReportScope;
}

export interface MetricValue {
  readonly value: number | null;
  /** The group the value is computed for, as printed: "portfolio", "high tier", "client ACME". */
  readonly scope: string;
}

export const portfolioScope = 'portfolio';

/** The fields of `collectionMetrics`, which exist for the portfolio of each currency only. */
const collectionIds: ReadonlySet<string> = new Set(currencyMetricIds);
const managementIds: ReadonlySet<string> = new Set(managementMetricRows.map((row) => row.key));
const activityIds: ReadonlySet<string> = new Set(collectionActivityRows.map((row) => row.key));

/** Registry ids of the monthly trend measures, with their field in `MonthlyTrend`. */
const trendFields: Readonly<Record<string, keyof MonthlyTrend>> = {
  averagePaymentDays: 'averagePaymentDays',
  daysAgainstTerms: 'averageDaysLate',
  lateShare: 'lateShare',
  creditUtilisation: 'creditUtilisation',
};

/** Picks the group of the filters for the grouped metrics: a client, a tier or the portfolio. */
export function metricGroupSelection(request: ReportRequest, scope: ReportScope): Selection {
  const { client, tier, manager } = request.filters;
  if (manager !== undefined) return { kind: 'portfolio' };
  if (client !== undefined && scope.client !== null && scope.clientIds?.has(scope.client.id)) {
    return { kind: 'client', client: scope.client };
  }
  if (client === undefined && tier !== undefined) return { kind: 'tier', tier };
  return { kind: 'portfolio' };
}

export function selectionScope(selection: Selection): string {
  if (selection.kind === 'client') return `client ${selection.client.code}`;
  if (selection.kind === 'tier') return `${selection.tier} tier`;
  return portfolioScope;
}

/** Groups of a grouped metrics report, as the management and activity reports return them. */
export interface GroupedMetrics<M> {
  readonly portfolio: readonly { readonly currency: string; readonly metrics: M }[];
  readonly tiers: readonly {
    readonly tier: string;
    readonly currency: string;
    readonly metrics: M;
  }[];
  readonly clients: readonly {
    readonly clientId: number;
    readonly currency: string;
    readonly metrics: M;
  }[];
}

/**
 * Reads the value of a grouped metric for the selection, or for the portfolio when the metric
 * is not computed for the selection's kind of group (the DSO around reminders is
 * portfolio-only).
 */
export function selectedGroupValue<M>(
  report: GroupedMetrics<M>,
  metric: MetricDefinition,
  currency: string,
  selection: Selection,
): MetricValue {
  const read = (group: { metrics: M } | undefined) =>
    (group?.metrics[metric.id as keyof M] as number | null | undefined) ?? null;
  if (selection.kind === 'client' && metric.scopes.includes('client')) {
    const id = selection.client.id;
    const group = report.clients.find((g) => g.clientId === id && g.currency === currency);
    return { value: read(group), scope: selectionScope(selection) };
  }
  if (selection.kind === 'tier' && metric.scopes.includes('tier')) {
    const group = report.tiers.find((g) => g.tier === selection.tier && g.currency === currency);
    return { value: read(group), scope: selectionScope(selection) };
  }
  const group = report.portfolio.find((g) => g.currency === currency);
  return { value: read(group), scope: portfolioScope };
}

/** Finds the value of `metric` in `currency`. Raises for a registry metric it cannot place. */
export function metricValue(
  metric: MetricDefinition,
  currency: string,
  sources: MetricSources,
): MetricValue {
  const { selection } = sources;
  const id = metric.id;

  if (collectionIds.has(id)) {
    const metrics = sources.collection.currencies[currency];
    const value = metrics === undefined ? null : metrics[id as keyof CurrencyMetrics];
    return { value, scope: filteredScope(sources) };
  }
  if (managementIds.has(id))
    return selectedGroupValue(sources.management, metric, currency, selection);
  if (activityIds.has(id)) return selectedGroupValue(sources.activity, metric, currency, selection);

  const trendField = trendFields[id];
  if (trendField !== undefined) return trendValue(metric, trendField, currency, sources);

  if (id === 'riskScore') {
    if (selection.kind !== 'client') return { value: null, scope: 'per client' };
    const client = sources.risk.clients.find((entry) => entry.clientId === selection.client.id);
    // A score is measured in the client's main currency only.
    const scored =
      client?.currency === currency && client.risk.status === 'scored' ? client.risk.score : null;
    return { value: scored, scope: selectionScope(selection) };
  }
  if (id === 'overdueShare') {
    return { value: overdueShare(sources.aging[currency]), scope: filteredScope(sources) };
  }

  throw new Error(
    `The metric "${id}" of the metric registry has no value in the metrics report: add it to ` +
      'electron/reports/documents/metrics/metric-values.ts.',
  );
}

/** Reads the measure of the period's last month, clipped to the period as the trends report is. */
function trendValue(
  metric: MetricDefinition,
  field: keyof MonthlyTrend,
  currency: string,
  sources: MetricSources,
): MetricValue {
  const { selection, trends } = sources;
  const month = trends.months.at(-1) ?? '';
  let months: readonly MonthlyTrend[] | undefined;
  let scope: string;
  if (selection.kind === 'client' && metric.scopes.includes('client')) {
    months = trends.clients.find(
      (client) => client.clientId === selection.client.id && client.currency === currency,
    )?.months;
    scope = selectionScope(selection);
  } else if (selection.kind !== 'client' && metric.scopes.includes('portfolio')) {
    months = trends.portfolio[currency];
    scope = portfolioScope;
  } else {
    return {
      value: null,
      scope: metric.scopes.includes('portfolio') ? portfolioScope : 'per client',
    };
  }
  const last = months?.at(-1);
  const value = last?.month === month ? (last[field] as number | null) : null;
  return { value, scope: `${scope}, month ${month}` };
}

/** Names the scope of figures that the aging computes for exactly the clients of the filters. */
function filteredScope(sources: MetricSources): string {
  const { scope, selection } = sources;
  if (scope.clientIds === null) return portfolioScope;
  return selection.kind === 'portfolio' ? 'filtered clients' : selectionScope(selection);
}

/**
 * Computes the dashboard's overdue share: the buckets past current ÷ all buckets, unapplied
 * money left out.
 */
function overdueShare(totals: AgingTotals | undefined): number | null {
  if (totals === undefined) return null;
  let open = 0;
  let overdue = 0;
  for (const [key, cents] of Object.entries(totals.buckets)) {
    open += cents;
    if (key !== CURRENT_BUCKET) overdue += cents;
  }
  return open > 0 ? overdue / open : null;
}
