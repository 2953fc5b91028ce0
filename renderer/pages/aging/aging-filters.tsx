import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { bucketLabel } from '../../format/bucket-label.ts';
import { useAgingFilterStore } from '../../state/aging-filter-store.ts';

interface AgingFiltersProps {
  readonly summary: IpcResponse<'aging/summary'>;
  readonly currency: string;
}

/** Client, bucket and text filters, applied to both aging tables. */
export function AgingFilters({ summary, currency }: AgingFiltersProps) {
  const { clientId, bucket, search, set, clear } = useAgingFilterStore();
  const clients = summary.clients
    .filter((client) => client.currencies[currency] !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
  const active = clientId !== null || bucket !== null || search !== '';
  return (
    <div className="filter-bar" role="search" aria-label="Filter the aging tables">
      <label className="field">
        <span>Client</span>
        <select
          value={clientId ?? ''}
          onChange={(event) =>
            set({ clientId: event.target.value === '' ? null : Number(event.target.value) })
          }
        >
          <option value="">All clients</option>
          {clients.map((client) => (
            <option key={client.clientId} value={client.clientId}>
              {client.name} ({client.code})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Bucket</span>
        <select
          value={bucket ?? ''}
          onChange={(event) =>
            set({ bucket: event.target.value === '' ? null : event.target.value })
          }
        >
          <option value="">All buckets</option>
          {summary.bucketKeys.map((key) => (
            <option key={key} value={key}>
              {bucketLabel(key)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-grow">
        <span>Search</span>
        <input
          type="search"
          value={search}
          placeholder="Client name, client code or invoice number"
          onChange={(event) => set({ search: event.target.value })}
        />
      </label>
      <button type="button" className="button-quiet" onClick={clear} disabled={!active}>
        Clear filters
      </button>
    </div>
  );
}
