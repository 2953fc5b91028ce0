import {
  collectionActivityRows,
  roundCollectionActivity,
} from '../../shared/metrics/collection-activity-metrics.ts';
import type { MetricDefinition, MetricScope } from '../../shared/metrics/metric-registry.ts';
import type { CollectionActivityReport } from '../reports/collection-activity-report.ts';
import { groupsOf, metricGroupTables, type Grouping } from './metric-group-tables.ts';

/** Lists the groups of `by`, each with its identity and rounded metrics in one object. */
export function collectionActivityJson(report: CollectionActivityReport, by: Grouping) {
  const groups = groupsOf(report, by).map(({ metrics, ...identity }) => ({
    ...identity,
    ...roundCollectionActivity(metrics),
  }));
  return { by, firstReminderOn: report.firstReminderOn, dsoWindows: report.dsoWindows, groups };
}

/**
 * Tables per currency: a row per metric that has the scope of `by`, a column per group. The
 * DSO comparison is a portfolio figure, so it is listed only by portfolio.
 */
export function describeCollectionActivity(report: CollectionActivityReport, by: Grouping): string {
  const title = `Collection activity by ${by} ${report.from} to ${report.to}`;
  const groups = groupsOf(report, by);
  if (groups.length === 0) return `${title}\n\nNo clients invoiced by ${report.to}.`;
  const scope: MetricScope = by;
  const rows = collectionActivityRows.filter(({ metric }) => metric.scopes.includes(scope));
  const sections = [title];
  if (by === 'portfolio') {
    const windows = report.dsoWindows;
    sections.push(
      windows === null
        ? 'No reminder sent by the period end, so no DSO before and after reminders.'
        : `First reminder sent on ${report.firstReminderOn ?? ''}: DSO of ` +
            `${windows.before.from} to ${windows.before.to} against ` +
            `${windows.after.from} to ${windows.after.to}.`,
    );
  }
  const tables = metricGroupTables(groups, rows, (group, key, metric) =>
    valueText(roundCollectionActivity(group.metrics)[key], metric),
  );
  return [...sections, ...tables].join('\n\n');
}

function valueText(value: number | null, metric: MetricDefinition): string {
  if (value === null) return 'n/a';
  if (metric.unit === 'days') return `${value.toFixed(2)} days`;
  if (metric.unit === 'percent') return `${value.toFixed(2)} %`;
  if (metric.unit === 'minutes') return `${value} min`;
  return String(value);
}
