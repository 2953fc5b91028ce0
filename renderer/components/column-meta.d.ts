import '@tanstack/react-table';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned with tabular figures: money, counts and days. */
    numeric?: boolean;
    /** Rendered as the row's header cell (th scope="row"), naming the row for screen readers. */
    rowHeader?: boolean;
    /** Fixed width of the column in tables with a fixed layout, such as virtualised ones. */
    width?: string;
    /**
     * Takes the width the other columns leave, and no more, so long text in it cannot widen
     * the table. The cell's content should cut itself short, as a .truncated-text span does.
     */
    fillsRemainingWidth?: boolean;
  }
}
