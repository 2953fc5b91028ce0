import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { formatCount } from '../../format/figures.ts';
import { RowErrorsTable } from './row-errors-table.tsx';

type ImportResult = IpcResponse<'import/run'>;

/** Shows what an import did, or why it imported nothing. */
export function ImportResultView({ result }: { result: ImportResult }) {
  switch (result.status) {
    case 'imported':
    case 'dry-run':
      return <ImportedSummary result={result} />;
    case 'rejected':
      return (
        <div className="result result-rejected">
          <p className="notice notice-error">
            Nothing was imported: {formatCount(result.errorCount)}{' '}
            {result.errorCount === 1 ? 'problem was' : 'problems were'} found in the file. Fix them
            in the file, or change the options above, and import again.
          </p>
          <RowErrorsTable
            errors={result.errors}
            caption={
              result.errors.length < result.errorCount
                ? `Rejected rows, the first ${formatCount(result.errors.length)} ` +
                  `of ${formatCount(result.errorCount)} problems`
                : 'Rejected rows'
            }
          />
        </div>
      );
    case 'already-imported':
      return (
        <p className="notice notice-warning">
          This file was imported before, so nothing was imported again.
        </p>
      );
    case 'nothing-new':
      return (
        <p className="notice notice-warning">
          Every record in this file is already in the ledger; nothing was added.
        </p>
      );
    case 'no-rows':
      return <p className="notice notice-warning">The file has no rows to import.</p>;
    case 'cancelled':
      return (
        <p className="notice notice-warning">The import was cancelled; nothing was imported.</p>
      );
  }
}

function ImportedSummary({ result }: { result: ImportResult }) {
  const { counts } = result;
  const lines: [string, number][] = [
    ['Rows read', result.rowsRead],
    ['Invoices', counts.invoices],
    ['Invoice lines', counts.invoiceLines],
    ['Payments', counts.payments],
    ['Credit notes', counts.creditNotes],
    ['New clients', counts.clients],
    ['Already in the ledger', counts.alreadyInLedger],
    ...Object.entries(result.skipped).map(([reason, count]): [string, number] => [
      `Skipped: ${reason}`,
      count,
    ]),
  ];
  return (
    <div className="result result-imported">
      <p className="notice notice-ok">
        {result.status === 'dry-run'
          ? 'The file was checked; nothing was written.'
          : `Imported as batch ${result.batchId ?? '?'}.`}{' '}
        {result.status === 'imported' && <a href="#/aging">See the aging</a>}
      </p>
      {result.creditLimitWarnings.length > 0 && (
        <div className="notice notice-warning" role="status">
          <p>Over the credit limit after this file:</p>
          <ul>
            {result.creditLimitWarnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      <table className="figure-table">
        <caption className="visually-hidden">Import summary</caption>
        <tbody>
          {lines.map(([label, count]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="numeric">{formatCount(count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
