import { flexRender, type Header } from '@tanstack/react-table';

/**
 * A column heading that sorts the table when activated. aria-sort tells screen readers the
 * current order; the arrow shows it to everyone else.
 */
export function SortableHeader<T>({ header }: { header: Header<T, unknown> }) {
  const { column } = header;
  const sorted = column.getIsSorted();
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
    <th
      scope="col"
      className={className}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
    >
      <button type="button" className="sort-button" onClick={column.getToggleSortingHandler()}>
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
