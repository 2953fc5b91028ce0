import type { ReactNode } from 'react';
import type { MetricDefinition } from '../../../shared/metrics/metric-registry.ts';
import type { MetricRow } from '../../../shared/metrics/metric-rows.ts';
import { formatCount } from '../../format/figures.ts';
import { tierNames, type Grouping, type TierRow } from './metric-values.ts';

/** A column of a metrics table: one group's metrics under its label. */
export interface MetricColumn<M> {
  readonly key: string;
  readonly label: string;
  /** A second line under the label, such as the number of clients. */
  readonly detail: string;
  readonly metrics: M;
}

/** A group in the portfolio or tier list of a metrics response. */
interface GroupRow<M> {
  readonly currency: string;
  readonly clients: number;
  readonly metrics: M;
}

interface ClientGroupRow<M> {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  readonly tier: TierRow['tier'];
  readonly metrics: M;
}

/**
 * Builds the columns of `grouping` in `currency`: the one client given, each tier with a
 * client, or the whole portfolio.
 */
export function metricColumns<M>(
  answer: {
    readonly portfolio: readonly GroupRow<M>[];
    readonly tiers: readonly (GroupRow<M> & { readonly tier: TierRow['tier'] })[];
  },
  grouping: Grouping,
  currency: string,
  client: ClientGroupRow<M> | null,
): MetricColumn<M>[] {
  const clientsText = (count: number) =>
    `${formatCount(count)} ${count === 1 ? 'client' : 'clients'}`;
  if (grouping === 'client') {
    return client === null
      ? []
      : [
          {
            key: `client-${client.clientId}`,
            label: `${client.name} (${client.code})`,
            detail: tierNames[client.tier],
            metrics: client.metrics,
          },
        ];
  }
  if (grouping === 'tier') {
    return answer.tiers
      .filter((tier) => tier.currency === currency)
      .map((tier) => ({
        key: tier.tier,
        label: tierNames[tier.tier],
        detail: clientsText(tier.clients),
        metrics: tier.metrics,
      }));
  }
  return answer.portfolio
    .filter((group) => group.currency === currency)
    .map((group) => ({
      key: 'portfolio',
      label: 'All clients',
      detail: clientsText(group.clients),
      metrics: group.metrics,
    }));
}

interface MetricGroupTableProps<K extends string, M extends Readonly<Record<K, number | null>>> {
  /** The table's class, which the stylesheet and tests select it by. */
  readonly className: string;
  /** The caption, read by screen readers only. */
  readonly caption: string;
  readonly rows: readonly MetricRow<K>[];
  readonly columns: readonly MetricColumn<M>[];
  /** Renders a group's value of a metric. */
  readonly cell: (value: number | null, metric: MetricDefinition) => ReactNode;
}

/**
 * Shows a row per metric, with its name and the registry's definition in full, and a column
 * per group. The definitions are visible text rather than tooltips, so that a reader can
 * check every figure against its formula.
 */
export function MetricGroupTable<K extends string, M extends Readonly<Record<K, number | null>>>({
  className,
  caption,
  rows,
  columns,
  cell,
}: MetricGroupTableProps<K, M>) {
  return (
    <div className="table-frame">
      <table className={`figure-table ${className}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Definition</th>
            {columns.map((column) => (
              <th key={column.key} scope="col" className="numeric">
                {column.label}
                <span className="column-detail">{column.detail}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, metric }) => (
            <tr key={key} data-metric={key}>
              <th scope="row">{metric.name}</th>
              <td className="metrics-definition-cell">{metric.definition}</td>
              {columns.map((column) => (
                <td key={column.key} className="numeric">
                  {cell(column.metrics[key], metric)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
