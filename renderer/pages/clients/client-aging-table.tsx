import type { AgingTotals } from '../../../shared/aging.ts';
import { AgingTotalsCells } from '../../components/aging-totals-cells.tsx';
import { bucketLabel } from '../../format/bucket-label.ts';

interface ClientAgingTableProps {
  readonly aging: Record<string, AgingTotals>;
}

/** The client's aging, one row per currency. */
export function ClientAgingTable({ aging }: ClientAgingTableProps) {
  const currencies = Object.keys(aging);
  if (currencies.length === 0) {
    return <p className="placeholder">Nothing is open at this date.</p>;
  }
  // Every currency is aged with the same bounds, so the first one's keys, which the main
  // process lists youngest first, head the columns.
  const bucketKeys = Object.keys(aging[currencies[0] as string]?.buckets ?? {});
  return (
    <div className="table-frame">
      <table className="data-table">
        <caption className="visually-hidden">Aging of this client per currency</caption>
        <thead>
          <tr>
            <th scope="col">Currency</th>
            {bucketKeys.map((key) => (
              <th key={key} scope="col" className="numeric">
                {bucketLabel(key)}
              </th>
            ))}
            <th scope="col" className="numeric">
              Unapplied
            </th>
            <th scope="col" className="numeric">
              Total
            </th>
            <th scope="col" className="numeric">
              Invoices
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(aging).map(([currency, totals]) => (
            <tr key={currency}>
              <th scope="row">{currency}</th>
              <AgingTotalsCells totals={totals} bucketKeys={bucketKeys} currency={currency} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
