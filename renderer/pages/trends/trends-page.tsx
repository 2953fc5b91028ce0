import { useEffect, useRef, type ReactNode } from 'react';
import { Amount } from '../../components/amount.tsx';
import { ClientLabel } from '../../components/client-label.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { formatMonth } from '../../format/dates.ts';
import { formatCount, formatDays, formatShare } from '../../format/figures.ts';
import { useAsOfStore } from '../../state/as-of-store.ts';
import { useCurrency } from '../../state/currency-store.ts';
import { hrefFor } from '../../state/route-store.ts';
import { ClientPicker } from './client-picker.tsx';
import { ClientTrendCharts } from './client-trend-charts.tsx';
import { ClientTrendTable } from './client-trend-table.tsx';
import { TrendChart } from './trend-chart.tsx';
import {
  metric,
  trendPeriod,
  type TrendAlertRow,
  type TrendClientRow,
  type TrendMonth,
} from './trends-definitions.ts';

interface TrendColumn {
  readonly metricId: string;
  readonly cell: (month: TrendMonth, currency: string) => ReactNode;
}

// Titles and hints come from the metric registry, which the CLI prints too.
const columns: readonly TrendColumn[] = [
  { metricId: 'dso', cell: (month) => formatDays(month.dso) },
  { metricId: 'averagePaymentDays', cell: (month) => formatDays(month.averagePaymentDays) },
  // The report's averageDaysLate is signed, which the registry calls days against terms.
  { metricId: 'daysAgainstTerms', cell: (month) => formatDays(month.averageDaysLate) },
  { metricId: 'lateShare', cell: (month) => formatShare(month.lateShare) },
  { metricId: 'settledInvoices', cell: (month) => formatCount(month.settledInvoices) },
  {
    metricId: 'creditSales',
    cell: (month, currency) => <Amount cents={month.creditSalesCents} currency={currency} />,
  },
  {
    metricId: 'endingReceivables',
    cell: (month, currency) => <Amount cents={month.receivablesCents} currency={currency} />,
  },
];

/** Shows all clients' trends and alerts, or one client's months when `clientId` names one. */
export function TrendsPage({ clientId }: { clientId: number | null }) {
  const asOf = useAsOfStore((state) => state.asOf);
  const headerCurrency = useCurrency();
  const period = trendPeriod(asOf);
  const { value, loading } = useIpcQuery('trends/report', period);
  const chosen = value?.clients.find((client) => client.clientId === clientId);
  // A client's months are in its main currency, whatever the header shows; the portfolio and
  // the alerts stay in the header's currency.
  const currency = chosen?.currency ?? headerCurrency;
  const months = headerCurrency === null ? undefined : value?.portfolio[headerCurrency];
  // A currency with no sales and nothing settled in the period has only flat or empty lines.
  const noInvoices =
    months === undefined ||
    months.every((month) => month.creditSalesCents === 0 && month.settledInvoices === 0);
  const alerts = (value?.alerts ?? []).filter((alert) => alert.currency === headerCurrency);
  // An alert's link changes the charts far above it, so focus follows it there.
  const focusChart = useRef(false);
  useEffect(() => {
    if (!focusChart.current) return;
    focusChart.current = false;
    document.getElementById('trends-months-heading')?.focus();
  }, [clientId]);
  return (
    <section aria-busy={loading}>
      <PageHeading title="Payment trends" asOf={asOf} currency={currency} />
      <p className="page-scope">
        Whole months from {formatMonth(period.from.slice(0, 7))} to{' '}
        {formatMonth(period.to.slice(0, 7))}: the month of the as-of date counts only when the as-of
        date is its last day.
      </p>
      {value === null || headerCurrency === null ? (
        <p className="placeholder">{loading ? 'Loading the trends…' : 'No trends to show.'}</p>
      ) : (
        <>
          <ClientPicker clients={value.clients} chosenId={clientId} />
          {clientId !== null ? (
            <ChosenClientTrends clientId={clientId} client={chosen} period={period} />
          ) : (
            <section className="panel" aria-labelledby="trends-months-heading">
              <h2 id="trends-months-heading">All clients by month</h2>
              {noInvoices || months === undefined ? (
                <p className="placeholder chart-placeholder">No invoices in this period.</p>
              ) : (
                <>
                  <TrendChart
                    months={months}
                    dsoLabel={metric('dso').name}
                    termsLabel={metric('daysAgainstTerms').name}
                  />
                  <TrendTable months={months} currency={headerCurrency} />
                </>
              )}
            </section>
          )}
          <AlertsPanel
            alerts={alerts}
            onShowTrends={() => {
              focusChart.current = true;
            }}
          />
        </>
      )}
    </section>
  );
}

interface ChosenClientTrendsProps {
  readonly clientId: number;
  /** The picker's entry, or undefined when the client had no invoice by the period's end. */
  readonly client: TrendClientRow | undefined;
  readonly period: { readonly from: string; readonly to: string };
}

/** Shows one client's charts and table, requested alone so that no other client's months travel. */
function ChosenClientTrends({ clientId, client, period }: ChosenClientTrendsProps) {
  const { value, loading } = useIpcQuery(
    'trends/report',
    client === undefined ? null : { ...period, clientId },
  );
  // The previous client's response stays until the new one arrives; it must not show meanwhile.
  const series = value?.client?.clientId === clientId ? value.client : null;
  return (
    <section className="panel" aria-labelledby="trends-months-heading" aria-busy={loading}>
      <h2 id="trends-months-heading" tabIndex={-1}>
        {client === undefined ? (
          'Client by month'
        ) : (
          <>
            <ClientLabel name={client.name} code={client.code} /> by month
          </>
        )}
      </h2>
      {client === undefined ? (
        <p className="placeholder">
          This client has no invoice by {period.to}. Choose another, or all clients.
        </p>
      ) : series === null ? (
        <p className="placeholder chart-placeholder">Loading the client's trends…</p>
      ) : (
        <>
          <p className="panel-scope">
            In {series.currency}, the client's main currency.{' '}
            <a href={hrefFor({ page: 'client', clientId })}>Open the client</a>
          </p>
          <ClientTrendCharts series={series} />
          <ClientTrendTable series={series} />
        </>
      )}
    </section>
  );
}

function TrendTable({ months, currency }: { months: readonly TrendMonth[]; currency: string }) {
  return (
    <table className="figure-table trends-table">
      <caption className="visually-hidden">Payment trends of all clients by month</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          {columns.map(({ metricId }) => {
            const { name, definition } = metric(metricId);
            return (
              <th key={metricId} scope="col" className="numeric" title={definition}>
                {name}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {months.map((month) => (
          <tr key={month.month}>
            <th scope="row">{formatMonth(month.month)}</th>
            {columns.map(({ metricId, cell }) => (
              <td key={metricId} className="numeric">
                {cell(month, currency)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface AlertsPanelProps {
  readonly alerts: readonly TrendAlertRow[];
  /** Called when a link to an alerted client's trends is followed. */
  readonly onShowTrends: () => void;
}

function AlertsPanel({ alerts, onShowTrends }: AlertsPanelProps) {
  return (
    <section className="panel" aria-labelledby="trends-alerts-heading">
      <h2 id="trends-alerts-heading">Alerts ({formatCount(alerts.length)})</h2>
      <p className="hint">
        A client is listed when its average days against terms over the last 3 months exceeds the 3
        months before by more than 10 days, or its share of late invoices rose by 25 points or more.
      </p>
      {alerts.length === 0 ? (
        <p className="placeholder">No alerts.</p>
      ) : (
        <ul className="trend-alerts">
          {alerts.map((alert) => (
            <li key={`${alert.clientId} ${alert.kind}`}>
              <a href={hrefFor({ page: 'client', clientId: alert.clientId })}>
                <ClientLabel name={alert.name} code={alert.code} />
              </a>
              : <span className="alert-sentence">{alert.sentence}</span>{' '}
              <a
                className="alert-trends-link"
                href={hrefFor({ page: 'trends', clientId: alert.clientId })}
                aria-label={`Show the trends of ${alert.name}`}
                onClick={onShowTrends}
              >
                Show its trends
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
