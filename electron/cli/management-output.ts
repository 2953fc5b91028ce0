import {
  managementMetricRows,
  roundManagementMetrics,
} from '../../shared/metrics/management-metrics.ts';
import type { MetricDefinition } from '../../shared/metrics/metric-registry.ts';
import { formatMoney } from '../../shared/money.ts';
import type { ManagementReport } from '../reports/management-metrics-report.ts';
import { groupsOf, metricGroupTables, type Grouping } from './metric-group-tables.ts';

export { groupings, tierLabels, type Grouping } from './metric-group-tables.ts';

/** Lists the groups of `by`, each with its identity and rounded metrics in one object. */
export function managementJson(report: ManagementReport, by: Grouping) {
  const groups = groupsOf(report, by).map(({ metrics, ...identity }) => ({
    ...identity,
    ...roundManagementMetrics(metrics),
  }));
  return { by, monthEnds: report.monthEnds, groups };
}

/** Tables per currency: a row per metric, a column per group of `by`. */
export function describeManagement(report: ManagementReport, by: Grouping): string {
  const title = `Management metrics by ${by} ${report.from} to ${report.to}`;
  const groups = groupsOf(report, by);
  if (groups.length === 0) return `${title}\n\nNo clients invoiced by ${report.to}.`;
  const tables = metricGroupTables(groups, managementMetricRows, (group, key, metric) =>
    valueText(roundManagementMetrics(group.metrics)[key], metric, group.currency),
  );
  return [title, ...tables].join('\n\n');
}

function valueText(value: number | null, metric: MetricDefinition, currency: string): string {
  if (value === null) return 'n/a';
  if (metric.unit === 'money') return formatMoney(value, currency);
  if (metric.unit === 'days') return `${value.toFixed(2)} days`;
  if (metric.unit === 'percent') return `${value.toFixed(2)} %`;
  return value.toFixed(2);
}
