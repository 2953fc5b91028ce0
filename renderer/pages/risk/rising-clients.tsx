import { ClientLabel } from '../../components/client-label.tsx';
import { formatCount } from '../../format/figures.ts';
import { hrefFor } from '../../state/route-store.ts';
import { tierLabels, type RiskRow } from './risk-definitions.ts';

interface RisingClientsProps {
  /** Every client of the page's currency; only those whose tier rose are listed. */
  readonly rows: readonly RiskRow[];
  readonly previousQuarterEnd: string;
}

/** Lists clients whose tier rose since the previous quarter end, with their suggestions. */
export function RisingClients({ rows, previousQuarterEnd }: RisingClientsProps) {
  const rising = rows.filter((row) => row.rose);
  return (
    <section className="panel" aria-labelledby="risk-rising-heading">
      <h2 id="risk-rising-heading">Rising clients ({formatCount(rising.length)})</h2>
      <p className="hint">
        Clients whose tier is higher than on {previousQuarterEnd}, the end of the previous quarter,
        with the changes their new tier's policy suggests.
      </p>
      {rising.length === 0 ? (
        <p className="placeholder">No client's tier rose.</p>
      ) : (
        <ul className="rising-clients">
          {rising.map((row) => (
            <li key={row.clientId} data-client-id={row.clientId}>
              <a href={hrefFor({ page: 'client', clientId: row.clientId })}>
                <ClientLabel name={row.name} code={row.code} />
              </a>
              <span className="tier-move">
                {row.previousTier ? tierLabels[row.previousTier] : ''} ({row.previousScore}) to{' '}
                {row.tier ? tierLabels[row.tier] : ''} ({row.score})
              </span>
              {row.suggestions.length === 0 ? (
                <p className="hint">No change: the client already meets its new tier's policy.</p>
              ) : (
                <ul className="suggestions">
                  {row.suggestions.map((suggestion) => (
                    <li key={suggestion.kind}>{suggestion.text}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
