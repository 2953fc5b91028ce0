import {
  managementMetricRows,
  roundManagementMetrics,
  type ManagementMetrics,
} from '../../shared/metrics/management-metrics.ts';
import { findMetric, type MetricDefinition } from '../../shared/metrics/metric-registry.ts';
import { formatMoney } from '../../shared/money.ts';
import type {
  ManagementGroup,
  ManagementReport,
  TierKey,
} from '../reports/management-metrics-report.ts';
import { formatTable } from './text-table.ts';

export type Grouping = 'portfolio' | 'tier' | 'client';

export const groupings: readonly Grouping[] = ['portfolio', 'tier', 'client'];

const rows = managementMetricRows;

export const tierLabels: Readonly<Record<TierKey, string>> = {
  high: 'High risk',
  medium: 'Medium risk',
  low: 'Low risk',
  unscored: 'Not scored',
};

/** Value columns per table, so that a table of names and four columns fits in 100 columns. */
const columnsPerTable = 4;

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
  const sections = [title];
  const currencies = [...new Set(groups.map((group) => group.currency))];
  for (const currency of currencies) {
    const inCurrency = groups.filter((group) => group.currency === currency);
    for (let start = 0; start < inCurrency.length; start += columnsPerTable) {
      const chunk = inCurrency.slice(start, start + columnsPerTable);
      const header = [currency, ...chunk.map(label)];
      const table = rows.map(({ key, metric }) => [
        metric.name,
        ...chunk.map((group) =>
          valueText(roundManagementMetrics(group.metrics)[key], metric, currency),
        ),
      ]);
      const right = new Set(chunk.map((_, index) => index + 1));
      sections.push(formatTable(header, table, right));
    }
  }
  return sections.join('\n\n');
}

type Group = ManagementGroup & { tier?: TierKey; code?: string };

function groupsOf(report: ManagementReport, by: Grouping): Group[] {
  if (by === 'tier') return report.tiers;
  if (by === 'client') return report.clients;
  return report.portfolio;
}

function label(group: Group): string {
  if (group.code !== undefined) return group.code;
  if (group.tier !== undefined) return tierLabels[group.tier];
  return 'All clients';
}

function valueText(value: number | null, metric: MetricDefinition, currency: string): string {
  if (value === null) return 'n/a';
  if (metric.unit === 'money') return formatMoney(value, currency);
  if (metric.unit === 'days') return `${value.toFixed(2)} days`;
  if (metric.unit === 'percent') return `${value.toFixed(2)} %`;
  return value.toFixed(2);
}
