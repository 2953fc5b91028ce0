import { useState, type FormEvent } from 'react';
import type { IpcChannel, IpcRequest, IpcResponse } from '../../../shared/ipc/contract.ts';
import { reminderEditSchema } from '../../../shared/dunning/reminder-edit.ts';
import { FormField } from '../../components/form-field.tsx';
import { useFormSave } from '../../components/use-form-save.ts';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { channelLabels, instantText, statusLabels, totalsText } from './outbox-labels.ts';
import { moneyText } from '../../format/money-text.ts';

type Reminder = IpcResponse<'outbox/get'>;
type ActionResult = IpcResponse<'outbox/approve'>;
type ActionChannel = Extract<
  IpcChannel,
  'outbox/approve' | 'outbox/mark-done' | 'outbox/send-now' | 'outbox/retry'
>;

interface ReminderPanelProps {
  readonly reminderId: number;
  readonly onClose: () => void;
}

/** One reminder: its message as it will go out, and what can be done with it now. */
export function ReminderPanel({ reminderId, onClose }: ReminderPanelProps) {
  const { value } = useIpcQuery('outbox/get', { reminderId });
  const [mode, setMode] = useState<'view' | 'edit' | 'skip'>('view');
  const [status, setStatus] = useState('');
  const headingId = `reminder-${reminderId}-heading`;
  return (
    <section className="panel reminder-panel" aria-labelledby={headingId}>
      <div className="reminder-panel-heading">
        <h2 id={headingId}>
          {value === null ? `Reminder ${reminderId}` : `${value.stageName} to ${value.clientName}`}
        </h2>
        <button type="button" className="button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
      {value === null ? (
        <p className="placeholder">Loading the reminder…</p>
      ) : (
        <>
          <ReminderFacts reminder={value} />
          {mode === 'edit' ? (
            <EditForm
              reminder={value}
              onDone={(message) => {
                setMode('view');
                setStatus(message);
              }}
            />
          ) : mode === 'skip' ? (
            <SkipForm
              reminder={value}
              onDone={(message) => {
                setMode('view');
                setStatus(message);
              }}
            />
          ) : (
            <Actions
              reminder={value}
              onEdit={() => setMode('edit')}
              onSkip={() => setMode('skip')}
              onDone={setStatus}
            />
          )}
          <p role="status" className="save-status">
            {status}
          </p>
          <ReminderMessage reminder={value} />
        </>
      )}
    </section>
  );
}

function ReminderFacts({ reminder }: { reminder: Reminder }) {
  return (
    <dl className="detail-list">
      <div>
        <dt>Status</dt>
        <dd>
          {statusLabels[reminder.status]}
          {reminder.statusReason ? `: ${reminder.statusReason}` : ''}
        </dd>
      </div>
      <div>
        <dt>Channel</dt>
        <dd>{channelLabels[reminder.channel]}</dd>
      </div>
      <div>
        <dt>To</dt>
        <dd>{reminder.recipient ?? 'no e-mail address on record'}</dd>
      </div>
      <div>
        <dt>Queued on</dt>
        <dd>{reminder.queuedOn}</dd>
      </div>
      <div>
        <dt>Total</dt>
        <dd>{totalsText(reminder.totals)}</dd>
      </div>
      <div>
        <dt>Attempts</dt>
        <dd>{reminder.attempts}</dd>
      </div>
      {reminder.lastError !== null && (
        <div>
          <dt>Last error</dt>
          <dd>{reminder.lastError}</dd>
        </div>
      )}
      {reminder.status === 'failed' && (
        <div>
          <dt>Next attempt</dt>
          <dd>{instantText(reminder.nextAttemptAt)}</dd>
        </div>
      )}
      {reminder.sentAt !== null && (
        <div>
          <dt>Sent</dt>
          <dd>{instantText(reminder.sentAt)}</dd>
        </div>
      )}
      {reminder.editedAt !== null && (
        <div>
          <dt>Edited</dt>
          <dd>{instantText(reminder.editedAt)}</dd>
        </div>
      )}
      <div>
        <dt>Invoices</dt>
        <dd>
          {reminder.invoices
            .map(
              (invoice) =>
                `${invoice.number} (due ${invoice.dueDate}, ` +
                `${moneyText(invoice.balanceCents, invoice.currency)})`,
            )
            .join(', ')}
        </dd>
      </div>
    </dl>
  );
}

/**
 * Shows the subject and bodies, the HTML body as its source. A `srcdoc` frame inherits the
 * window's content security policy, which blocks the inline styles that e-mail HTML relies on.
 * Loosening the policy for a preview is not worth it.
 */
function ReminderMessage({ reminder }: { reminder: Reminder }) {
  return (
    <div className="reminder-message">
      <h3>Subject</h3>
      <p className="reminder-subject">{reminder.subject || '—'}</p>
      <h3>Text</h3>
      <pre className="reminder-text">{reminder.bodyText || '—'}</pre>
      {reminder.bodyHtml !== '' && (
        <details>
          <summary>HTML version (source)</summary>
          <pre className="reminder-text reminder-html-source">{reminder.bodyHtml}</pre>
        </details>
      )}
    </div>
  );
}

interface ActionsProps {
  readonly reminder: Reminder;
  readonly onEdit: () => void;
  readonly onSkip: () => void;
  readonly onDone: (message: string) => void;
}

function Actions({ reminder, onEdit, onSkip, onDone }: ActionsProps) {
  const { saving, save } = useFormSave();
  const email = reminder.channel === 'email';
  const open = ['review', 'queued', 'failed'].includes(reminder.status);
  const run = <C extends ActionChannel>(channel: C, request: IpcRequest<C>) =>
    save(channel, request, (result) => onDone(outcome(channel, result as ActionResult)));
  const { reminderId } = reminder;
  const primary = primaryAction(reminder);
  if (!open) return null;
  return (
    <div className="button-row">
      {primary !== null && (
        <button
          type="button"
          className="button-primary"
          disabled={saving}
          onClick={() => run(primary.channel, { reminderId })}
        >
          {primary.label}
        </button>
      )}
      {email && reminder.status !== 'failed' && (
        <button type="button" disabled={saving} onClick={onEdit}>
          Edit
        </button>
      )}
      <button type="button" disabled={saving} onClick={onSkip}>
        Skip
      </button>
    </div>
  );
}

/** The one main action a reminder offers in its status, or null when it offers none. */
function primaryAction(reminder: Reminder): { channel: ActionChannel; label: string } | null {
  const email = reminder.channel === 'email';
  if (reminder.status === 'review') {
    if (email) return { channel: 'outbox/approve', label: 'Approve' };
    const label =
      reminder.channel === 'letter' ? 'Mark done: letter posted' : 'Mark done: call made';
    return { channel: 'outbox/mark-done', label };
  }
  if (!email) return null;
  if (reminder.status === 'queued') return { channel: 'outbox/send-now', label: 'Send now' };
  if (reminder.status === 'failed') return { channel: 'outbox/retry', label: 'Retry now' };
  return null;
}

/** Says what an action did, including the delivery run right after it. */
function outcome(channel: ActionChannel, result: ActionResult): string {
  const { reminder, delivery } = result;
  if (channel === 'outbox/approve') return 'Approved: it goes out with the next delivery.';
  if (channel === 'outbox/mark-done') return 'Marked done and added to the client’s timeline.';
  if (delivery === null) {
    return 'Queued: it goes out once an SMTP server is set in Settings.';
  }
  if (reminder.status === 'sent') return `Sent to ${reminder.recipient ?? 'the client'}.`;
  if (reminder.status === 'failed') {
    return (
      `Sending failed: ${reminder.lastError ?? 'no reason given'}. ` +
      `It is tried again at ${instantText(reminder.nextAttemptAt)}.`
    );
  }
  if (reminder.status === 'cancelled') return 'Cancelled: everything it asked for was paid.';
  const reason = reminder.statusReason ? `: ${reminder.statusReason}` : '';
  return `${statusLabels[reminder.status]}${reason}.`;
}

interface FormProps {
  readonly reminder: Reminder;
  readonly onDone: (message: string) => void;
}

function EditForm({ reminder, onDone }: FormProps) {
  const [subject, setSubject] = useState(reminder.subject);
  const [text, setText] = useState(reminder.bodyText);
  const [errors, setErrors] = useState<{ subject?: string; text?: string }>({});
  const { formRef, saving, showInvalid, save } = useFormSave();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = reminderEditSchema.safeParse({ subject, text });
    if (!checked.success) {
      const found: Record<string, string> = {};
      for (const issue of checked.error.issues) found[String(issue.path[0])] ??= issue.message;
      setErrors(found);
      showInvalid();
      return;
    }
    setErrors({});
    save('outbox/edit', { reminderId: reminder.reminderId, ...checked.data }, () =>
      onDone('Saved: it goes out as written, the HTML part made from this text.'),
    );
  };
  return (
    <form ref={formRef} className="reminder-edit" onSubmit={submit} noValidate>
      <FormField label="Subject" error={errors.subject}>
        <input type="text" value={subject} onChange={(event) => setSubject(event.target.value)} />
      </FormField>
      <FormField
        label="Message"
        hint="Sent as written: the invoice list is not filled in again when it goes out."
        error={errors.text}
      >
        <textarea rows={14} value={text} onChange={(event) => setText(event.target.value)} />
      </FormField>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save the changes'}
        </button>
        <button type="button" onClick={() => onDone('')}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function SkipForm({ reminder, onDone }: FormProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const { formRef, saving, showInvalid, save } = useFormSave();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError('Say why the reminder is skipped, for the record.');
      showInvalid();
      return;
    }
    save('outbox/skip', { reminderId: reminder.reminderId, reason: reason.trim() }, () =>
      onDone('Skipped.'),
    );
  };
  return (
    <form ref={formRef} className="reminder-skip" onSubmit={submit} noValidate>
      <FormField label="Reason for skipping" error={error}>
        <input
          type="text"
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </FormField>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={saving}>
          Skip the reminder
        </button>
        <button type="button" onClick={() => onDone('')}>
          Cancel
        </button>
      </div>
    </form>
  );
}
