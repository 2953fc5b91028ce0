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
import { useCurrency } from '../../state/currency-store.ts';
import { navigate } from '../../state/route-store.ts';
import { byCurrencyThenAmount } from './sort-money.ts';

type ClientRow = IpcResponse<'clients/list'>['rows'][number];

const column = createColumnHelper<ClientRow>();

/** Shown above the table and as the Balance heading's tooltip. */
const balanceDefinition =
  'Balance = open invoices − unapplied payments and credits. Payments and credits not yet ' +
  'applied to an invoice lower it, so Overdue can be larger than Balance.';

const columns = [
  column.accessor('name', {
    header: 'Client',
    cell: (context) => <ClientLabel name={context.getValue()} code={context.row.original.code} />,
    meta: { rowHeader: true },
  }),
  column.accessor('currency', { header: 'Currency' }),
  column.accessor('balanceCents', {
    header: () => <span title={balanceDefinition}>Balance</span>,
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
  const currency = useCurrency();
  const { value, loading } = useIpcQuery('clients/list', { asOf });
  const [search, setSearch] = useState('');
  return (
    <section aria-busy={loading}>
      <PageHeading title="Clients" asOf={asOf} currency={currency} />
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
      <p className="hint table-note" id="client-balance-definition">
        {balanceDefinition}
      </p>
      {value === null || currency === null ? (
        <p className="placeholder">{loading ? 'Loading the clients…' : 'No clients to show.'}</p>
      ) : (
        <ClientTable rows={value.rows} currency={currency} search={search} />
      )}
    </section>
  );
}

interface ClientTableProps {
  /** Every client, once per currency it deals in. */
  readonly rows: readonly ClientRow[];
  /** Only this currency's rows are shown, as amounts of different currencies don't compare. */
  readonly currency: string;
  readonly search: string;
}

function ClientTable({ rows, currency, search }: ClientTableProps) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const data = useMemo(
    () =>
      rows
        .filter((row) => row.currency === currency)
        // tanstack's sortUndefined handles undefined only, and the contract sends null.
        .map((row) => ({ ...row, lastPaymentDate: row.lastPaymentDate ?? undefined })),
    [rows, currency],
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
  let emptyText = 'No client matches the search.';
  if (rows.length === 0) emptyText = 'The ledger has no clients yet. Import a file to add some.';
  else if (data.length === 0) emptyText = `No client deals in ${currency}.`;
  return (
    <DataTable
      table={table}
      caption={
        `Clients in ${currency}, ${formatCount(shownCount)} of ${formatCount(data.length)} ` +
        'shown'
      }
      describedBy="client-balance-definition"
      emptyText={emptyText}
      onOpenRow={(row) => navigate({ page: 'client', clientId: row.clientId })}
    />
  );
}
