import { useId } from 'react';
import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { useHorizontalOverflow } from '../../components/use-horizontal-overflow.ts';
import { describeDelimiter, formatCount } from '../../format/figures.ts';
import { IGNORE_COLUMN, useImportStore } from '../../state/import-store.ts';
import { RowErrorsTable } from './row-errors-table.tsx';

type Preview = IpcResponse<'import/preview'>;

/**
 * Step 3: what the importer detected, the field each column goes into, the first rows and
 * the problems found in them. The mapping is a list of its own rather than a row of selects
 * above the rows, because a file with many columns would push some of them out of view.
 */
export function ImportPreview({ preview }: { preview: Preview }) {
  return (
    <>
      <dl className="detected-list">
        <div>
          <dt>Encoding</dt>
          <dd>{preview.encoding}</dd>
        </div>
        <div>
          <dt>Delimiter</dt>
          <dd>{describeDelimiter(preview.delimiter)}</dd>
        </div>
        <div>
          <dt>Header</dt>
          <dd>line {preview.headerLine}</dd>
        </div>
      </dl>
      <ColumnMapping preview={preview} />
      <SampleTable preview={preview} />
      <FieldHelp fields={preview.fields} />
      {preview.problems.length === 0 ? (
        <p className="notice notice-ok">No problems in the rows shown.</p>
      ) : (
        <RowErrorsTable
          errors={preview.problems}
          caption={`Problems found so far (${preview.problems.length})`}
        />
      )}
    </>
  );
}

/** Lists the preview's columns: the header's names, padded to the widest row. */
function columnsOf(preview: Preview): string[] {
  // Without a header row found, the rows may be wider than the header.
  const width = Math.max(
    preview.header.length,
    ...preview.sampleRows.map((row) => row.cells.length),
  );
  return Array.from({ length: width }, (_, index) => preview.header[index] ?? '');
}

function columnName(header: string, index: number): string {
  return header === '' ? `(column ${index + 1})` : header;
}

/** Maps each header to its field, the reverse of the preview's field-to-header record. */
function fieldsByHeader(preview: Preview): Map<string, string> {
  return new Map(Object.entries(preview.columns).map(([field, header]) => [header, field]));
}

/** Shows one "column → field" select per column of the file, all in view at once. */
function ColumnMapping({ preview }: { preview: Preview }) {
  const mapColumn = useImportStore((state) => state.mapColumn);
  const busy = useImportStore((state) => state.run !== null);
  const idPrefix = useId();
  const fieldOfHeader = fieldsByHeader(preview);
  const firstRow = preview.sampleRows[0]?.cells ?? [];
  return (
    <fieldset className="column-mapping" disabled={busy}>
      <legend>Field each column is imported into</legend>
      <ul className="mapping-list">
        {columnsOf(preview).map((header, index) => {
          const id = `${idPrefix}-${index}`;
          const sample = firstRow[index] ?? '';
          return (
            <li className="mapping-item" key={`${index}:${header}`}>
              <label className="mapping-column" htmlFor={id} title={columnName(header, index)}>
                <span className="visually-hidden">Field for column </span>
                {header === '' ? columnName(header, index) : header}
              </label>
              <span className="mapping-arrow" aria-hidden="true">
                →
              </span>
              <select
                id={id}
                value={fieldOfHeader.get(header) ?? IGNORE_COLUMN}
                // A column without a header cannot be named in a mapping.
                disabled={header === ''}
                onChange={(event) => mapColumn(header, event.target.value)}
              >
                <option value={IGNORE_COLUMN}>Not imported</option>
                {preview.fields.map((field) => (
                  <option key={field.id} value={field.id} title={field.description}>
                    {field.id}
                  </option>
                ))}
              </select>
              {sample !== '' && (
                <span className="mapping-sample" title={sample}>
                  e.g. {sample}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/**
 * The first rows as the file has them, each heading naming the field its column goes into.
 * A file wider than the window scrolls sideways inside a frame short enough to keep its
 * scroll bar in view. A hint above the frame then asks the user to scroll, and the frame
 * takes keyboard focus so that the arrow keys scroll it.
 */
function SampleTable({ preview }: { preview: Preview }) {
  const { ref, overflows } = useHorizontalOverflow<HTMLDivElement>();
  const hintId = useId();
  const fieldOfHeader = fieldsByHeader(preview);
  const headers = columnsOf(preview);
  const caption = `First ${preview.sampleRows.length} rows of the file`;
  return (
    <>
      <p className="table-summary">
        {caption}.{' '}
        {overflows && (
          <span className="scroll-hint" id={hintId}>
            Scroll sideways to see all {formatCount(headers.length)} columns.
          </span>
        )}
      </p>
      <div
        className="table-frame scroll-frame"
        ref={ref}
        role="region"
        aria-label={caption}
        aria-describedby={overflows ? hintId : undefined}
        tabIndex={overflows ? 0 : undefined}
      >
        <table className="data-table sample-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Line
              </th>
              {headers.map((header, index) => {
                const field = fieldOfHeader.get(header);
                return (
                  <th scope="col" key={`${index}:${header}`}>
                    <span className="column-name">{columnName(header, index)}</span>
                    <span className={field === undefined ? 'mapped-field ignored' : 'mapped-field'}>
                      {field === undefined ? 'not imported' : `→ ${field}`}
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {preview.sampleRows.map((row) => (
              <tr key={row.line}>
                <th scope="row" className="numeric">
                  {row.line}
                </th>
                {headers.map((header, index) => {
                  const cell = row.cells[index] ?? '';
                  return (
                    <td key={`${index}:${header}`} title={cell}>
                      {cell}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function FieldHelp({ fields }: { fields: Preview['fields'] }) {
  return (
    <details className="field-help">
      <summary>What the fields mean</summary>
      <dl>
        {fields.map((field) => (
          <div key={field.id}>
            <dt>{field.id}</dt>
            <dd>{field.description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
