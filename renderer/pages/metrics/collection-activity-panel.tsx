import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import {
  collectionActivityRows,
  type CollectionActivityMetrics,
} from '../../../shared/metrics/collection-activity-metrics.ts';
import type { MetricDefinition } from '../../../shared/metrics/metric-registry.ts';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { formatCount, MISSING } from '../../format/figures.ts';
import { formatLongDate } from '../../format/dates.ts';
import { MetricGroupTable, metricColumns, type MetricColumn } from './metric-group-table.tsx';
import { metricText, type Grouping } from './metric-values.ts';

type ActivityAnswer = IpcResponse<'metrics/collection-activity'>;

interface CollectionActivityPanelProps {
  /** Null while the page's period is invalid: nothing is requested then. */
  readonly period: { readonly from: string; readonly to: string } | null;
  readonly grouping: Grouping;
  readonly currency: string | null;
  /** The client shown when grouping by client. */
  readonly clientId: number | null;
}

/**
 * Shows the collection activity metrics of the period for the page's grouping and currency, a
 * row per metric with its definition in full. Metrics without the grouping's scope, such as the
 * portfolio's DSO before and after reminders, are left out of the table.
 */
export function CollectionActivityPanel({
  period,
  grouping,
  currency,
  clientId,
}: CollectionActivityPanelProps) {
  const { value, loading } = useIpcQuery('metrics/collection-activity', period);
  const columns =
    value === null || currency === null ? [] : columnsOf(value, grouping, currency, clientId);
  const rows = collectionActivityRows.filter(({ metric }) => metric.scopes.includes(grouping));
  return (
    <section className="panel" aria-labelledby="activity-table-heading" aria-busy={loading}>
      <h2 id="activity-table-heading">Collection activity</h2>
      {value !== null && grouping === 'portfolio' && (
        <p className="page-scope">
          {value.dsoWindows === null
            ? 'No reminder was sent by the end of the period, so DSO is not compared.'
            : `DSO compares ${formatLongDate(value.dsoWindows.before.from)} to ` +
              `${formatLongDate(value.dsoWindows.before.to)} with ` +
              `${formatLongDate(value.dsoWindows.after.from)} to ` +
              `${formatLongDate(value.dsoWindows.after.to)}, around the first reminder sent on ` +
              `${formatLongDate(value.firstReminderOn ?? value.dsoWindows.before.to)}.`}
        </p>
      )}
      {columns.length === 0 ? (
        <p className="placeholder">
          {loading ? 'Loading the collection activity…' : 'No collection activity to show.'}
        </p>
      ) : (
        <MetricGroupTable
          className="activity-table"
          caption="Collection activity metrics with their definitions"
          rows={rows}
          columns={columns}
          cell={activityText}
        />
      )}
    </section>
  );
}

function activityText(value: number | null, metric: MetricDefinition): string {
  if (value === null) return MISSING;
  if (metric.unit === 'minutes') return `${formatCount(value)} min`;
  if (metric.unit === 'count') return formatCount(value);
  return metricText(value, metric);
}

function columnsOf(
  answer: ActivityAnswer,
  grouping: Grouping,
  currency: string,
  clientId: number | null,
): MetricColumn<CollectionActivityMetrics>[] {
  const inCurrency = answer.clients.filter((client) => client.currency === currency);
  const client = inCurrency.find((row) => row.clientId === clientId) ?? inCurrency[0] ?? null;
  return metricColumns(answer, grouping, currency, client);
}
