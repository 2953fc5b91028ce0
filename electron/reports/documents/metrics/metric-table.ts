/**
 * The table of metric values shared by the metrics and collection activity reports, and the
 * metrics' definitions printed under it. A table row is one line in the PDF, so definitions,
 * which run to several lines, are printed as wrapped text rather than cut off in a cell.
 */

import type { MetricDefinition } from '../../../../shared/metrics/metric-registry.ts';
import type {
  ReportBlock,
  ReportColumn,
  ReportRow,
  ReportTable,
} from '../../../../shared/reports/report-document.ts';
import { formatMetricValue, valueKey } from './metric-format.ts';
import type { MetricValue } from './metric-values.ts';

export interface MetricTableOptions {
  readonly title: string;
  readonly metrics: readonly MetricDefinition[];
  /** One value column per currency, in this order. */
  readonly currencies: readonly string[];
  readonly valueOf: (metric: MetricDefinition, currency: string) => MetricValue;
  readonly emptyText?: string;
}

/**
 * Builds a table with a row per metric: its name, the group its values are for and a
 * formatted value per currency. Without currencies the table has no rows and shows `emptyText`.
 */
export function metricValueTable(options: MetricTableOptions): ReportTable {
  const { title, metrics, currencies, valueOf } = options;
  const rows: ReportRow[] =
    currencies.length === 0
      ? []
      : metrics.map((metric) => {
          const values = currencies.map((currency) => valueOf(metric, currency));
          return {
            metric: metric.name,
            scope: values[0]?.scope ?? '',
            ...Object.fromEntries(
              currencies.map((currency, index) => [
                valueKey(currency),
                formatMetricValue(metric.unit, values[index]?.value ?? null, currency),
              ]),
            ),
          };
        });

  const columns: ReportColumn[] = [
    { key: 'metric', label: 'Metric', kind: 'text', width: 2.6 },
    { key: 'scope', label: 'Scope', kind: 'text', width: 1.7 },
    ...currencies.map(
      (currency): ReportColumn => ({
        key: valueKey(currency),
        label: currency,
        kind: 'text',
        align: 'right',
        width: 1.1,
      }),
    ),
  ];

  const table: ReportTable = { kind: 'table', title, columns, rows };
  return options.emptyText === undefined ? table : { ...table, emptyText: options.emptyText };
}

/** Returns a heading, then one paragraph per metric with its name and definition. */
export function metricDefinitionBlocks(
  heading: string,
  metrics: readonly MetricDefinition[],
): ReportBlock[] {
  return [
    { kind: 'text', style: 'heading', text: heading },
    ...metrics.map(
      (metric): ReportBlock => ({
        kind: 'text',
        style: 'body',
        text: `${metric.name}: ${metric.definition}`,
      }),
    ),
  ];
}
