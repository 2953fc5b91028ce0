import { flexRender, type Cell } from '@tanstack/react-table';

/** A body cell: th scope="row" for the column that names the row, td for the others. */
export function TableCell<T>({ cell }: { cell: Cell<T, unknown> }) {
  const meta = cell.column.columnDef.meta;
  const content = flexRender(cell.column.columnDef.cell, cell.getContext());
  const classes = [meta?.numeric ? 'numeric' : '', meta?.fillsRemainingWidth ? 'fill-cell' : ''];
  const className = classes.filter(Boolean).join(' ') || undefined;
  if (meta?.rowHeader) {
    return (
      <th scope="row" className={className}>
        {content}
      </th>
    );
  }
  return <td className={className}>{content}</td>;
}
