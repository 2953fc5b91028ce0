import type { Table } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { SortableHeader } from './sortable-header.tsx';
import { TableCell } from './table-cell.tsx';
import { useRowNavigation } from './use-row-navigation.ts';

interface DataTableProps<T> {
  readonly table: Table<T>;
  readonly caption: string;
  /** Makes rows open something on click or Enter; rows are plain otherwise. */
  readonly onOpenRow?: (row: T) => void;
  /** A tfoot, such as a totals row. */
  readonly footer?: ReactNode;
  readonly emptyText: string;
  readonly className?: string;
  /** Keeps the caption for screen readers only, where a heading above already names the table. */
  readonly captionHidden?: boolean;
  /** Caps the height and scrolls, keeping the heading row and the footer in view. */
  readonly scrolling?: boolean;
  /** Id of an element that explains the table's figures, for aria-describedby. */
  readonly describedBy?: string;
}

/** Renders a sortable table with every row in the DOM, for lists of up to a few thousand rows. */
export function DataTable<T>({
  table,
  caption,
  onOpenRow,
  footer,
  emptyText,
  className,
  captionHidden = false,
  scrolling = false,
  describedBy,
}: DataTableProps<T>) {
  const rows = table.getRowModel().rows;
  const navigation = useRowNavigation({
    rowCount: rows.length,
    onOpen: (index) => {
      const row = rows[index];
      if (row && onOpenRow) onOpenRow(row.original);
    },
  });
  const columnCount = table.getVisibleLeafColumns().length;
  return (
    <div className={scrolling ? 'table-frame table-frame-scrolling' : 'table-frame'}>
      <table
        className={['data-table', className].filter(Boolean).join(' ')}
        aria-describedby={describedBy}
      >
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortableHeader key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody ref={navigation.bodyRef}>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columnCount} className="empty-cell">
                {emptyText}
              </td>
            </tr>
          )}
          {rows.map((row, index) => (
            <tr
              key={row.id}
              className={onOpenRow ? 'openable-row' : undefined}
              {...(onOpenRow ? navigation.rowProps(index) : {})}
            >
              {row.getVisibleCells().map((cell) => (
                <TableCell key={cell.id} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
        {footer}
      </table>
    </div>
  );
}
