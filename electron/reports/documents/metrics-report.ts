import { bucketKeys, CURRENT_BUCKET, type AgingTotals } from '../../../shared/aging.ts';
import type { IsoDate } from '../../../shared/calendar-date.ts';
import { roundMetric } from '../../../shared/collection-metrics.ts';
import { collectionActivityRows } from '../../../shared/metrics/collection-activity-metrics.ts';
import { managementMetricRows } from '../../../shared/metrics/management-metrics.ts';
import {
  metricRegistry,
  type MetricDefinition,
  type MetricUnit,
} from '../../../shared/metrics/metric-registry.ts';
import { formatDecimal, formatMoney } from '../../../shared/money.ts';
import type {
  ReportBlock,
  ReportChart,
  ReportColumn,
  ReportRow,
} from '../../../shared/reports/report-document.ts';
import type { ReportRequest } from '../../../shared/reports/report-request.ts';
import { scoreClientRisk, type RiskTier } from '../../../shared/risk/risk-score.ts';
import { countTiers, type TierCounts } from '../../../shared/risk/tier-change.ts';
import type { MonthlyTrend } from '../../../shared/trends/payment-trends.ts';
import type { Ledger } from '../../ledger/database.ts';
import { readRiskSettings } from '../../ledger/risk-settings-store.ts';
import { readSettings } from '../../ledger/settings-store.ts';
import { clientHistoriesAt } from '../../risk/client-history-series.ts';
import { riskReport, type RiskReport } from '../../risk/risk-report.ts';
import { trendReport, type TrendReport } from '../../trends/trend-report.ts';
import { agingReport } from '../aging-report.ts';
import {
  collectionActivityReport,
  type CollectionActivityReport,
} from '../collection-activity-report.ts';
import {
  collectionMetrics,
  type CurrencyMetrics,
  type MetricsReport,
} from '../collection-metrics-report.ts';
import { dsoByMonth } from '../dso-trend.ts';
import {
  managementReport,
  periodMonthEnds,
  type ManagementReport,
} from '../management-metrics-report.ts';
import type { ReportBuilder } from '../report-builder.ts';
import { clientIdsParameter, type ReportScope, type ScopedClient } from '../report-scope.ts';
import { bucketLabel } from './aging-columns.ts';

/**
 * The group the grouped metrics are taken for. The management and activity reports compute
 * every tier and client as well as the portfolio, so a tier or client filter picks its group;
 * nothing groups by account manager, so that filter leaves the portfolio.
 */
export type Selection =
  | { readonly kind: 'portfolio' }
  | { readonly kind: 'tier'; readonly tier: RiskTier }
  | { readonly kind: 'client'; readonly client: ScopedClient };

/** Everything the metric table reads, computed once per report. */
interface MetricSources {
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

/** The fields of `collectionMetrics`, which exist for the portfolio of each currency only. */
const collectionIds: ReadonlySet<string> = new Set<keyof CurrencyMetrics>([
  'creditSales',
  'beginningReceivables',
  'endingReceivables',
  'endingCurrentReceivables',
  'dso',
  'countbackDso',
  'bestPossibleDso',
  'averageDaysDelinquent',
  'cei',
  'settledInvoices',
  'averageDaysLate',
  'weightedAverageDaysLate',
]);
const managementIds: ReadonlySet<string> = new Set(managementMetricRows.map((row) => row.key));
const activityIds: ReadonlySet<string> = new Set(collectionActivityRows.map((row) => row.key));

/** Registry ids of the monthly trend measures, with their field in `MonthlyTrend`. */
const trendFields: Readonly<Record<string, keyof MonthlyTrend>> = {
  averagePaymentDays: 'averagePaymentDays',
  daysAgainstTerms: 'averageDaysLate',
  lateShare: 'lateShare',
  creditUtilisation: 'creditUtilisation',
};

const tierSeries: readonly { readonly key: keyof TierCounts; readonly label: string }[] = [
  { key: 'high', label: 'High risk' },
  { key: 'medium', label: 'Medium risk' },
  { key: 'low', label: 'Low risk' },
  { key: 'unscored', label: 'Not scored' },
];

/**
 * The collection funnel's stages, in order, each defined once for the chart and its text. Each
 * definition completes "sale invoices due in the period ...".
 */
const funnelStages = [
  { key: 'due', label: 'Due', definition: 'all of them' },
  {
    key: 'reminded',
    label: 'Reminded',
    definition: 'covered by a reminder sent by the period end',
  },
  {
    key: 'contacted',
    label: 'Contacted',
    definition:
      'whose client had an outbound call, e-mail, letter or meeting, sent reminders ' +
      'included, from the due date to the period end',
  },
  {
    key: 'promised',
    label: 'Promised',
    definition:
      "whose client promised, from the invoice date to the period end, to pay in the invoice's " +
      'currency',
  },
  {
    key: 'paid',
    label: 'Paid',
    definition: 'settled by the period end by payments and by credits other than write-offs',
  },
] as const;

type FunnelCounts = Record<(typeof funnelStages)[number]['key'], number>;

/**
 * The finance lead's report for a period, as of its last day. First a table of every metric of
 * the metric registry with its value per currency and its definition, then charts of the aging
 * buckets, the DSO trend, the tier mix and the collection funnel. The values come from the same
 * functions as `duedesk metrics`. The CSV is the metric table, one row per metric and currency.
 */
export const metricsReport: ReportBuilder = ({ db, request, asOf: to, scope, header }) => {
  const from = periodStart(request);
  const settings = readSettings(db);
  const agingOptions = { basis: settings.agingBasis, bounds: settings.agingBounds };
  // The tier filter already scored every client as of `to`; the grouped reports reuse it.
  const risk = scope.risk ?? riskReport(db, to, readRiskSettings(db));
  const selection = metricGroupSelection(request, scope);
  const aging = agingReport(db, to, agingOptions, false, {
    clientIds: scope.clientIds,
    currency: scope.currency,
  }).currencies;
  const sources: MetricSources = {
    collection: collectionMetrics(db, from, to),
    management: managementReport(db, from, to, risk),
    activity: collectionActivityReport(db, from, to, risk),
    trends: trendReport(
      db,
      from,
      to,
      {},
      selection.kind === 'client' ? { clientId: selection.client.id } : {},
    ),
    risk,
    aging,
    selection,
    scope,
  };
  const currencies = reportCurrencies(sources);

  const tableRows: ReportRow[] = [];
  const csvRows: ReportRow[] = [];
  // A ledger without invoices still lists every metric, once, without a currency or value.
  const rowCurrencies = currencies.length === 0 ? [''] : currencies;
  for (const metric of metricRegistry) {
    const values = rowCurrencies.map((currency) => metricValue(metric, currency, sources));
    tableRows.push({
      metric: metric.name,
      scope: values[0]?.scope ?? '',
      ...Object.fromEntries(
        currencies.map((currency, index) => [
          valueKey(currency),
          formatMetricValue(metric.unit, values[index]?.value ?? null, currency),
        ]),
      ),
      definition: metric.definition,
    });
    values.forEach(({ value, scope: valueScope }, index) => {
      const currency = rowCurrencies[index] as string;
      csvRows.push({
        metric_id: metric.id,
        metric: metric.name,
        scope: valueScope,
        currency,
        value: csvValue(metric.unit, value, currency),
        unit: metric.unit,
        definition: metric.definition,
      });
    });
  }

  const tableColumns: ReportColumn[] = [
    { key: 'metric', label: 'Metric', kind: 'text', width: 1.6 },
    { key: 'scope', label: 'Scope', kind: 'text', width: 0.9 },
    ...currencies.map(
      (currency): ReportColumn => ({
        key: valueKey(currency),
        label: currency,
        kind: 'text',
        width: 1,
      }),
    ),
    { key: 'definition', label: 'Definition', kind: 'text', width: 5 },
  ];

  const blocks: ReportBlock[] = [
    { kind: 'text', style: 'note', text: introNote(from, to, request, sources) },
    { kind: 'table', title: 'Metrics', columns: tableColumns, rows: tableRows },
    { kind: 'page-break' },
    ...agingBlocks(aging, agingOptions.bounds, to, mainCurrency(aging, settings.homeCurrency)),
    ...dsoTrendBlocks(db, to, currencies),
    tierMixBlock(db, from, to, scope),
    ...funnelBlocks(db, from, to, scope),
  ];
  return {
    header,
    blocks,
    csv: { kind: 'table', title: 'Metrics', columns: csvColumns, rows: csvRows },
    fileStem: `metrics-${from}-to-${to}`,
  };
};

const portfolioScope = 'portfolio';

const csvColumns: readonly ReportColumn[] = [
  { key: 'metric_id', label: 'Metric id', kind: 'text' },
  { key: 'metric', label: 'Metric', kind: 'text' },
  { key: 'scope', label: 'Scope', kind: 'text' },
  { key: 'currency', label: 'Currency', kind: 'text' },
  { key: 'value', label: 'Value', kind: 'decimal' },
  { key: 'unit', label: 'Unit', kind: 'text' },
  { key: 'definition', label: 'Definition', kind: 'text' },
];

function periodStart(request: ReportRequest): IsoDate {
  if (request.from === undefined) {
    throw new RangeError('The metrics report covers a period: give a from and a to date.');
  }
  return request.from;
}

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

/** Every currency any metric has a value in, or only the currency of the filter. */
function reportCurrencies(sources: MetricSources): string[] {
  if (sources.scope.currency !== null) return [sources.scope.currency];
  const currencies = new Set([
    ...Object.keys(sources.collection.currencies),
    ...sources.management.portfolio.map((group) => group.currency),
    ...sources.activity.portfolio.map((group) => group.currency),
    ...Object.keys(sources.aging),
  ]);
  return [...currencies].sort();
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
 * The value of a grouped metric for the selection, or for the portfolio when the metric is not
 * computed for the selection's kind of group (the DSO around reminders is portfolio-only).
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

/** Finds the value of `metric` in `currency`; raises for a registry metric it cannot place. */
function metricValue(
  metric: MetricDefinition,
  currency: string,
  sources: MetricSources,
): MetricValue {
  const { selection } = sources;
  const id = metric.id;
  if (collectionIds.has(id)) {
    const metrics = sources.collection.currencies[currency];
    const value = metrics === undefined ? null : metrics[id as keyof CurrencyMetrics];
    return { value, scope: portfolioScope };
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
      'electron/reports/documents/metrics-report.ts.',
  );
}

/** The measure of the period's last month, clipped to the period as the trends report clips. */
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

/** The scope of figures that the aging computes for exactly the clients of the filters. */
function filteredScope(sources: MetricSources): string {
  const { scope, selection } = sources;
  if (scope.clientIds === null) return portfolioScope;
  return selection.kind === 'portfolio' ? 'filtered clients' : selectionScope(selection);
}

/** The dashboard's overdue share: the buckets past current ÷ all buckets, unapplied left out. */
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

/** The key of a currency's value column in the PDF's metric tables. */
export function valueKey(currency: string): string {
  return `value_${currency.toLowerCase()}`;
}

/** A value as the PDF prints it, rounded as `duedesk metrics` prints it. */
export function formatMetricValue(
  unit: MetricUnit,
  value: number | null,
  currency: string,
): string {
  if (value === null) return 'n/a';
  const decimals = (digits: number) =>
    value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  switch (unit) {
    case 'money':
      return formatMoney(value, currency);
    case 'days':
      return `${decimals(2)} days`;
    case 'percent':
      return `${decimals(2)}%`;
    case 'ratio':
      return `${(value * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
    case 'score':
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
    case 'minutes':
      return `${value.toLocaleString('en-US')} min`;
    case 'count':
      return value.toLocaleString('en-US');
  }
}

/**
 * A value as the CSV holds it: money as a plain decimal in major units, days, percentages and
 * scores to 2 decimals like the CLI, ratios to 4, counts and minutes whole.
 */
function csvValue(unit: MetricUnit, value: number | null, currency: string): number | null {
  if (value === null) return null;
  switch (unit) {
    case 'money':
      return Number(formatDecimal(value, currency));
    case 'ratio':
      return roundMetric(value, 4);
    case 'count':
    case 'minutes':
      return value;
    case 'days':
    case 'percent':
    case 'score':
      return roundMetric(value, 2);
  }
}

function introNote(
  from: IsoDate,
  to: IsoDate,
  request: ReportRequest,
  sources: MetricSources,
): string {
  const parts = [
    `Metrics of ${from} to ${to}, both days included, as of the end of ${to}, per currency: ` +
      'amounts in different currencies are never added up. "n/a" marks a metric with nothing ' +
      'to measure. A monthly measure shows the last month of the period.',
  ];
  const { client, tier, manager } = request.filters;
  if (client !== undefined || tier !== undefined || manager !== undefined) {
    const narrowed =
      sources.selection.kind === 'portfolio'
        ? 'The grouped metrics cannot be computed for these filters, so'
        : `Metrics computed per ${sources.selection.kind} show ` +
          `${selectionScope(sources.selection)}, while`;
    parts.push(
      `${narrowed} the figures whose scope reads "portfolio" cover every client, whatever the ` +
        'client, tier and manager filters, as does the DSO trend chart. The overdue share, the ' +
        'aging, tier mix and funnel charts cover the clients of the filters.',
    );
  }
  return parts.join(' ');
}

/** The home currency when anything is owed in it, else the currency owed most. */
function mainCurrency(aging: Record<string, AgingTotals>, homeCurrency: string): string | null {
  if (aging[homeCurrency] !== undefined) return homeCurrency;
  const entries = Object.entries(aging).sort(([, a], [, b]) => b.total - a.total);
  return entries[0]?.[0] ?? null;
}

function agingBlocks(
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

/** DSO of the 12 whole months up to `to`, one line per currency; DSO is in days. */
function dsoTrendBlocks(db: Ledger, to: IsoDate, currencies: readonly string[]): ReportBlock[] {
  const trends = currencies.map((currency) => ({ currency, months: dsoByMonth(db, to, currency) }));
  const labels = trends[0]?.months.map((month) => month.month);
  if (labels === undefined) return [];
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
function tierMixBlock(db: Ledger, from: IsoDate, to: IsoDate, scope: ReportScope): ReportChart {
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

/** The funnel's chart and the text that defines its stages. */
function funnelBlocks(db: Ledger, from: IsoDate, to: IsoDate, scope: ReportScope): ReportBlock[] {
  const counts = funnelCounts(db, from, to, scope);
  const definitions = funnelStages.map((stage) => `${stage.label}: ${stage.definition}.`);
  return [
    {
      kind: 'chart',
      title: 'Collection funnel of the invoices due in the period',
      type: 'bar',
      labels: funnelStages.map((stage) => stage.label),
      series: [{ label: 'Invoices', values: funnelStages.map((stage) => counts[stage.key]) }],
      unit: 'count',
    },
    {
      kind: 'text',
      style: 'note',
      text:
        'Every stage counts sale invoices due in the period, so a later stage need not be ' +
        `part of the one before: a client may pay without a reminder. ${definitions.join(' ')}`,
    },
  ];
}

/**
 * Counts the funnel's stages in one query. A reminder's sending day is the day its delivery
 * was logged, or the day of its sent time, as the collection activity metrics take it.
 */
function funnelCounts(db: Ledger, from: IsoDate, to: IsoDate, scope: ReportScope): FunnelCounts {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS due,
              COALESCE(SUM(EXISTS (
                SELECT 1 FROM reminder_invoices ri JOIN reminders r ON r.id = ri.reminder_id
                WHERE ri.invoice_id = i.id AND r.status = 'sent'
                  AND COALESCE((SELECT MIN(x.occurred_on) FROM interactions x
                                WHERE x.reminder_id = r.id),
                               substr(r.sent_at, 1, 10)) <= @to)), 0) AS reminded,
              COALESCE(SUM(EXISTS (
                SELECT 1 FROM interactions x
                WHERE x.client_id = i.client_id AND x.direction = 'outbound'
                  AND x.occurred_on BETWEEN i.due_date AND @to)), 0)
                AS contacted,
              COALESCE(SUM(EXISTS (
                SELECT 1 FROM promises_to_pay p
                WHERE p.client_id = i.client_id AND p.currency = i.currency
                  AND p.made_on BETWEEN i.invoice_date AND @to)), 0) AS promised,
              COALESCE(SUM(i.amount_cents <= (
                SELECT COALESCE(SUM(a.amount_cents), 0) FROM allocations a
                LEFT JOIN credit_notes c ON c.id = a.credit_note_id
                WHERE a.invoice_id = i.id AND a.voided_at IS NULL AND a.applied_on <= @to
                  AND (c.id IS NULL OR c.kind <> 'write-off'))), 0) AS paid
       FROM invoices i
       WHERE i.kind = 'sale' AND i.status = 'issued' AND i.voided_at IS NULL
         AND i.due_date BETWEEN @from AND @to AND i.invoice_date <= @to
         AND (@clientIds IS NULL OR i.client_id IN (SELECT value FROM json_each(@clientIds)))
         AND (@currency IS NULL OR i.currency = @currency)`,
    )
    .get({ from, to, clientIds: clientIdsParameter(scope), currency: scope.currency });
  return row as FunnelCounts;
}
