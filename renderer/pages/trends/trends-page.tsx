import type { ReactNode } from 'react';
import { Amount } from '../../components/amount.tsx';
import { ClientLabel } from '../../components/client-label.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { formatMonth } from '../../format/dates.ts';
import { formatCount, formatDays, formatShare } from '../../format/figures.ts';
import { useAsOfStore } from '../../state/as-of-store.ts';
import { useCurrency } from '../../state/currency-store.ts';
import { hrefFor } from '../../state/route-store.ts';
import { TrendChart } from './trend-chart.tsx';
import { metric, trendPeriod, type TrendAlertRow, type TrendMonth } from './trends-definitions.ts';

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

export function TrendsPage() {
  const asOf = useAsOfStore((state) => state.asOf);
  const currency = useCurrency();
  const period = trendPeriod(asOf);
  const { value, loading } = useIpcQuery('trends/report', period);
  const months = currency === null ? undefined : value?.portfolio[currency];
  // A currency with no sales and nothing settled in the period has only flat or empty lines.
  const noInvoices =
    months === undefined ||
    months.every((month) => month.creditSalesCents === 0 && month.settledInvoices === 0);
  const alerts = (value?.alerts ?? []).filter((alert) => alert.currency === currency);
  return (
    <section aria-busy={loading}>
      <PageHeading title="Payment trends" asOf={asOf} currency={currency} />
      <p className="page-scope">
        Whole months from {formatMonth(period.from.slice(0, 7))} to{' '}
        {formatMonth(period.to.slice(0, 7))}: the month of the as-of date counts only when the as-of
        date is its last day.
      </p>
      {value === null || currency === null ? (
        <p className="placeholder">{loading ? 'Loading the trends…' : 'No trends to show.'}</p>
      ) : (
        <>
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
                <TrendTable months={months} currency={currency} />
              </>
            )}
          </section>
          <AlertsPanel alerts={alerts} />
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

function AlertsPanel({ alerts }: { alerts: readonly TrendAlertRow[] }) {
  return (
    <section className="panel" aria-labelledby="trends-alerts-heading">
      <h2 id="trends-alerts-heading">Alerts ({formatCount(alerts.length)})</h2>
      <p className="hint">
        A client is listed when its average days late over the last 3 months exceeds the 3 months
        before by more than 10 days, or its share of late invoices rose by 25 points or more.
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
              : <span className="alert-sentence">{alert.sentence}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
