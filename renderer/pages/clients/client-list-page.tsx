import {
  createColumnHelper,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { Amount } from '../../components/amount.tsx';
import { ClientLabel } from '../../components/client-label.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { formatCount, MISSING } from '../../format/figures.ts';
import { matchesSearch } from '../../format/search-text.ts';
import { useAsOfStore } from '../../state/as-of-store.ts';
import { navigate } from '../../state/route-store.ts';
import { byCurrencyThenAmount } from './sort-money.ts';

type ClientRow = IpcResponse<'clients/list'>['rows'][number];

const column = createColumnHelper<ClientRow>();

const columns = [
  column.accessor('name', {
    header: 'Client',
    cell: (context) => <ClientLabel name={context.getValue()} code={context.row.original.code} />,
    meta: { rowHeader: true },
  }),
  column.accessor('currency', { header: 'Currency' }),
  column.accessor('balanceCents', {
    header: 'Balance',
    cell: (context) => (
      <Amount cents={context.getValue()} currency={context.row.original.currency} />
    ),
    sortingFn: byCurrencyThenAmount,
    meta: { numeric: true },
  }),
  column.accessor('overdueCents', {
    header: 'Overdue',
    cell: (context) => (
      <Amount cents={context.getValue()} currency={context.row.original.currency} />
    ),
    sortingFn: byCurrencyThenAmount,
    meta: { numeric: true },
  }),
  column.accessor('openInvoices', {
    header: 'Open invoices',
    cell: (context) => formatCount(context.getValue()),
    meta: { numeric: true },
  }),
  column.accessor('lastPaymentDate', {
    header: 'Last payment',
    cell: (context) => context.getValue() ?? MISSING,
    // Clients who never paid sort after those who did, in either direction.
    sortUndefined: 'last',
  }),
];

export function ClientListPage() {
  const asOf = useAsOfStore((state) => state.asOf);
  const { value, loading } = useIpcQuery('clients/list', { asOf });
  const [search, setSearch] = useState('');
  return (
    <section aria-busy={loading}>
      <PageHeading title="Clients" asOf={asOf} />
      <div className="filter-bar" role="search" aria-label="Filter the clients">
        <label className="field field-grow">
          <span>Search</span>
          <input
            type="search"
            value={search}
            placeholder="Client name or code"
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
      </div>
      {value === null ? (
        <p className="placeholder">{loading ? 'Loading the clients…' : 'No clients to show.'}</p>
      ) : (
        <ClientTable rows={value.rows} search={search} />
      )}
    </section>
  );
}

function ClientTable({ rows, search }: { rows: readonly ClientRow[]; search: string }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const data = useMemo(
    // tanstack's sortUndefined handles undefined only, and the contract sends null.
    () => rows.map((row) => ({ ...row, lastPaymentDate: row.lastPaymentDate ?? undefined })),
    [rows],
  ) as ClientRow[];
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: search },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getColumnCanGlobalFilter: (candidate) => candidate.id === 'name',
    globalFilterFn: (row, _id, text: string) =>
      matchesSearch(text, row.original.name, row.original.code),
  });
  const shownCount = table.getRowModel().rows.length;
  return (
    <DataTable
      table={table}
      caption={`Clients, ${formatCount(shownCount)} of ${formatCount(rows.length)} shown`}
      emptyText={
        rows.length === 0
          ? 'The ledger has no clients yet. Import a file to add some.'
          : 'No client matches the search.'
      }
      onOpenRow={(row) => navigate({ page: 'client', clientId: row.clientId })}
    />
  );
}
