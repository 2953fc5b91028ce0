import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { formatMonth } from '../../format/dates.ts';
import { hrefFor } from '../../state/route-store.ts';
import { ClientTrendCharts } from '../trends/client-trend-charts.tsx';
import { ClientTrendTable } from '../trends/client-trend-table.tsx';
import { trendPeriod } from '../trends/trends-definitions.ts';

/**
 * The client's payment trends over the 12 whole months up to the as-of date, as on the
 * Trends page. It requests the trends report for this client alone.
 */
export function ClientTrendsPanel({ clientId, asOf }: { clientId: number; asOf: string }) {
  const period = trendPeriod(asOf);
  const { value, loading } = useIpcQuery('trends/report', { ...period, clientId });
  const series = value?.client ?? null;
  return (
    <section className="panel" aria-labelledby="client-trends-heading" aria-busy={loading}>
      <h2 id="client-trends-heading">Payment trends</h2>
      <p className="panel-scope">
        Whole months from {formatMonth(period.from.slice(0, 7))} to{' '}
        {formatMonth(period.to.slice(0, 7))}
        {series === null ? '' : `, in ${series.currency}, the client's main currency`}.{' '}
        <a href={hrefFor({ page: 'trends', clientId })}>Show on the Trends page</a>
      </p>
      {series === null ? (
        <p className="placeholder">
          {loading ? 'Loading the trends…' : `No invoice for this client by ${period.to}.`}
        </p>
      ) : (
        <>
          <ClientTrendCharts series={series} />
          <ClientTrendTable series={series} />
        </>
      )}
    </section>
  );
}
