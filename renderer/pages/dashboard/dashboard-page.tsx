import { formatMoney } from '../../../shared/money.ts';
import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { Amount } from '../../components/amount.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { bucketLabel } from '../../format/bucket-label.ts';
import { formatMonth } from '../../format/dates.ts';
import { formatDays, formatPercentPoints, formatShare } from '../../format/figures.ts';
import { useAsOfStore } from '../../state/as-of-store.ts';
import { useCurrency } from '../../state/currency-store.ts';
import { useLedgerStore } from '../../state/ledger-store.ts';
import { AgingChart } from './aging-chart.tsx';
import { DsoChart } from './dso-chart.tsx';
import { MetricCard } from './metric-card.tsx';
import { metricDefinitions } from './metric-definitions.ts';

type Dashboard = IpcResponse<'dashboard/get'>;

export function DashboardPage() {
  const asOf = useAsOfStore((state) => state.asOf);
  const currency = useCurrency();
  const empty = useLedgerStore((state) => state.summary?.invoices === 0);
  const { value, loading } = useIpcQuery(
    'dashboard/get',
    currency === null ? null : { asOf, currency },
  );
  return (
    <section aria-busy={loading}>
      <PageHeading title="Dashboard" asOf={asOf} currency={currency} />
      {empty && (
        <p className="notice notice-warning">
          This ledger has no invoices yet. <a href="#/import">Import a CSV file</a> to fill it.
        </p>
      )}
      {value === null ? (
        <p className="placeholder">{loading ? 'Loading the dashboard…' : 'No figures to show.'}</p>
      ) : (
        <>
          <MetricCards dashboard={value} />
          <div className="chart-grid">
            <AgingPanel dashboard={value} />
            <DsoPanel dashboard={value} />
          </div>
        </>
      )}
    </section>
  );
}

function MetricCards({ dashboard }: { dashboard: Dashboard }) {
  const { currency } = dashboard;
  // The share is of open invoice balances, before unapplied payments and credits, so its
  // base differs from the total receivables beside it and is stated.
  const openInvoicesCents = sumBuckets(dashboard.buckets);
  return (
    <div className="metric-grid">
      <MetricCard
        label="Total receivables"
        value={<Amount cents={dashboard.totalReceivablesCents} currency={currency} />}
        definition={metricDefinitions.totalReceivables}
      />
      <MetricCard
        label="Overdue share"
        value={formatShare(dashboard.overdueShare)}
        detail={
          `${formatMoney(dashboard.overdueCents, currency)} past due of ` +
          `${formatMoney(openInvoicesCents, currency)} open invoices`
        }
        definition={metricDefinitions.overdueShare}
      />
      <MetricCard
        label="DSO"
        value={formatDays(dashboard.dso)}
        detail="last 90 days"
        definition={metricDefinitions.dso}
      />
      <MetricCard
        label="CEI"
        value={formatPercentPoints(dashboard.cei)}
        detail="last 90 days"
        definition={metricDefinitions.cei}
      />
      <MetricCard
        label="Average days late"
        value={formatDays(dashboard.averageDaysLate)}
        detail="invoices settled in the last 90 days"
        definition={metricDefinitions.averageDaysLate}
      />
    </div>
  );
}

/**
 * Shows the aging chart beside a table whose rows add up to the Total receivables card: the
 * open balance of each bucket, then the payments and credits not yet applied to an invoice.
 */
function AgingPanel({ dashboard }: { dashboard: Dashboard }) {
  const { currency } = dashboard;
  return (
    <section className="panel" aria-labelledby="aging-chart-heading">
      <h2 id="aging-chart-heading">Aging</h2>
      <div className="chart-with-table">
        <AgingChart buckets={dashboard.buckets} currency={currency} />
        <table className="figure-table aging-figures">
          <caption className="visually-hidden">
            Open balance per aging bucket, unapplied payments and credits, and total receivables
          </caption>
          <thead>
            <tr>
              <th scope="col">Bucket</th>
              <th scope="col" className="numeric">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {dashboard.buckets.map((bucket) => (
              <tr key={bucket.key}>
                <th scope="row">{bucketLabel(bucket.key)}</th>
                <td className="numeric">
                  <Amount cents={bucket.cents} currency={currency} />
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row" className="wrapping-row-header">
                Unapplied payments and credits
              </th>
              <td className="numeric">
                <Amount cents={dashboard.unappliedCents} currency={currency} />
              </td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total receivables</th>
              <td className="numeric">
                <Amount cents={dashboard.totalReceivablesCents} currency={currency} />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function DsoPanel({ dashboard }: { dashboard: Dashboard }) {
  const months = dashboard.dsoByMonth;
  const first = months[0]?.month;
  const last = months.at(-1)?.month;
  const noSales = months.every((entry) => entry.dso === null);
  return (
    <section className="panel" aria-labelledby="dso-chart-heading">
      <h2 id="dso-chart-heading">DSO by month</h2>
      {first !== undefined && last !== undefined && (
        <p className="panel-scope">
          Whole months from {formatMonth(first)} to {formatMonth(last)}: the month of the as-of date
          counts only when the as-of date is its last day.
        </p>
      )}
      {noSales ? (
        // An empty chart would read as a blank panel or a broken drawing.
        <p className="placeholder chart-placeholder">No credit sales in these months.</p>
      ) : (
        <>
          <DsoChart months={months} />
          <DsoTable months={months} />
        </>
      )}
    </section>
  );
}

function DsoTable({ months }: { months: Dashboard['dsoByMonth'] }) {
  return (
    <details className="chart-data">
      <summary>DSO by month as a table</summary>
      <table className="figure-table">
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col" className="numeric">
              DSO
            </th>
          </tr>
        </thead>
        <tbody>
          {months.map((entry) => (
            <tr key={entry.month}>
              <th scope="row">{formatMonth(entry.month)}</th>
              <td className="numeric">{formatDays(entry.dso)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function sumBuckets(buckets: Dashboard['buckets']): number {
  return buckets.reduce((sum, bucket) => sum + bucket.cents, 0);
}
