import type { MetricDefinition } from '../../shared/metrics/metric-registry.ts';
import type { TierKey } from '../reports/management-metrics-report.ts';
import { formatTable } from './text-table.ts';

export type Grouping = 'portfolio' | 'tier' | 'client';

export const groupings: readonly Grouping[] = ['portfolio', 'tier', 'client'];

export const tierLabels: Readonly<Record<TierKey, string>> = {
  high: 'High risk',
  medium: 'Medium risk',
  low: 'Low risk',
  unscored: 'Not scored',
};

/** Value columns per table, so that a table of names and four columns fits in 100 columns. */
const columnsPerTable = 4;

/** A group of a metrics report: a client has a code, a tier its tier, the portfolio neither. */
export interface MetricGroup<M> {
  readonly currency: string;
  readonly tier?: TierKey;
  readonly code?: string;
  readonly metrics: M;
}

/** A report's groups per client, per tier and per currency for the portfolio. */
export interface GroupedReport<G> {
  readonly portfolio: readonly G[];
  readonly tiers: readonly G[];
  readonly clients: readonly G[];
}

/** Returns the groups of a report that `by` lists. */
export function groupsOf<G>(report: GroupedReport<G>, by: Grouping): readonly G[] {
  if (by === 'tier') return report.tiers;
  if (by === 'client') return report.clients;
  return report.portfolio;
}

/**
 * Tables per currency, each of at most `columnsPerTable` groups: a row per metric of `rows`, a
 * column per group, with `cell` writing a group's value of a metric.
 */
export function metricGroupTables<M, G extends MetricGroup<M>>(
  groups: readonly G[],
  rows: readonly { readonly key: keyof M; readonly metric: MetricDefinition }[],
  cell: (group: G, key: keyof M, metric: MetricDefinition) => string,
): string[] {
  const tables: string[] = [];
  const currencies = [...new Set(groups.map((group) => group.currency))];
  for (const currency of currencies) {
    const inCurrency = groups.filter((group) => group.currency === currency);
    for (let start = 0; start < inCurrency.length; start += columnsPerTable) {
      const chunk = inCurrency.slice(start, start + columnsPerTable);
      const header = [currency, ...chunk.map(label)];
      const table = rows.map(({ key, metric }) => [
        metric.name,
        ...chunk.map((group) => cell(group, key, metric)),
      ]);
      tables.push(formatTable(header, table, new Set(chunk.map((_, index) => index + 1))));
    }
  }
  return tables;
}

function label(group: { readonly tier?: TierKey; readonly code?: string }): string {
  if (group.code !== undefined) return group.code;
  if (group.tier !== undefined) return tierLabels[group.tier];
  return 'All clients';
}
