import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { MISSING } from '../../format/figures.ts';

type RowError = IpcResponse<'import/run'>['errors'][number];

interface RowErrorsTableProps {
  readonly errors: readonly RowError[];
  readonly caption: string;
}

/** Problems found in a file, each with the line and column it was found in. */
export function RowErrorsTable({ errors, caption }: RowErrorsTableProps) {
  return (
    <div className="table-frame table-frame-limited">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Line
            </th>
            <th scope="col">Column</th>
            <th scope="col">Value</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr key={`${error.line}:${error.column ?? ''}:${index}`}>
              {/* Line 0 stands for the file as a whole, such as a missing column. */}
              <th scope="row" className="numeric">
                {error.line === 0 ? 'file' : error.line}
              </th>
              <td>{error.column ?? MISSING}</td>
              <td className="cell-value">{error.value ?? MISSING}</td>
              <td>{error.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
