import { useState } from 'react';
import { PageHeading } from '../../components/page-heading.tsx';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import {
  channelLabels,
  rowNote,
  statusLabels,
  totalsText,
  type OutboxRow,
  type ReminderStatus,
} from './outbox-labels.ts';
import { ReminderPanel } from './reminder-panel.tsx';

type Filter = ReminderStatus | 'all';

/** The reminders the dunning ladder queued, by status, and what a person does with each. */
export function OutboxPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<number | null>(null);
  const { value } = useIpcQuery('outbox/list', filter === 'all' ? {} : { status: filter });
  const counts = value?.counts ?? {};
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return (
    <section>
      <PageHeading title="Outbox" />
      <p className="hint">
        Reminders the dunning ladder queued, newest first. Queued e-mails go out by themselves;
        letters, calls and stages set to wait stay here until you act on them.
      </p>
      <fieldset className="radio-group status-filter">
        <legend>Show</legend>
        {(['all', ...Object.keys(statusLabels)] as Filter[]).map((option) => (
          <label key={option} className="radio">
            <input
              type="radio"
              name="outbox-status"
              value={option}
              checked={filter === option}
              onChange={() => {
                setFilter(option);
                setSelected(null);
              }}
            />
            {option === 'all' ? 'All' : statusLabels[option]} (
            {option === 'all' ? total : (counts[option] ?? 0)})
          </label>
        ))}
      </fieldset>
      {value === null ? (
        <p className="placeholder">Loading the outbox…</p>
      ) : value.rows.length === 0 ? (
        <p className="placeholder">No reminders here.</p>
      ) : (
        <OutboxTable rows={value.rows} selected={selected} onSelect={setSelected} />
      )}
      {selected !== null && (
        <ReminderPanel key={selected} reminderId={selected} onClose={() => setSelected(null)} />
      )}
    </section>
  );
}

interface OutboxTableProps {
  readonly rows: readonly OutboxRow[];
  readonly selected: number | null;
  readonly onSelect: (reminderId: number) => void;
}

function OutboxTable({ rows, selected, onSelect }: OutboxTableProps) {
  return (
    <div className="table-frame">
      <table className="figure-table outbox-table">
        <caption className="visually-hidden">Reminders</caption>
        <thead>
          <tr>
            <th scope="col">Queued</th>
            <th scope="col">Client</th>
            <th scope="col">Stage</th>
            <th scope="col">Channel</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Total
            </th>
            <th scope="col" className="numeric">
              Attempts
            </th>
            <th scope="col">Note</th>
            <th scope="col">
              <span className="visually-hidden">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.reminderId} aria-selected={row.reminderId === selected}>
              <td>{row.queuedOn}</td>
              <th scope="row">{row.clientName}</th>
              <td>{row.stageName}</td>
              <td>{channelLabels[row.channel]}</td>
              <td>{statusLabels[row.status]}</td>
              <td className="numeric">{totalsText(row.totals)}</td>
              <td className="numeric">{row.attempts}</td>
              <td>{rowNote(row)}</td>
              <td>
                <button type="button" onClick={() => onSelect(row.reminderId)}>
                  Open{' '}
                  <span className="visually-hidden">
                    {row.stageName} to {row.clientName}
                  </span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
