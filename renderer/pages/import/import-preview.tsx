import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { describeDelimiter } from '../../format/figures.ts';
import { IGNORE_COLUMN, useImportStore } from '../../state/import-store.ts';
import { RowErrorsTable } from './row-errors-table.tsx';

type Preview = IpcResponse<'import/preview'>;

/** Step 3: what the importer detected, the first rows with their column mapping, problems. */
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
      <SampleTable preview={preview} />
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

function SampleTable({ preview }: { preview: Preview }) {
  const mapColumn = useImportStore((state) => state.mapColumn);
  const busy = useImportStore((state) => state.run !== null);
  // The preview maps each field to a header; the table needs the reverse.
  const fieldOfHeader = new Map(
    Object.entries(preview.columns).map(([field, header]) => [header, field]),
  );
  // Without a header row found, the rows may be wider than the header.
  const width = Math.max(
    preview.header.length,
    ...preview.sampleRows.map((row) => row.cells.length),
  );
  const headers = Array.from({ length: width }, (_, index) => preview.header[index] ?? '');
  return (
    <div className="table-frame">
      <table className="data-table sample-table">
        <caption>
          First {preview.sampleRows.length} rows, with the field each column is imported into
        </caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Line
            </th>
            {headers.map((header, index) => (
              <th scope="col" key={`${index}:${header}`}>
                <span className="column-name">
                  {header === '' ? `(column ${index + 1})` : header}
                </span>
                <label className="mapping-field">
                  <span className="visually-hidden">Field for column {header || index + 1}</span>
                  <select
                    value={fieldOfHeader.get(header) ?? IGNORE_COLUMN}
                    // A column without a header cannot be named in a mapping.
                    disabled={busy || header === ''}
                    onChange={(event) => mapColumn(header, event.target.value)}
                  >
                    <option value={IGNORE_COLUMN}>Not imported</option>
                    {preview.fields.map((field) => (
                      <option key={field.id} value={field.id} title={field.description}>
                        {field.id}
                      </option>
                    ))}
                  </select>
                </label>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sampleRows.map((row) => (
            <tr key={row.line}>
              <th scope="row" className="numeric">
                {row.line}
              </th>
              {headers.map((header, index) => (
                <td key={`${index}:${header}`}>{row.cells[index] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <details className="field-help">
        <summary>What the fields mean</summary>
        <dl>
          {preview.fields.map((field) => (
            <div key={field.id}>
              <dt>{field.id}</dt>
              <dd>{field.description}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
