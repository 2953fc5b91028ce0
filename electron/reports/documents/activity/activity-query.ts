/** Query parameters and table helpers shared by the collection activity report's tables. */

import type { IsoDate } from '../../../../shared/calendar-date.ts';
import type { ReportRow } from '../../../../shared/reports/report-document.ts';

/** The SQL parameters every query of the report takes. */
export interface QueryParams {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** The clients of the filters as JSON for `json_each`, or null for every client. */
  readonly clients: string | null;
  /** The same clients narrowed by the currency filter to those whose main currency it is. */
  readonly contactClients: string | null;
  readonly currency: string | null;
}

/** A condition that keeps the rows of `column` whose client is in the JSON list `parameter`. */
export const clientCondition = (column: string, parameter: 'clients' | 'contactClients') =>
  `(@${parameter} IS NULL OR ${column} IN (SELECT value FROM json_each(@${parameter})))`;

/** Returns the totals row, or no row under an empty table, which shows its empty text instead. */
export function totalsOf(rows: readonly ReportRow[], totals: ReportRow): ReportRow[] {
  return rows.length === 0 ? [] : [totals];
}

export function pick(row: ReportRow, keys: readonly string[]): ReportRow {
  return Object.fromEntries(keys.map((key) => [key, row[key] ?? null]));
}

export function sumColumns(rows: readonly ReportRow[], keys: readonly string[]): ReportRow {
  return Object.fromEntries(
    keys.map((key) => [key, rows.reduce((sum, row) => sum + Number(row[key] ?? 0), 0)]),
  );
}
