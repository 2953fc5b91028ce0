/**
 * Finding the table inside a report-style export, which may put a company name, a report title
 * and an "As of" line above the header and total lines below or between the data rows.
 */

/** A parsed CSV row, of which only the cells matter here. */
export interface TableRow {
  readonly cells: string[];
}

// Rows below a header candidate that are compared with it.
const FOLLOWING_ROWS_COMPARED = 5;

// Labels that name nothing but a total: "Total", "TOTAL AR", "Grand Total:", "Sum", "Subtotal".
const TOTAL_QUALIFIER = String.raw`ar|a/r|due|amount|balance|outstanding|receivables?`;
const TOTAL_ONLY_LABEL = new RegExp(
  String.raw`^(?:(?:grand|sub)[\s-]*)?(?:totals?|sum)(?:\s+(?:${TOTAL_QUALIFIER}))?\s*:?$`,
  'i',
);
// "Total" followed by other words, as in "Total Acme Corp" subtotals, but also "Total Wine & More".
const TOTAL_PREFIX_LABEL = /^(?:grand\s+)?totals?\b/i;
// A date in a cell marks a transaction row: 12/31/2026, 2026-12-31, 31.12.26.
const DATE_LIKE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/;

/**
 * Returns the index in `rows` of the header row, or -1 when no row has two non-empty cells.
 *
 * With `isKnownHeader`, the first row it accepts wins. Otherwise the header is the first row with
 * at least 2 non-empty cells whose next rows (up to 5) mostly have about as many non-empty cells,
 * never more. Title lines above the table, such as a company name or "As of Dec 31, 2026", fail
 * that test and are skipped. When no row passes, the first row with 2 non-empty cells is used.
 */
export function findHeaderRow(
  rows: readonly TableRow[],
  isKnownHeader?: (cells: string[]) => boolean,
): number {
  if (isKnownHeader) {
    const known = rows.findIndex((row) => isKnownHeader(row.cells));
    if (known !== -1) return known;
  }

  const counts = rows.map((row) => countNonEmpty(row.cells));
  let firstWide = -1;
  for (let index = 0; index < rows.length; index += 1) {
    const count = counts[index] ?? 0;
    if (count < 2) continue;
    if (firstWide === -1) firstWide = index;
    if (leadsConsistentRows(count, counts.slice(index + 1, index + 1 + FOLLOWING_ROWS_COMPARED))) {
      return index;
    }
  }
  return firstWide;
}

/**
 * Tells whether a header with `headerCount` non-empty cells fits the rows after it.
 *
 * Data rows may leave optional cells empty, so they may have up to a third fewer cells, but a
 * header has a label over every filled column, so no data row has more.
 * NOTE: a header with blank labels over filled columns fails this test. Callers that know
 * their column names should pass `isKnownHeader`.
 */
function leadsConsistentRows(headerCount: number, followingCounts: number[]): boolean {
  if (followingCounts.length === 0) return true;
  const tolerance = Math.max(1, Math.floor(headerCount / 3));
  const similar = followingCounts.filter(
    (count) => count <= headerCount && count >= headerCount - tolerance,
  ).length;
  return similar * 2 >= followingCounts.length;
}

/**
 * Tells whether a row is a total or subtotal line rather than data, by its label alone.
 *
 * Sums are never compared: a second row whose amount equals the first is data. A cell that is
 * only a total label ("Total", "TOTAL AR", "Grand Total:", "Sum") marks a total anywhere in the
 * row. A longer label such as "Total Acme Corp" counts only in the first non-empty cell of a
 * row without any date, so that a customer named "Total Wine & More" stays data.
 */
export function isTotalRow(cells: readonly string[]): boolean {
  if (cells.some((cell) => TOTAL_ONLY_LABEL.test(cell.trim()))) return true;

  const first = cells.find((cell) => cell.trim() !== '');
  if (first === undefined || !TOTAL_PREFIX_LABEL.test(first.trim())) return false;
  return !cells.some((cell) => DATE_LIKE.test(cell));
}

function countNonEmpty(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) if (cell.trim() !== '') count += 1;
  return count;
}
