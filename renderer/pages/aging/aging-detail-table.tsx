import {
  createColumnHelper,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnFiltersState,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { Amount } from '../../components/amount.tsx';
import { SortableHeader } from '../../components/sortable-header.tsx';
import { TableCell } from '../../components/table-cell.tsx';
import { useRowNavigation } from '../../components/use-row-navigation.ts';
import { bucketLabel } from '../../format/bucket-label.ts';
import { formatCount } from '../../format/figures.ts';
import { foldForSearch } from '../../format/search-text.ts';
import { useAgingFilterStore } from '../../state/aging-filter-store.ts';
import { navigate } from '../../state/route-store.ts';

type InvoiceRow = IpcResponse<'aging/detail'>['rows'][number];

// Invoice number and client name folded on the first search and kept, so that later
// keystrokes do not fold 100,000 strings again. Weak, so rows of an old response are freed.
const searchTexts = new WeakMap<InvoiceRow, string>();

function searchTextOf(row: InvoiceRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    text = foldForSearch(`${row.number} ${row.clientName}`);
    searchTexts.set(row, text);
  }
  return text;
}

/** Row height in CSS pixels; the stylesheet fixes rows of .virtual-table at the same height. */
const ROW_HEIGHT = 34;

const column = createColumnHelper<InvoiceRow>();

interface AgingDetailTableProps {
  readonly rows: IpcResponse<'aging/detail'>['rows'];
  readonly currency: string;
}

/**
 * Lists every open invoice, virtualised: only the rows in view, and a few beyond, are in the
 * DOM, so a hundred thousand invoices scroll as smoothly as a hundred.
 */
export function AgingDetailTable({ rows, currency }: AgingDetailTableProps) {
  const { clientId, bucket, search } = useAgingFilterStore();
  // Filtering 100,000 rows takes a moment; the search field stays responsive meanwhile.
  const deferredSearch = useDeferredValue(search);
  const [sorting, setSorting] = useState<SortingState>([]);
  const scroller = useRef<HTMLDivElement>(null);

  const columns = useMemo(
    () => [
      column.accessor('number', {
        header: 'Invoice',
        meta: { rowHeader: true, width: '11%' },
        filterFn: (row, _id, text: string) => searchTextOf(row.original).includes(text),
      }),
      column.accessor('clientName', {
        id: 'client',
        header: 'Client',
        filterFn: (row, _id, clientId: number) => row.original.clientId === clientId,
        meta: { width: '21%' },
      }),
      column.accessor('invoiceDate', { header: 'Invoice date', meta: { width: '10%' } }),
      column.accessor('dueDate', { header: 'Due date', meta: { width: '10%' } }),
      column.accessor('daysPastDue', {
        header: 'Days past due',
        cell: (context) => formatCount(context.getValue()),
        meta: { numeric: true, width: '13%' },
      }),
      column.accessor('bucket', {
        header: 'Bucket',
        cell: (context) => bucketLabel(context.getValue()),
        filterFn: 'equals',
        meta: { width: '11%' },
      }),
      column.accessor('amountCents', {
        header: 'Amount',
        cell: (context) => <Amount cents={context.getValue()} currency={currency} />,
        meta: { numeric: true, width: '12%' },
      }),
      column.accessor('balanceCents', {
        header: 'Balance',
        cell: (context) => <Amount cents={context.getValue()} currency={currency} />,
        meta: { numeric: true, width: '12%' },
      }),
    ],
    [currency],
  );

  const columnFilters = useMemo<ColumnFiltersState>(() => {
    const filters: ColumnFiltersState = [];
    if (clientId !== null) filters.push({ id: 'client', value: clientId });
    if (bucket !== null) filters.push({ id: 'bucket', value: bucket });
    const text = foldForSearch(deferredSearch.trim());
    if (text !== '') filters.push({ id: 'number', value: text });
    return filters;
  }, [clientId, bucket, deferredSearch]);

  const table = useReactTable({
    data: rows as InvoiceRow[],
    columns,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const filteredRows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: filteredRows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // Fewer rows beyond the viewport and no synchronous flush on scroll: fast scrolling
    // replaces every row each frame, and both cut the work of that frame.
    overscan: 4,
    useFlushSync: false,
    // Keeps a row scrolled to by keyboard from hiding under the sticky header row.
    scrollPaddingStart: ROW_HEIGHT,
  });
  const navigation = useRowNavigation({
    rowCount: filteredRows.length,
    onOpen: (index) => {
      const row = filteredRows[index];
      if (row) navigate({ page: 'client', clientId: row.original.clientId });
    },
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  });

  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const activeRendered = items.some((item) => item.index === navigation.activeIndex);
  const columnCount = columns.length;

  const balance = useMemo(
    () => filteredRows.reduce((sum, row) => sum + row.original.balanceCents, 0),
    [filteredRows],
  );

  return (
    <>
      <p className="table-summary" aria-live="polite">
        {formatCount(filteredRows.length)} of {formatCount(rows.length)} open invoices shown,
        balance <Amount cents={balance} currency={currency} />
      </p>
      <div className="table-scroller" ref={scroller}>
        <table className="data-table virtual-table" aria-rowcount={filteredRows.length + 1}>
          <caption className="visually-hidden">Open invoices in {currency}</caption>
          <colgroup>
            {table.getVisibleLeafColumns().map((leaf) => (
              // Fixed widths, because rows scrolling in and out would otherwise resize columns.
              <col key={leaf.id} style={{ width: leaf.columnDef.meta?.width }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => (
                  <SortableHeader key={header.id} header={header} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody ref={navigation.bodyRef}>
            {filteredRows.length === 0 && (
              <tr>
                <td colSpan={columnCount} className="empty-cell">
                  {rows.length === 0
                    ? 'No open invoices at this date.'
                    : 'No invoice matches the filters.'}
                </td>
              </tr>
            )}
            {paddingTop > 0 && <SpacerRow height={paddingTop} columnCount={columnCount} />}
            {items.map((item, position) => {
              const row = filteredRows[item.index];
              if (!row) return null;
              const tabbable = activeRendered
                ? item.index === navigation.activeIndex
                : position === 0;
              return (
                <tr
                  key={row.id}
                  className="openable-row"
                  aria-rowindex={item.index + 2}
                  {...navigation.rowProps(item.index, tabbable)}
                >
                  {row.getVisibleCells().map((cell) => (
                    <TableCell key={cell.id} cell={cell} />
                  ))}
                </tr>
              );
            })}
            {paddingBottom > 0 && <SpacerRow height={paddingBottom} columnCount={columnCount} />}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Stands in for the rows above or below the rendered ones, so the scroll bar stays true. */
function SpacerRow({ height, columnCount }: { height: number; columnCount: number }) {
  return (
    <tr className="spacer-row" aria-hidden="true">
      <td colSpan={columnCount} style={{ height }} />
    </tr>
  );
}
