import { PageHeading } from '../../components/page-heading.tsx';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { useAsOfStore } from '../../state/as-of-store.ts';
import { useCurrency } from '../../state/currency-store.ts';
import { AgingDetailTable } from './aging-detail-table.tsx';
import { AgingFilters } from './aging-filters.tsx';
import { AgingSummaryTable } from './aging-summary-table.tsx';

export function AgingPage() {
  const asOf = useAsOfStore((state) => state.asOf);
  const currency = useCurrency();
  const summary = useIpcQuery('aging/summary', { asOf });
  const detail = useIpcQuery('aging/detail', currency === null ? null : { asOf, currency });
  const loading = summary.loading || detail.loading;
  return (
    <section aria-busy={loading}>
      <PageHeading title="Aging" asOf={asOf} currency={currency} />
      {summary.value === null || currency === null ? (
        <p className="placeholder">{loading ? 'Loading the aging…' : 'No aging to show.'}</p>
      ) : (
        <>
          <AgingFilters summary={summary.value} currency={currency} />
          <section className="panel" aria-labelledby="aging-summary-heading">
            <h2 id="aging-summary-heading">By client</h2>
            <AgingSummaryTable summary={summary.value} currency={currency} />
          </section>
          <section className="panel" aria-labelledby="aging-detail-heading">
            <h2 id="aging-detail-heading">Open invoices</h2>
            {detail.value === null ? (
              <p className="placeholder">Loading the open invoices…</p>
            ) : (
              <AgingDetailTable rows={detail.value.rows} currency={currency} />
            )}
          </section>
        </>
      )}
    </section>
  );
}
