import { useState } from 'react';
import { PageHeading } from '../../components/page-heading.tsx';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { formatLongDate } from '../../format/dates.ts';
import { useAsOfStore } from '../../state/as-of-store.ts';
import { useCurrency } from '../../state/currency-store.ts';
import {
  defaultPeriodStart,
  periodProblem,
  type ClientRow,
  type Grouping,
  type ManagementAnswer,
} from './metric-values.ts';
import { CollectionActivityPanel } from './collection-activity-panel.tsx';
import { metricColumns } from './metric-group-table.tsx';
import { MetricsTable } from './metrics-table.tsx';

const groupingNames: Readonly<Record<Grouping, string>> = {
  portfolio: 'Portfolio',
  tier: 'Risk tier',
  client: 'Client',
};

/**
 * Management metrics for a period whose end is the as-of date, for all clients, per risk tier
 * or for one client, in the currency chosen in the header.
 */
export function MetricsPage() {
  const to = useAsOfStore((state) => state.asOf);
  const setAsOf = useAsOfStore((state) => state.setAsOf);
  const currency = useCurrency();
  // Null until the user picks a start, so the default follows the as-of date.
  const [chosenFrom, setChosenFrom] = useState<string | null>(null);
  const [grouping, setGrouping] = useState<Grouping>('tier');
  const [clientId, setClientId] = useState<number | null>(null);
  const from = chosenFrom ?? defaultPeriodStart(to);
  const problem = periodProblem(from, to);
  const { value, loading } = useIpcQuery(
    'metrics/management',
    problem === null ? { from, to } : null,
  );
  const clients = (value?.clients ?? []).filter((client) => client.currency === currency);
  const client = clients.find((row) => row.clientId === clientId) ?? clients[0] ?? null;
  return (
    <section aria-busy={loading}>
      <PageHeading title="Management metrics" asOf={to} currency={currency} />
      <div className="filter-bar" role="group" aria-label="Period and grouping">
        <label className="field">
          <span>From</span>
          <input
            type="date"
            value={from}
            min="1900-01-01"
            max="9999-12-31"
            required
            aria-invalid={problem !== null}
            aria-describedby="metrics-period-problem"
            onChange={(event) => setChosenFrom(event.target.value)}
          />
        </label>
        <label className="field">
          <span>To</span>
          <input
            type="date"
            value={to}
            min="1900-01-01"
            max="9999-12-31"
            required
            onChange={(event) => setAsOf(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Group by</span>
          <select
            value={grouping}
            onChange={(event) => setGrouping(event.target.value as Grouping)}
          >
            {(Object.keys(groupingNames) as Grouping[]).map((key) => (
              <option key={key} value={key}>
                {groupingNames[key]}
              </option>
            ))}
          </select>
        </label>
        {grouping === 'client' && (
          <label className="field">
            <span>Client</span>
            <select
              value={client?.clientId ?? ''}
              disabled={clients.length === 0}
              onChange={(event) => setClientId(Number(event.target.value))}
            >
              {clients.map((row) => (
                <option key={row.clientId} value={row.clientId}>
                  {row.name} ({row.code})
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="field-error" id="metrics-period-problem" role="status">
        {problem}
      </p>
      <p className="page-scope">
        From {formatLongDate(from)} to the end of {formatLongDate(to)}; balances, scores and tiers
        as of the end of {formatLongDate(to)}. Each client counts in its main currency; a tier or
        the portfolio takes every client with invoices or a credit limit in{' '}
        {currency ?? 'the currency'}.
      </p>
      {value === null || currency === null ? (
        <p className="placeholder">{loading ? 'Loading the metrics…' : 'No metrics to show.'}</p>
      ) : (
        <section className="panel" aria-labelledby="metrics-table-heading">
          <h2 id="metrics-table-heading">By {groupingNames[grouping].toLowerCase()}</h2>
          <GroupTable answer={value} grouping={grouping} currency={currency} client={client} />
        </section>
      )}
      <CollectionActivityPanel
        period={problem === null ? { from, to } : null}
        grouping={grouping}
        currency={currency}
        clientId={client?.clientId ?? null}
      />
    </section>
  );
}

interface GroupTableProps {
  readonly answer: ManagementAnswer;
  readonly grouping: Grouping;
  readonly currency: string;
  readonly client: ClientRow | null;
}

function GroupTable({ answer, grouping, currency, client }: GroupTableProps) {
  const columns = metricColumns(answer, grouping, currency, client);
  if (columns.length === 0) {
    return <p className="placeholder">No client has invoices in {currency} by this date.</p>;
  }
  return <MetricsTable columns={columns} currency={currency} />;
}
