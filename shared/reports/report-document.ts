/**
 * A report as data, before it becomes a PDF, a CSV file or a preview in the window. Each
 * report module builds one `ReportDocument`, and the writers lay it out. Nothing here formats
 * money or reads the ledger, so a new report is a builder of blocks and nothing more.
 */

import type { IsoDate } from '../calendar-date.ts';

/**
 * Type of a column's cells, which sets how they are written and shown:
 * - `text`: free text such as a name, guarded against formula injection in CSV.
 * - `date`: an ISO date (`YYYY-MM-DD`) or null.
 * - `money`: integer minor units in the currency of the row's `currency` cell (or the
 *   column's `currency`). A plain decimal in CSV, the currency's format in the PDF.
 * - `count`, `days`: whole numbers. `percent`: a number already × 100. `decimal`: any number,
 *   or a plain decimal string such as `761.90` that keeps its trailing zeros in CSV.
 */
export type ReportColumnKind = 'text' | 'date' | 'money' | 'count' | 'days' | 'percent' | 'decimal';

export interface ReportColumn {
  /** The CSV header and the key of the cell in each row: snake_case, stable across releases. */
  readonly key: string;
  /** The PDF and preview header. */
  readonly label: string;
  readonly kind: ReportColumnKind;
  /** Currency of a money column whose rows have no `currency` cell. */
  readonly currency?: string;
  /** Relative width in the PDF, 1 when absent. */
  readonly width?: number;
  /**
   * Line wrapping for text columns: the PDF wraps long cells over several lines instead of
   * cutting them short, for prose such as a metric's definition. Rows of such tables grow to
   * fit.
   */
  readonly wrap?: boolean;
  /**
   * Alignment `right` for text columns that contain figures already formatted, such as metric
   * values in mixed units, so they line up like numbers while the CSV keeps them as text.
   */
  readonly align?: 'right';
}

export type ReportCell = string | number | null;
export type ReportRow = Readonly<Record<string, ReportCell>>;

export interface ReportTable {
  readonly kind: 'table';
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  /**
   * The rows, possibly streamed from the ledger, so they can be iterated once only. Large
   * reports pass a generator so that a million rows never sit in memory at once.
   */
  readonly rows: Iterable<ReportRow>;
  /** Rows shown in bold under the table in the PDF and preview, never written to CSV. */
  readonly totals?: readonly ReportRow[];
  /** The number of rows when known in advance, for progress, or null when not counted. */
  readonly rowCount?: number | null;
  /** Text shown instead of an empty table. */
  readonly emptyText?: string;
}

/** Label and value pairs, such as a statement's opening and closing balances. */
export interface ReportFacts {
  readonly kind: 'facts';
  readonly title?: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
}

export interface ReportText {
  readonly kind: 'text';
  readonly text: string;
  /** Text style. A heading is printed larger and bold. */
  readonly style?: 'heading' | 'body' | 'note';
}

export type ReportChartUnit = 'money' | 'days' | 'percent' | 'count';

/** A bar or line chart over labelled points, drawn as an image in the PDF. */
export interface ReportChart {
  readonly kind: 'chart';
  readonly title: string;
  readonly type: 'bar' | 'line';
  readonly stacked?: boolean;
  readonly labels: readonly string[];
  readonly series: readonly {
    readonly label: string;
    readonly values: readonly (number | null)[];
  }[];
  /** Unit of the values. Money values are minor units of `currency`, shown in major units. */
  readonly unit: ReportChartUnit;
  readonly currency?: string;
  /**
   * Half the page's width in the PDF, so that two such charts in a row stand side by side,
   * as on a one-page dashboard. The window's preview draws every chart full width.
   */
  readonly half?: boolean;
}

export interface ReportPageBreak {
  readonly kind: 'page-break';
}

export type ReportBlock = ReportTable | ReportFacts | ReportText | ReportChart | ReportPageBreak;

/** The company, title, scope and generated-on date printed at the top of a report. */
export interface ReportHeader {
  readonly company: string;
  /** The company's address, e-mail and phone on one line, or empty when unknown. */
  readonly companyContact: string;
  readonly title: string;
  /** "As of 2013-12-31" or "2013-01-01 to 2013-12-31", followed by the filters applied. */
  readonly scope: string;
  readonly generatedOn: IsoDate;
}

export interface ReportDocument {
  readonly header: ReportHeader;
  readonly blocks: readonly ReportBlock[];
  /** The one table written to CSV: a column per field, one row per record. */
  readonly csv: ReportTable;
  /** A suggested file name without extension, such as `aging-detail-2013-12-31`. */
  readonly fileStem: string;
  /** Page orientation: landscape for wide tables, portrait when absent. */
  readonly orientation?: 'portrait' | 'landscape';
}
