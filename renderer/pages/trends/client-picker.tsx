import { useState, type FormEvent } from 'react';
import { formatCount } from '../../format/figures.ts';
import { matchesSearch } from '../../format/search-text.ts';
import { navigate } from '../../state/route-store.ts';
import type { TrendClientRow } from './trends-definitions.ts';

interface ClientPickerProps {
  readonly clients: readonly TrendClientRow[];
  /** The client charted now, or null for all clients. */
  readonly chosenId: number | null;
}

/**
 * Chooses whose months the trends page charts. The search narrows the list by code or name,
 * and Enter picks the first match. The choice goes into the address, so a reload keeps it.
 */
export function ClientPicker({ clients, chosenId }: ClientPickerProps) {
  const [search, setSearch] = useState('');
  const found = clients.filter((client) => matchesSearch(search, client.code, client.name));
  // The chosen client stays listed, or the list would show another name than the charts.
  const chosen = clients.find((client) => client.clientId === chosenId);
  const options = chosen === undefined || found.includes(chosen) ? found : [chosen, ...found];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const first = found[0];
    if (search.trim() !== '' && first !== undefined) choose(first.clientId);
  };

  return (
    <form className="filter-bar" role="search" aria-label="Choose a client" onSubmit={submit}>
      <label className="field">
        <span>Find a client</span>
        <input
          type="search"
          value={search}
          placeholder="Code or name"
          aria-describedby="trend-picker-count"
          onChange={(event) => setSearch(event.target.value)}
        />
      </label>
      <label className="field field-grow">
        <span>Client</span>
        <select
          value={chosenId === null ? '' : String(chosenId)}
          onChange={(event) =>
            choose(event.target.value === '' ? null : Number(event.target.value))
          }
        >
          <option value="">All clients</option>
          {options.map((client) => (
            <option key={client.clientId} value={client.clientId}>
              {optionText(client)}
            </option>
          ))}
        </select>
      </label>
      <p className="hint" id="trend-picker-count" aria-live="polite">
        {formatCount(found.length)} of {formatCount(clients.length)} clients match. Press Enter in
        the search to show the first.
      </p>
    </form>
  );
}

function choose(clientId: number | null): void {
  navigate(clientId === null ? { page: 'trends' } : { page: 'trends', clientId });
}

/** Name, code and currency; a code that repeats the name is left out, as in the tables. */
function optionText(client: TrendClientRow): string {
  const { name, code, currency } = client;
  const sameAsName = code === '' || code.toLowerCase() === name.toLowerCase();
  return `${sameAsName ? name : `${name} (${code})`}, ${currency}`;
}
