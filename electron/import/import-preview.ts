import { findPreset } from './presets/index.ts';
import { fieldDescriptions, fieldIds, type RecordKind } from './fields.ts';
import type { RowError } from './imported-record.ts';
import {
  assertReadableFile,
  isTotalLine,
  planLayout,
  type ImportLayout,
  type ImportOptions,
} from './import-file.ts';
import { inspectCsvFile } from './csv-file.ts';
import { parseRow } from './row-parser.ts';

export interface ImportPreview {
  readonly layout: ImportLayout | null;
  readonly encoding: string;
  readonly delimiter: string;
  readonly sampleRows: { line: number; cells: string[] }[];
  readonly fields: { id: string; description: string }[];
  /** File-level problems, then the problems of the sample rows. */
  readonly problems: RowError[];
}

const SAMPLE_ROWS = 20;

/**
 * Reads just enough of a file to show the user how it will be imported: the detected layout,
 * the first rows under the header and the problems those rows would raise. Writes nothing.
 */
export async function previewImport(file: string, options: ImportOptions): Promise<ImportPreview> {
  await assertReadableFile(file);
  const preset = findPreset(options.preset ?? 'generic');
  const kind: RecordKind = preset.kind ?? options.kind ?? 'invoices';
  const inspection = await inspectCsvFile(file, { sampleBytes: 1024 * 1024 });
  const fields = fieldIds.map((id) => ({ id, description: fieldDescriptions[id] }));
  const planned = planLayout(inspection, preset, kind, options);
  if ('errors' in planned) {
    const headerGuess = inspection.rows.slice(0, SAMPLE_ROWS);
    return {
      layout: null,
      encoding: inspection.encoding,
      delimiter: inspection.delimiter,
      sampleRows: headerGuess,
      fields,
      problems: planned.errors,
    };
  }
  const { layout, settings } = planned;
  const mapped = Object.values(settings.mapping.columns);
  const sampleRows = inspection.rows
    .filter((row) => row.line > layout.headerLine)
    .filter((row) => mapped.some((index) => (row.cells[index] ?? '') !== ''))
    .filter((row) => !isTotalLine(row, settings))
    .slice(0, SAMPLE_ROWS);
  const problems: RowError[] = [];
  for (const row of sampleRows) {
    const outcome = parseRow(row.cells, row.line, settings);
    if (outcome.type === 'rejected') problems.push(...outcome.errors);
  }
  return {
    layout,
    encoding: inspection.encoding,
    delimiter: inspection.delimiter,
    sampleRows,
    fields,
    problems,
  };
}
