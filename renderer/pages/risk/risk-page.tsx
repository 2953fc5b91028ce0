import {
  createColumnHelper,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type OnChangeFn,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Amount } from '../../components/amount.tsx';
import { ClientLabel } from '../../components/client-label.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { formatCount, formatShare, MISSING } from '../../format/figures.ts';
import { matchesSearch } from '../../format/search-text.ts';
import { useAsOfStore } from '../../state/as-of-store.ts';
import { useCurrency } from '../../state/currency-store.ts';
import { navigate } from '../../state/route-store.ts';
import { RisingClients } from './rising-clients.tsx';
import {
  riskDefinitions,
  tierDefinition,
  tierLabels,
  tierOrder,
  type RiskRow,
  type RiskTier,
} from './risk-definitions.ts';
import { TierMixPanel } from './tier-mix-panel.tsx';
import { TierPolicyTable } from './tier-policy-table.tsx';

const column = createColumnHelper<RiskRow>();

function heading(label: string, definition: string) {
  return () => <span title={definition}>{label}</span>;
}

const clientColumn = column.accessor('name', {
  header: 'Client',
  cell: (context) => <ClientLabel name={context.getValue()} code={context.row.original.code} />,
  meta: { rowHeader: true },
});

// Every row of a table is in the page's currency, so amounts compare directly.
const moneyColumns = [
  column.accessor('balanceCents', {
    header: heading('Balance', riskDefinitions.balance),
    cell: (context) => (
      <Amount cents={context.getValue()} currency={context.row.original.currency} />
    ),
    meta: { numeric: true },
  }),
  column.accessor('overdueCents', {
    header: heading('Overdue', riskDefinitions.overdue),
    cell: (context) => (
      <Amount cents={context.getValue()} currency={context.row.original.currency} />
    ),
    meta: { numeric: true },
  }),
  column.accessor((row) => row.creditLimitCents ?? undefined, {
    id: 'creditLimit',
    header: heading('Credit limit', riskDefinitions.creditLimit),
    cell: (context) => {
      const cents = context.getValue();
      return cents === undefined ? (
        MISSING
      ) : (
        <Amount cents={cents} currency={context.row.original.currency} />
      );
    },
    // tanstack's sortUndefined handles undefined only, and the contract sends null.
    sortUndefined: 'last',
    meta: { numeric: true },
  }),
  column.accessor((row) => row.utilisation ?? undefined, {
    id: 'utilisation',
    header: heading('Utilisation', riskDefinitions.utilisation),
    cell: (context) => formatShare(context.getValue() ?? null),
    sortUndefined: 'last',
    meta: { numeric: true },
  }),
  column.accessor((row) => changeText(row), {
    id: 'change',
    header: heading('Change', riskDefinitions.change),
    cell: (context) =>
      context.row.original.rose ? (
        <strong className="tier-rose">{context.getValue()}</strong>
      ) : (
        context.getValue()
      ),
  }),
];

/** Describes the tier at the previous quarter end and whether the tier rose or fell since. */
function changeText(row: RiskRow): string {
  if (row.previousStatus === 'not-invoiced') return 'New client';
  if (row.previousTier === null) return row.tier === null ? 'Unscored' : 'First score';
  const before = tierLabels[row.previousTier].replace(' risk', '').toLowerCase();
  if (row.tier === null) return `Was ${before}`;
  if (row.rose) return `Rose from ${before}`;
  return row.tier === row.previousTier ? `Same (${before})` : `Fell from ${before}`;
}

const scoredColumns = [
  clientColumn,
  column.accessor((row) => row.score ?? 0, {
    id: 'score',
    header: heading('Score', riskDefinitions.score),
    meta: { numeric: true },
  }),
  ...moneyColumns,
];

const unscoredColumns = [
  clientColumn,
  column.accessor((row) => row.settledInvoices ?? 0, {
    id: 'settled',
    header: heading('Settled invoices', riskDefinitions.insufficientHistory),
    cell: (context) =>
      `${formatCount(context.getValue())} of ${formatCount(context.row.original.needed ?? 0)} ` +
      'needed',
    meta: { numeric: true },
  }),
  ...moneyColumns,
];

export function RiskPage() {
  const asOf = useAsOfStore((state) => state.asOf);
  const currency = useCurrency();
  const { value, loading } = useIpcQuery('risk/segmentation', { asOf });
  const [search, setSearch] = useState('');
  // One order for every section, so that a heading clicked in one sorts them all alike.
  const [sorting, setSorting] = useState<SortingState>([{ id: 'score', desc: true }]);
  const rows = useMemo(
    () => (value?.clients ?? []).filter((row) => row.currency === currency),
    [value, currency],
  );
  return (
    <section aria-busy={loading}>
      <PageHeading title="Client risk" asOf={asOf} currency={currency} />
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
      <p className="hint table-note" id="risk-definitions">
        Score: {riskDefinitions.score} {value ? tierDefinition(value.tierThresholds) : ''}{' '}
        Utilisation: {riskDefinitions.utilisation}
        {value ? ` Change: compared with ${value.previousQuarterEnd}.` : ''}
      </p>
      {value === null || currency === null ? (
        <p className="placeholder">{loading ? 'Loading the scores…' : 'No scores to show.'}</p>
      ) : value.clients.length === 0 ? (
        <p className="placeholder">No client was invoiced by this date.</p>
      ) : rows.length === 0 ? (
        <p className="placeholder">No client has {currency} as its main currency.</p>
      ) : (
        <>
          <TierPolicyTable policies={value.tierPolicies} texts={value.policyTexts} />
          <TierMixPanel points={value.tierMix} currency={currency} />
          <RisingClients rows={rows} previousQuarterEnd={value.previousQuarterEnd} />
          {tierOrder.map((tier) => (
            <TierSection
              key={tier}
              tier={tier}
              rows={rows}
              search={search}
              sorting={sorting}
              onSortingChange={setSorting}
            />
          ))}
          <UnscoredSection rows={rows} search={search} />
        </>
      )}
    </section>
  );
}

interface SectionProps {
  /** Every client of the page's currency; a section picks its own. */
  readonly rows: readonly RiskRow[];
  readonly search: string;
}

function TierSection({
  tier,
  rows,
  search,
  sorting,
  onSortingChange,
}: SectionProps & {
  tier: RiskTier;
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
}) {
  const data = useMemo(() => rows.filter((row) => row.tier === tier), [rows, tier]);
  const headingId = `risk-${tier}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {tierLabels[tier]} ({formatCount(data.length)})
      </h2>
      <RiskTable
        data={data}
        columns={scoredColumns}
        search={search}
        sorting={sorting}
        onSortingChange={onSortingChange}
        caption={`${tierLabels[tier]} clients`}
        emptyText={data.length === 0 ? 'No client in this tier.' : 'No client matches the search.'}
      />
    </section>
  );
}

function UnscoredSection({ rows, search }: SectionProps) {
  const data = useMemo(() => rows.filter((row) => row.status !== 'scored'), [rows]);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'settled', desc: true }]);
  if (data.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="risk-unscored-heading">
      <h2 id="risk-unscored-heading">Too little history ({formatCount(data.length)})</h2>
      <p className="hint">{riskDefinitions.insufficientHistory}</p>
      <RiskTable
        data={data}
        columns={unscoredColumns}
        search={search}
        sorting={sorting}
        onSortingChange={setSorting}
        caption="Clients with too little history to score"
        emptyText="No client matches the search."
      />
    </section>
  );
}

interface RiskTableProps {
  readonly data: RiskRow[];
  readonly columns: typeof scoredColumns;
  readonly search: string;
  readonly sorting: SortingState;
  readonly onSortingChange: OnChangeFn<SortingState>;
  readonly caption: string;
  readonly emptyText: string;
}

function RiskTable({
  data,
  columns,
  search,
  sorting,
  onSortingChange,
  caption,
  emptyText,
}: RiskTableProps) {
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: search },
    onSortingChange,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getColumnCanGlobalFilter: (candidate) => candidate.id === 'name',
    globalFilterFn: (row, _id, text: string) =>
      matchesSearch(text, row.original.name, row.original.code),
  });
  return (
    <DataTable
      table={table}
      caption={caption}
      captionHidden
      className="risk-table"
      describedBy="risk-definitions"
      emptyText={emptyText}
      onOpenRow={(row) => navigate({ page: 'client', clientId: row.clientId })}
    />
  );
}
