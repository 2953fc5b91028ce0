import type { ManagementMetrics } from '../../../shared/metrics/management-metrics.ts';
import { Amount } from '../../components/amount.tsx';
import { MISSING } from '../../format/figures.ts';
import { managementRows, metricText } from './metric-values.ts';

export interface MetricsColumn {
  readonly key: string;
  readonly label: string;
  /** A second line under the label, such as the number of clients. */
  readonly detail: string;
  readonly metrics: ManagementMetrics;
}

/**
 * Shows a row per metric, with its name and the registry's definition in full, and a column
 * per group. The definitions are visible text rather than tooltips, so that a reader can
 * check every figure against its formula.
 */
export function MetricsTable({
  columns,
  currency,
}: {
  columns: readonly MetricsColumn[];
  currency: string;
}) {
  return (
    <div className="table-frame">
      <table className="figure-table metrics-table">
        <caption className="visually-hidden">Management metrics with their definitions</caption>
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
          {managementRows.map(({ key, metric }) => (
            <tr key={key} data-metric={key}>
              <th scope="row">{metric.name}</th>
              <td className="metrics-definition-cell">{metric.definition}</td>
              {columns.map((column) => {
                const value = column.metrics[key];
                return (
                  <td key={column.key} className="numeric">
                    {metric.unit !== 'money' ? (
                      metricText(value, metric)
                    ) : value === null ? (
                      MISSING
                    ) : (
                      <Amount cents={value} currency={currency} />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
