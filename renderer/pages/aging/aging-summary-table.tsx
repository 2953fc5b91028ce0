import {
  createColumnHelper,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnFiltersState,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { AgingTotals } from '../../../shared/aging.ts';
import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { AgingTotalsCells } from '../../components/aging-totals-cells.tsx';
import { Amount } from '../../components/amount.tsx';
import { ClientLabel } from '../../components/client-label.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { bucketLabel } from '../../format/bucket-label.ts';
import { formatCount } from '../../format/figures.ts';
import { useAgingFilterStore } from '../../state/aging-filter-store.ts';
import { navigate } from '../../state/route-store.ts';
import { matchesSearch } from '../../format/search-text.ts';

interface ClientAgingRow {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  readonly totals: AgingTotals;
}

interface AgingSummaryTableProps {
  readonly summary: IpcResponse<'aging/summary'>;
  readonly currency: string;
}

const column = createColumnHelper<ClientAgingRow>();

/** Shows one row per client owing in the currency, one column per bucket, and totals. */
export function AgingSummaryTable({ summary, currency }: AgingSummaryTableProps) {
  const { clientId, bucket, search } = useAgingFilterStore();
  const [sorting, setSorting] = useState<SortingState>([]);

  const rows = useMemo(
    () =>
      summary.clients.flatMap((client) => {
        const totals = client.currencies[currency];
        return totals
          ? [{ clientId: client.clientId, code: client.code, name: client.name, totals }]
          : [];
      }),
    [summary, currency],
  );

  const columns = useMemo(
    () => [
      column.accessor('name', {
        id: 'client',
        header: 'Client',
        // Long names are cut short so that every amount column fits a 1280-pixel window; the
        // tooltip and the client page show the whole name.
        cell: (context) => (
          <span className="truncated-text" title={clientTitle(context.row.original)}>
            <ClientLabel name={context.getValue()} code={context.row.original.code} />
          </span>
        ),
        filterFn: (row, _id, chosenId: number) => row.original.clientId === chosenId,
        meta: { rowHeader: true, fillsRemainingWidth: true },
      }),
      ...summary.bucketKeys.map((key) =>
        column.accessor((row) => row.totals.buckets[key] ?? 0, {
          id: `bucket:${key}`,
          header: bucketLabel(key),
          cell: (context) => <Amount cents={context.getValue()} currency={currency} />,
          // Filtering on a bucket keeps the clients that owe something in it.
          filterFn: (row, id) => row.getValue<number>(id) !== 0,
          meta: { numeric: true },
        }),
      ),
      column.accessor((row) => row.totals.unappliedPayments + row.totals.unappliedCredits, {
        id: 'unapplied',
        header: 'Unapplied',
        cell: (context) => <Amount cents={context.getValue()} currency={currency} />,
        meta: { numeric: true },
      }),
      column.accessor((row) => row.totals.total, {
        id: 'total',
        header: 'Total',
        cell: (context) => <Amount cents={context.getValue()} currency={currency} />,
        meta: { numeric: true },
      }),
      column.accessor((row) => row.totals.count, {
        id: 'count',
        header: 'Invoices',
        cell: (context) => formatCount(context.getValue()),
        meta: { numeric: true },
      }),
    ],
    [summary.bucketKeys, currency],
  );

  const columnFilters = useMemo<ColumnFiltersState>(() => {
    const filters: ColumnFiltersState = [];
    if (clientId !== null) filters.push({ id: 'client', value: clientId });
    if (bucket !== null) filters.push({ id: `bucket:${bucket}`, value: true });
    return filters;
  }, [clientId, bucket]);

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, columnFilters, globalFilter: search },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getColumnCanGlobalFilter: (candidate) => candidate.id === 'client',
    globalFilterFn: (row, _id, text: string) =>
      matchesSearch(text, row.original.name, row.original.code),
  });

  const filtered = columnFilters.length > 0 || search.trim() !== '';
  const shownRows = table.getRowModel().rows.map((row) => row.original);
  const totals = filtered ? sumTotals(shownRows, summary.bucketKeys) : summary.currencies[currency];

  return (
    <DataTable
      table={table}
      className="compact-table"
      caption={`Aging by client in ${currency}${filtered ? ', filtered' : ''}`}
      captionHidden
      emptyText={
        rows.length === 0
          ? `No client owes anything in ${currency}.`
          : 'No client matches the filters.'
      }
      onOpenRow={(row) => navigate({ page: 'client', clientId: row.clientId })}
      scrolling
      footer={
        totals && (
          <tfoot>
            <tr>
              <th scope="row">{filtered ? 'Total of the clients shown' : 'Total'}</th>
              <AgingTotalsCells
                totals={totals}
                bucketKeys={summary.bucketKeys}
                currency={currency}
              />
            </tr>
          </tfoot>
        )
      }
    />
  );
}

function clientTitle(row: ClientAgingRow): string {
  return row.code === '' ? row.name : `${row.name} (${row.code})`;
}

function sumTotals(rows: readonly ClientAgingRow[], bucketKeys: readonly string[]): AgingTotals {
  const sum: AgingTotals = {
    buckets: Object.fromEntries(bucketKeys.map((key) => [key, 0])),
    unappliedPayments: 0,
    unappliedCredits: 0,
    total: 0,
    count: 0,
  };
  for (const { totals } of rows) {
    for (const key of bucketKeys)
      sum.buckets[key] = (sum.buckets[key] ?? 0) + (totals.buckets[key] ?? 0);
    sum.unappliedPayments += totals.unappliedPayments;
    sum.unappliedCredits += totals.unappliedCredits;
    sum.total += totals.total;
    sum.count += totals.count;
  }
  return sum;
}
