import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { formatCount } from '../../format/figures.ts';
import {
  componentLabels,
  explanationText,
  riskDefinitions,
  tierDefinition,
  tierLabels,
} from '../risk/risk-definitions.ts';

/**
 * Shows the client's risk score with each factor's points and the fact behind them. It reads
 * the whole risk report and picks the client out, so the risk page and this panel share one
 * channel. A clientId filter on risk/report would spare scoring the other clients.
 */
export function ClientRisk({ clientId, asOf }: { clientId: number; asOf: string }) {
  const { value, loading } = useIpcQuery('risk/report', { asOf });
  const settings = useIpcQuery('risk/settings/get', {}).value;
  const tierText = settings === null ? '' : tierDefinition(settings.tierThresholds);
  if (value === null) {
    return <p className="placeholder">{loading ? 'Loading the score…' : 'No score to show.'}</p>;
  }
  const row = value.clients.find((client) => client.clientId === clientId);
  if (row === undefined) {
    return <p className="placeholder">Not scored: the client has no invoice by this date.</p>;
  }
  if (row.status !== 'scored' || row.score === null || row.tier === null) {
    return (
      <p title={riskDefinitions.insufficientHistory}>
        Not scored: {formatCount(row.settledInvoices ?? 0)} invoices settled in the last 12 months
        in {row.currency}, and a score needs {formatCount(row.needed ?? 0)}.
      </p>
    );
  }
  return (
    <>
      <dl className="detail-list">
        <div title={riskDefinitions.score}>
          <dt>Score</dt>
          <dd>{row.score} of 100</dd>
        </div>
        <div title={tierText}>
          <dt>Tier</dt>
          <dd>{tierLabels[row.tier]}</dd>
        </div>
        <div>
          <dt>Currency scored</dt>
          <dd>{row.currency}</dd>
        </div>
      </dl>
      <div className="table-frame risk-components">
        <table className="data-table" aria-describedby="client-risk-definition">
          <caption className="visually-hidden">Points of each factor of the risk score</caption>
          <thead>
            <tr>
              <th scope="col">Factor</th>
              <th scope="col" className="numeric">
                Points
              </th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {row.components.map((component) => (
              <tr key={component.id}>
                <th scope="row">{componentLabels[component.id] ?? component.id}</th>
                <td className="numeric">{component.points > 0 ? `+${component.points}` : '0'}</td>
                <td>{explanationText(component.explanation)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint table-note" id="client-risk-definition">
        {riskDefinitions.score} {tierText}
      </p>
    </>
  );
}
