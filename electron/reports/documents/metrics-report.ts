import type { IsoDate } from '../../../shared/calendar-date.ts';
import { metricRegistry } from '../../../shared/metrics/metric-registry.ts';
import type {
  ReportBlock,
  ReportColumn,
  ReportRow,
} from '../../../shared/reports/report-document.ts';
import type { ReportRequest } from '../../../shared/reports/report-request.ts';
import { readRiskSettings } from '../../ledger/risk-settings-store.ts';
import { readSettings } from '../../ledger/settings-store.ts';
import { riskReport } from '../../risk/risk-report.ts';
import { trendReport } from '../../trends/trend-report.ts';
import { agingReport } from '../aging-report.ts';
import { collectionActivityReport } from '../collection-activity-report.ts';
import { collectionMetrics } from '../collection-metrics-report.ts';
import { managementReport } from '../management-metrics-report.ts';
import type { ReportBuilder } from '../report-builder.ts';
import { funnelBlocks } from './metrics/collection-funnel.ts';
import {
  agingBlocks,
  dsoTrendBlocks,
  mainCurrency,
  tierMixBlock,
} from './metrics/metric-charts.ts';
import { csvMetricValue } from './metrics/metric-format.ts';
import { metricDefinitionBlocks, metricValueTable } from './metrics/metric-table.ts';
import {
  metricGroupSelection,
  metricValue,
  selectionScope,
  type MetricSources,
} from './metrics/metric-values.ts';

const csvColumns: readonly ReportColumn[] = [
  { key: 'metric_id', label: 'Metric id', kind: 'text' },
  { key: 'metric', label: 'Metric', kind: 'text' },
  { key: 'scope', label: 'Scope', kind: 'text' },
  { key: 'currency', label: 'Currency', kind: 'text' },
  { key: 'value', label: 'Value', kind: 'decimal' },
  { key: 'unit', label: 'Unit', kind: 'text' },
  { key: 'definition', label: 'Definition', kind: 'text' },
];

/**
 * Builds the finance lead's report for a period, as of its last day. First a table of every
 * metric of the metric registry with its value per currency, then charts of the aging buckets,
 * the DSO trend, the tier mix and the collection funnel, then the definition of every metric.
 * The values come from the same functions as `duedesk metrics`. The CSV is the metric table
 * with the definitions, one row per metric and currency.
 */
export const metricsReport: ReportBuilder = ({ db, request, asOf: to, scope, header }) => {
  const from = periodStart(request);
  const settings = readSettings(db);
  const agingOptions = { basis: settings.agingBasis, bounds: settings.agingBounds };

  // The tier filter already scored every client as of `to`, so the grouped reports reuse it.
  const risk = scope.risk ?? riskReport(db, to, readRiskSettings(db));
  const selection = metricGroupSelection(request, scope);
  const aging = agingReport(db, to, agingOptions, false, {
    clientIds: scope.clientIds,
    currency: scope.currency,
  }).currencies;

  const sources: MetricSources = {
    collection: collectionMetrics(db, from, to, {
      clientIds: scope.clientIds,
      currency: scope.currency,
    }),
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

  const blocks: ReportBlock[] = [
    { kind: 'text', style: 'note', text: introNote(from, to, request, sources) },
    metricValueTable({
      title: 'Metrics',
      metrics: metricRegistry,
      currencies,
      valueOf: (metric, currency) => metricValue(metric, currency, sources),
      emptyText:
        `Nothing was invoiced, paid or credited by ${to}, so no metric has a value: each ` +
        'reads n/a.',
    }),
    { kind: 'page-break' },
    ...twoByTwo([
      ...agingBlocks(aging, agingOptions.bounds, to, mainCurrency(aging, settings.homeCurrency)),
      ...dsoTrendBlocks(db, to, currencies),
      tierMixBlock(db, from, to, scope),
      ...funnelBlocks(db, from, to, scope),
    ]),
    { kind: 'page-break' },
    ...metricDefinitionBlocks('Definitions of the metrics', metricRegistry),
  ];

  return {
    header,
    blocks,
    csv: {
      kind: 'table',
      title: 'Metrics',
      columns: csvColumns,
      rows: csvRows(sources, currencies),
    },
    fileStem: `metrics-${from}-to-${to}`,
  };
};

/**
 * Builds the CSV rows, one per metric and currency. A ledger without invoices still lists
 * every metric, once, without a currency or value.
 */
function csvRows(sources: MetricSources, currencies: readonly string[]): ReportRow[] {
  const rowCurrencies = currencies.length === 0 ? [''] : currencies;
  return metricRegistry.flatMap((metric) =>
    rowCurrencies.map((currency) => {
      const { value, scope } = metricValue(metric, currency, sources);
      return {
        metric_id: metric.id,
        metric: metric.name,
        scope,
        currency,
        value: csvMetricValue(metric.unit, value, currency),
        unit: metric.unit,
        definition: metric.definition,
      };
    }),
  );
}

function periodStart(request: ReportRequest): IsoDate {
  if (request.from === undefined) {
    throw new RangeError('The metrics report covers a period: give a from and a to date.');
  }
  return request.from;
}

/** Lists every currency any metric has a value in, or only the currency of the filter. */
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

function introNote(
  from: IsoDate,
  to: IsoDate,
  request: ReportRequest,
  sources: MetricSources,
): string {
  const parts = [
    `Metrics of ${from} to ${to}, both days included, as of the end of ${to}, per currency: ` +
      'amounts in different currencies are never added up. "n/a" marks a metric with nothing ' +
      'to measure. A monthly measure shows the last month of the period. The definitions ' +
      'follow the charts.',
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
        'client, tier and manager filters, as does the DSO trend chart. DSO, CEI, days late, ' +
        'the overdue share, and the aging, tier mix and funnel charts cover the clients of the ' +
        'filters.',
    );
  }
  return parts.join(' ');
}

/**
 * Puts the charts first, at half width, then the notes that go with them. The PDF places
 * consecutive half-width charts side by side, so four charts and their notes fit one page.
 */
function twoByTwo(blocks: readonly ReportBlock[]): ReportBlock[] {
  const charts = blocks.flatMap((block) =>
    block.kind === 'chart' ? [{ ...block, half: true }] : [],
  );
  return [...charts, ...blocks.filter((block) => block.kind !== 'chart')];
}
