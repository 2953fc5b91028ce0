import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvCell } from '../../../shared/reports/report-cells.ts';
import type { ReportTable } from '../../../shared/reports/report-document.ts';
import { spreadsheetSafeText } from '../../../shared/spreadsheet-text.ts';
import { openPartialFile } from './partial-file.ts';

export interface CsvProgress {
  readonly rows: number;
  /** The table's row count when known, else null. */
  readonly total: number | null;
}

export interface CsvWriteOptions {
  /** Byte-order mark written first, so that Excel reads UTF-8. On unless set to false. */
  readonly bom?: boolean;
  /** Called every `progressEvery` rows and once at the end. */
  readonly onProgress?: (progress: CsvProgress) => void;
  readonly progressEvery?: number;
}

/**
 * Writes `table` as RFC 4180 CSV (quotes where needed, CRLF line ends): a header of column
 * keys, then one line per row. Rows stream from the table's iterator to the file, so memory
 * stays flat however many there are. The file appears complete or not at all.
 */
export async function writeReportCsv(
  table: ReportTable,
  outFile: string,
  options: CsvWriteOptions = {},
): Promise<{ rows: number }> {
  const columns = table.columns;
  const total = table.rowCount ?? null;
  const every = options.progressEvery ?? 10_000;
  let rows = 0;

  function* lines() {
    yield columns.map((column) => spreadsheetSafeText(column.key));
    for (const row of table.rows) {
      yield columns.map((column) => csvCell(column, row));
      rows += 1;
      if (rows % every === 0) options.onProgress?.({ rows, total });
    }
  }

  const partial = await openPartialFile(outFile);
  try {
    await pipeline(
      Readable.from(lines()),
      stringify({
        bom: options.bom ?? true,
        record_delimiter: 'windows',
        // With CRLF record ends, csv-stringify 6.9 quotes only a CRLF pair. A lone CR or LF left
        // unquoted would split the row, and the next line could start with an unguarded `=`.
        quoted_match: /[\r\n]/,
      }),
      partial.stream,
    );
    await partial.commit();
  } catch (error) {
    throw await partial.discard(error);
  }

  options.onProgress?.({ rows, total });
  return { rows };
}
