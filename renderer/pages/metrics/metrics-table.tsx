import type { ManagementMetrics } from '../../../shared/metrics/management-metrics.ts';
import { Amount } from '../../components/amount.tsx';
import { MISSING } from '../../format/figures.ts';
import { MetricGroupTable, type MetricColumn } from './metric-group-table.tsx';
import { managementRows, metricText } from './metric-values.ts';

export type MetricsColumn = MetricColumn<ManagementMetrics>;

/** Shows the management metrics of each group, money as amounts in `currency`. */
export function MetricsTable({
  columns,
  currency,
}: {
  columns: readonly MetricsColumn[];
  currency: string;
}) {
  return (
    <MetricGroupTable
      className="metrics-table"
      caption="Management metrics with their definitions"
      rows={managementRows}
      columns={columns}
      cell={(value, metric) =>
        metric.unit !== 'money' ? (
          metricText(value, metric)
        ) : value === null ? (
          MISSING
        ) : (
          <Amount cents={value} currency={currency} />
        )
      }
    />
  );
}
