import { flexRender, type Header } from '@tanstack/react-table';

/**
 * A column heading that sorts the table when activated. aria-sort gives screen readers the
 * current order; the arrow shows it to everyone else.
 */
const ARIA_SORT = { asc: 'ascending', desc: 'descending', none: 'none' } as const;
const ARROW = { asc: '▲', desc: '▼', none: '↕' } as const;

export function SortableHeader<T>({ header }: { header: Header<T, unknown> }) {
  const { column } = header;
  const sorted = column.getIsSorted() || 'none';
  const className = column.columnDef.meta?.numeric ? 'numeric' : undefined;
  const label = flexRender(column.columnDef.header, header.getContext());
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={className}>
        {label}
      </th>
    );
  }
  return (
    <th scope="col" className={className} aria-sort={ARIA_SORT[sorted]}>
      <button type="button" className="sort-button" onClick={column.getToggleSortingHandler()}>
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {ARROW[sorted]}
        </span>
      </button>
    </th>
  );
}
