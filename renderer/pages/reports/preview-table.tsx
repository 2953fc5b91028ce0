import type { ReportPreviewValue } from './use-report-preview.ts';

type PreviewBlock = ReportPreviewValue['blocks'][number];
export type PreviewTableBlock = Extract<PreviewBlock, { kind: 'table' }>;

/** Characters beyond which a text cell, such as a note, wraps instead of widening the table. */
const LONG_TEXT = 40;

/**
 * Renders one table of the preview: its first rows as the report formats them, numbers
 * right-aligned, the totals rows in the footer, and how many rows only the saved file has.
 */
export function PreviewTable({ table }: { table: PreviewTableBlock }) {
  const align = (index: number) => (table.columns[index]?.numeric ? 'numeric' : undefined);
  const cellClass = (index: number, cell: string) => {
    const classes = [align(index), cell.length > LONG_TEXT ? 'long-text' : null];
    return classes.filter(Boolean).join(' ') || undefined;
  };

  return (
    <section className="report-table">
      <h3>{table.title}</h3>
      {table.emptyText !== null ? (
        <p className="placeholder">{table.emptyText}</p>
      ) : (
        <div className="table-frame table-frame-scrolling">
          <table
            className={
              table.totals.length > 1
                ? 'data-table compact-table many-totals'
                : 'data-table compact-table'
            }
          >
            <thead>
              <tr>
                {table.columns.map((column, index) => (
                  <th key={index} scope="col" className={align(index)}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, index) => (
                    <td key={index} className={cellClass(index, cell)}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            {table.totals.length > 0 && (
              <tfoot>
                {table.totals.map((row, rowIndex) => (
                  <tr key={rowIndex}>
                    {row.map((cell, index) => (
                      <td key={index} className={align(index)}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tfoot>
            )}
          </table>
        </div>
      )}
      <MoreRows moreRows={table.moreRows} />
    </section>
  );
}

function MoreRows({ moreRows }: { moreRows: number | boolean }) {
  if (moreRows === false || moreRows === 0) return null;
  const text =
    moreRows === true
      ? 'More rows follow in the saved file.'
      : `${moreRows.toLocaleString('en-US')} more ${moreRows === 1 ? 'row' : 'rows'} in the ` +
        'saved file.';
  return <p className="report-more-rows hint">{text}</p>;
}
