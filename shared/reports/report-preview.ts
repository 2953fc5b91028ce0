/**
 * A report's first rows as plain, formatted text, for the Reports page to show before the
 * user saves the whole report. The figures come from the same cells as the files.
 */

import { displayCell, isRightAligned } from './report-cells.ts';
import type {
  ReportBlock,
  ReportChart,
  ReportDocument,
  ReportFacts,
  ReportHeader,
  ReportText,
} from './report-document.ts';

export interface PreviewTable {
  readonly kind: 'table';
  readonly title: string;
  readonly columns: readonly { readonly label: string; readonly numeric: boolean }[];
  readonly rows: readonly (readonly string[])[];
  readonly totals: readonly (readonly string[])[];
  /** Rows left out of the preview: a count when known, else true when there are more. */
  readonly moreRows: number | boolean;
  readonly emptyText: string | null;
}

export type PreviewBlock = PreviewTable | ReportFacts | ReportText | ReportChart;

export interface ReportPreview {
  readonly header: ReportHeader;
  readonly blocks: readonly PreviewBlock[];
  readonly fileStem: string;
  /** The CSV's column keys, so that the page can list what the CSV contains. */
  readonly csvColumns: readonly string[];
}

/** Formats up to `rowLimit` rows of each table of `document`, and drops page breaks. */
export function previewReport(document: ReportDocument, rowLimit = 100): ReportPreview {
  const blocks: PreviewBlock[] = [];
  for (const block of document.blocks) {
    const preview = previewBlock(block, rowLimit);
    if (preview) blocks.push(preview);
  }
  return {
    header: document.header,
    blocks,
    fileStem: document.fileStem,
    csvColumns: document.csv.columns.map((column) => column.key),
  };
}

function previewBlock(block: ReportBlock, rowLimit: number): PreviewBlock | null {
  if (block.kind === 'page-break') return null;
  if (block.kind !== 'table') return block;
  const rows: string[][] = [];
  let more = false;
  for (const row of block.rows) {
    if (rows.length === rowLimit) {
      more = true;
      break;
    }
    rows.push(block.columns.map((column) => displayCell(column, row)));
  }
  const known = block.rowCount ?? null;
  return {
    kind: 'table',
    title: block.title,
    columns: block.columns.map((column) => ({
      label: column.label,
      numeric: isRightAligned(column),
    })),
    rows,
    totals: (block.totals ?? []).map((row) =>
      block.columns.map((column) => displayCell(column, row)),
    ),
    moreRows: known !== null ? Math.max(0, known - rows.length) : more,
    emptyText: rows.length === 0 ? (block.emptyText ?? 'Nothing to show.') : null,
  };
}
