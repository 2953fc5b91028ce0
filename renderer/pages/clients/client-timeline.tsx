import {
  interactionDirections,
  interactionKinds,
  type InteractionDirection,
  type InteractionKind,
} from '../../../shared/collections/interaction-rules.ts';
import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { Amount } from '../../components/amount.tsx';
import { CurrencyField } from '../../components/currency-field.tsx';
import { FormField } from '../../components/form-field.tsx';
import { SaveButtonRow } from '../../components/save-button-row.tsx';
import { useDraftForm } from '../../components/use-draft-form.ts';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { MISSING } from '../../format/figures.ts';
import {
  checkInteractionDraft,
  checkPromiseDraft,
  emptyInteraction,
  emptyPromise,
  type InteractionDraft,
  type InteractionErrors,
  type PromiseDraft,
  type PromiseErrors,
} from './timeline-drafts.ts';

type Timeline = IpcResponse<'timeline/get'>;

const kindNames: Readonly<Record<InteractionKind, string>> = {
  call: 'Call',
  email: 'E-mail',
  letter: 'Letter',
  meeting: 'Meeting',
  note: 'Note',
};

const directionNames: Readonly<Record<InteractionDirection, string>> = {
  outbound: 'Outbound (we contacted them)',
  inbound: 'Inbound (they contacted us)',
  internal: 'Internal (a note for the team)',
};

interface ClientTimelineProps {
  readonly clientId: number;
  /** The day new entries default to: the page's as-of date. */
  readonly day: string;
  /** The currency a new promise defaults to. */
  readonly currency: string;
}

/**
 * Shows the client's contact log: interactions newest first, promises to pay with their
 * status, and forms to log an interaction and to record a promise.
 */
export function ClientTimeline({ clientId, day, currency }: ClientTimelineProps) {
  const { value, loading } = useIpcQuery('timeline/get', { clientId });
  return (
    <section className="panel" aria-labelledby="client-timeline-heading" aria-busy={loading}>
      <h2 id="client-timeline-heading">Timeline</h2>
      {value === null ? (
        <p className="placeholder">
          {loading ? 'Loading the timeline…' : 'The timeline could not be loaded.'}
        </p>
      ) : (
        <>
          <InteractionTable timeline={value} />
          <h3 id="client-promises-heading">Promises to pay</h3>
          <PromiseTable timeline={value} />
        </>
      )}
      <details className="profile-editor">
        <summary>Log an interaction</summary>
        <InteractionForm key={clientId} clientId={clientId} day={day} timeline={value} />
      </details>
      <details className="profile-editor">
        <summary>Record a promise to pay</summary>
        <PromiseForm
          key={clientId}
          clientId={clientId}
          day={day}
          currency={currency}
          timeline={value}
        />
      </details>
    </section>
  );
}

function InteractionTable({ timeline }: { readonly timeline: Timeline }) {
  if (timeline.interactions.length === 0) {
    return <p className="placeholder">No interactions logged with this client yet.</p>;
  }
  return (
    <div className="table-frame">
      <table className="figure-table timeline-table">
        <caption className="visually-hidden">Interactions with this client, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Kind</th>
            <th scope="col">Direction</th>
            <th scope="col">By</th>
            <th scope="col" className="numeric">
              Minutes
            </th>
            <th scope="col">Outcome</th>
            <th scope="col">Summary</th>
          </tr>
        </thead>
        <tbody>
          {timeline.interactions.map((row) => (
            <tr key={row.interactionId} data-interaction={row.interactionId}>
              <th scope="row">{row.occurredOn}</th>
              <td>{kindNames[row.kind]}</td>
              <td>{row.direction}</td>
              <td>{row.automated ? 'Duedesk' : 'A person'}</td>
              <td className="numeric">{row.minutes ?? MISSING}</td>
              <td>{row.outcome ?? MISSING}</td>
              <td>
                {row.summary}
                {row.repliesToReminderId !== null &&
                  ` (replies to reminder ${row.repliesToReminderId})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const statusNames = { open: 'Open', kept: 'Kept', broken: 'Broken' } as const;

function PromiseTable({ timeline }: { readonly timeline: Timeline }) {
  if (timeline.promises.length === 0) {
    return <p className="placeholder">No promises to pay recorded.</p>;
  }
  return (
    <div className="table-frame">
      <table className="figure-table promise-table" aria-labelledby="client-promises-heading">
        <thead>
          <tr>
            <th scope="col">Promised for</th>
            <th scope="col" className="numeric">
              Amount
            </th>
            <th scope="col">Made on</th>
            <th scope="col">Status</th>
            <th scope="col">Followed up</th>
          </tr>
        </thead>
        <tbody>
          {timeline.promises.map((row) => (
            <tr key={row.promiseId} data-promise={row.promiseId}>
              <th scope="row">{row.promisedFor}</th>
              <td className="numeric">
                <Amount cents={row.amountCents} currency={row.currency} />
              </td>
              <td>{row.madeOn}</td>
              <td>{statusNames[row.status]}</td>
              <td>{row.followedUpOn ?? MISSING}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface FormProps {
  readonly clientId: number;
  readonly day: string;
  readonly timeline: Timeline | null;
}

function InteractionForm({ clientId, day, timeline }: FormProps) {
  const { formRef, saving, draft, setDraft, errors, status, setStatus, edit, submitWith } =
    useDraftForm<InteractionDraft, InteractionErrors>(() => emptyInteraction(day));
  const submit = submitWith(
    'interactions/log',
    (current) => checkInteractionDraft(clientId, current),
    (sent) => {
      setDraft(emptyInteraction(sent.occurredOn));
      setStatus('Interaction logged.');
    },
  );
  return (
    <form ref={formRef} className="profile-form" onSubmit={submit} noValidate>
      <div className="field-row">
        <FormField label="Kind">
          <select
            value={draft.kind}
            onChange={(event) => edit('kind', event.target.value as InteractionKind)}
          >
            {interactionKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindNames[kind]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Direction" hint="A note is always internal.">
          <select
            value={draft.direction}
            onChange={(event) => edit('direction', event.target.value as InteractionDirection)}
          >
            {interactionDirections.map((direction) => (
              <option key={direction} value={direction}>
                {directionNames[direction]}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <div className="field-row">
        <FormField label="Date" error={errors.occurredOn}>
          <input
            type="date"
            value={draft.occurredOn}
            onChange={(event) => edit('occurredOn', event.target.value)}
          />
        </FormField>
        <FormField
          label="Minutes spent"
          hint="Whole minutes; empty if not known."
          error={errors.minutes}
        >
          <input
            type="text"
            inputMode="numeric"
            value={draft.minutes}
            onChange={(event) => edit('minutes', event.target.value)}
          />
        </FormField>
      </div>
      <FormField label="Outcome" hint="A few words, such as promised to pay.">
        <input
          type="text"
          maxLength={200}
          value={draft.outcome}
          onChange={(event) => edit('outcome', event.target.value)}
        />
      </FormField>
      <FormField label="Summary">
        <textarea
          rows={3}
          maxLength={4000}
          value={draft.summary}
          onChange={(event) => edit('summary', event.target.value)}
        />
      </FormField>
      <FormField
        label="Replies to reminder"
        hint="For the client's reply to a reminder we sent."
        error={errors.repliesTo}
      >
        <select value={draft.repliesTo} onChange={(event) => edit('repliesTo', event.target.value)}>
          <option value="">None</option>
          {timeline?.reminders.map((reminder) => (
            <option key={reminder.reminderId} value={String(reminder.reminderId)}>
              {`Reminder ${reminder.reminderId}: ${reminder.stageName}, ${reminder.channel}, ` +
                `${reminder.queuedOn}${reminder.answered ? ' (answered)' : ''}`}
            </option>
          ))}
        </select>
      </FormField>
      <SaveButtonRow label="Log interaction" saving={saving} status={status} />
    </form>
  );
}

function PromiseForm({ clientId, day, currency, timeline }: FormProps & { currency: string }) {
  const { formRef, saving, draft, setDraft, errors, status, setStatus, edit, submitWith } =
    useDraftForm<PromiseDraft, PromiseErrors>(() => emptyPromise(day, currency));
  const submit = submitWith(
    'promises/record',
    (current) => checkPromiseDraft(clientId, current),
    (sent) => {
      setDraft(emptyPromise(sent.madeOn, sent.currency));
      setStatus('Promise recorded.');
    },
  );
  return (
    <form ref={formRef} className="profile-form" onSubmit={submit} noValidate>
      <div className="field-row">
        <FormField label="Amount promised" hint="For example 1,250.00." error={errors.amount}>
          <input
            type="text"
            inputMode="decimal"
            value={draft.amount}
            onChange={(event) => edit('amount', event.target.value)}
          />
        </FormField>
        <CurrencyField
          label="Promise currency"
          error={errors.currency}
          value={draft.currency}
          onChange={(code) => edit('currency', code)}
        />
      </div>
      <div className="field-row">
        <FormField label="Paid by" error={errors.promisedFor}>
          <input
            type="date"
            value={draft.promisedFor}
            onChange={(event) => edit('promisedFor', event.target.value)}
          />
        </FormField>
        <FormField label="Promise made on" error={errors.madeOn}>
          <input
            type="date"
            value={draft.madeOn}
            onChange={(event) => edit('madeOn', event.target.value)}
          />
        </FormField>
      </div>
      <FormField label="Made during" hint="The interaction in which the client promised.">
        <select
          value={draft.interactionId}
          onChange={(event) => edit('interactionId', event.target.value)}
        >
          <option value="">No interaction</option>
          {timeline?.interactions
            .filter((row) => !row.automated)
            .map((row) => (
              <option key={row.interactionId} value={String(row.interactionId)}>
                {`${row.occurredOn} ${kindNames[row.kind].toLowerCase()} ${row.direction}` +
                  (row.outcome ? `: ${row.outcome}` : '')}
              </option>
            ))}
        </select>
      </FormField>
      <SaveButtonRow label="Record promise" saving={saving} status={status} />
    </form>
  );
}
