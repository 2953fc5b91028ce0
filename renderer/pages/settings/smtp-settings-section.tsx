import { useState, type FormEvent } from 'react';
import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { smtpSettingsSchema, type SmtpSettings } from '../../../shared/mail/smtp-settings.ts';
import { FormField } from '../../components/form-field.tsx';
import { useFormSave } from '../../components/use-form-save.ts';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { reportThrown } from '../../state/error-store.ts';
import { api } from '../../transport/api.ts';

type SmtpView = IpcResponse<'smtp/get'>;

/** Fields of the SMTP settings form as typed. The port stays text until checked. */
interface SmtpDraft {
  readonly host: string;
  readonly port: string;
  readonly security: SmtpSettings['security'];
  readonly user: string;
  /** Empty keeps the saved password. */
  readonly password: string;
  readonly removePassword: boolean;
  readonly fromName: string;
  readonly fromAddress: string;
  readonly replyTo: string;
}

type SmtpErrors = Partial<Record<keyof SmtpDraft | 'testTo', string>>;

const securityLabels: readonly [SmtpSettings['security'], string][] = [
  ['starttls', 'STARTTLS (usually port 587)'],
  ['tls', 'TLS from the start (usually port 465)'],
  ['none', 'None: only for a server on this computer or network'],
];

/**
 * Renders the settings of the user's own SMTP server, which sends the reminder e-mails, with a
 * test message.
 */
export function SmtpSettingsSection() {
  const { value } = useIpcQuery('smtp/get', {});
  // Kept here because a save remounts the form below.
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="smtp-heading">
      <h2 id="smtp-heading">E-mail server (SMTP)</h2>
      <p className="hint">
        Reminder e-mails go out through your own mail server. Until it is set, they wait in the
        outbox. The password is kept encrypted by this computer’s keychain.
      </p>
      {value === null ? (
        <p className="placeholder">Loading the SMTP settings…</p>
      ) : (
        <SmtpForm key={JSON.stringify(value)} view={value} onStatus={setStatus} />
      )}
      <p role="status" className="save-status">
        {status}
      </p>
    </section>
  );
}

function draftFrom(view: SmtpView): SmtpDraft {
  const settings = view.settings;
  return {
    host: settings?.host ?? '',
    port: String(settings?.port ?? 587),
    security: settings?.security ?? 'starttls',
    user: settings?.user ?? '',
    password: '',
    removePassword: false,
    fromName: settings?.fromName ?? '',
    fromAddress: settings?.fromAddress ?? '',
    replyTo: settings?.replyTo ?? '',
  };
}

/**
 * Checks the draft and returns the settings as the contract takes them, or the message of each
 * field to fix.
 */
function checkDraft(draft: SmtpDraft): { settings: SmtpSettings | null; errors: SmtpErrors } {
  const errors: Record<string, string> = {};
  const port = draft.port.trim();
  if (!/^\d{1,5}$/.test(port)) errors.port = `"${port}" is not a port number, such as 587.`;
  const { password: _password, removePassword: _remove, ...fields } = draft;
  const parsed = smtpSettingsSchema.safeParse({ ...fields, port: Number(port) });
  if (parsed.success && Object.keys(errors).length === 0) return { settings: parsed.data, errors };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    errors[String(issue.path[0])] ??= issue.message;
  }
  return { settings: null, errors };
}

interface SmtpFormProps {
  readonly view: SmtpView;
  readonly onStatus: (status: string) => void;
}

function SmtpForm({ view, onStatus: setStatus }: SmtpFormProps) {
  const [draft, setDraft] = useState(() => draftFrom(view));
  const [errors, setErrors] = useState<SmtpErrors>({});
  const [testTo, setTestTo] = useState('');
  const [testOutcome, setTestOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [testing, setTesting] = useState(false);
  const { formRef, saving, showInvalid, save } = useFormSave();

  const edit = <K extends keyof SmtpDraft>(key: K, value: SmtpDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setStatus('');
  };
  const text =
    (key: 'host' | 'port' | 'user' | 'fromName' | 'fromAddress' | 'replyTo') =>
    (event: { target: { value: string } }) =>
      edit(key, event.target.value);

  /**
   * Returns the password to send: a newly typed one, null to remove the saved one, otherwise
   * undefined.
   */
  const password = () => {
    if (draft.password !== '') return draft.password;
    return draft.removePassword ? null : undefined;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDraft(draft);
    setErrors(checked.errors);
    if (checked.settings === null) {
      showInvalid();
      return;
    }
    save('smtp/save', { settings: checked.settings, password: password() }, () =>
      setStatus('Saved the SMTP settings.'),
    );
  };

  const sendTest = () => {
    const checked = checkDraft(draft);
    const to = smtpSettingsSchema.shape.fromAddress.safeParse(testTo);
    setErrors({
      ...checked.errors,
      ...(to.success ? {} : { testTo: to.error.issues[0]?.message }),
    });
    if (checked.settings === null || !to.success) {
      showInvalid();
      return;
    }
    setTesting(true);
    setTestOutcome(null);
    const typed = password();
    api()
      .invoke('smtp/test', {
        settings: checked.settings,
        to: to.data,
        ...(typeof typed === 'string' ? { password: typed } : {}),
      })
      .then((result) =>
        setTestOutcome(
          result.ok
            ? { ok: true, text: `Sent a test message to ${result.value.to}.` }
            : { ok: false, text: result.error.message },
        ),
      )
      .catch(reportThrown)
      .finally(() => setTesting(false));
  };

  return (
    <form ref={formRef} className="panel settings-form" onSubmit={submit} noValidate>
      <div className="field-row">
        <FormField label="Server" hint="Such as smtp.example.com." error={errors.host}>
          <input type="text" autoComplete="off" value={draft.host} onChange={text('host')} />
        </FormField>
        <FormField label="Port" error={errors.port}>
          <input type="text" inputMode="numeric" value={draft.port} onChange={text('port')} />
        </FormField>
      </div>
      <FormField label="Security" error={errors.security}>
        <select
          value={draft.security}
          onChange={(event) => edit('security', event.target.value as SmtpSettings['security'])}
        >
          {securityLabels.map(([security, label]) => (
            <option key={security} value={security}>
              {label}
            </option>
          ))}
        </select>
      </FormField>
      <div className="field-row">
        <FormField
          label="User name"
          hint="Empty when the server needs no login."
          error={errors.user}
        >
          <input type="text" autoComplete="off" value={draft.user} onChange={text('user')} />
        </FormField>
        <FormField
          label="Password"
          hint={
            view.hasPassword
              ? 'A password is saved. Leave this empty to keep it.'
              : 'No password is saved.'
          }
        >
          <input
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(event) => edit('password', event.target.value)}
          />
        </FormField>
      </div>
      {view.hasPassword && (
        <label className="radio">
          <input
            type="checkbox"
            checked={draft.removePassword}
            onChange={(event) => edit('removePassword', event.target.checked)}
          />
          Remove the saved password
        </label>
      )}
      <div className="field-row">
        <FormField label="From name" hint="Such as Example Ltd Accounts." error={errors.fromName}>
          <input type="text" value={draft.fromName} onChange={text('fromName')} />
        </FormField>
        <FormField label="From address" error={errors.fromAddress}>
          <input type="email" value={draft.fromAddress} onChange={text('fromAddress')} />
        </FormField>
      </div>
      <FormField
        label="Reply-to address"
        hint="Empty to have replies go to the from address."
        error={errors.replyTo}
      >
        <input type="email" value={draft.replyTo} onChange={text('replyTo')} />
      </FormField>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save the SMTP settings'}
        </button>
      </div>
      <div className="field-row">
        <FormField
          label="Send a test e-mail to"
          hint="Uses the settings above, saved or not."
          error={errors.testTo}
        >
          <input type="email" value={testTo} onChange={(event) => setTestTo(event.target.value)} />
        </FormField>
      </div>
      <div className="button-row">
        <button type="button" disabled={testing} onClick={sendTest}>
          {testing ? 'Sending…' : 'Send test e-mail'}
        </button>
      </div>
      <p
        role="status"
        className={
          testOutcome === null
            ? 'save-status'
            : `notice ${testOutcome.ok ? 'notice-ok' : 'notice-error'}`
        }
      >
        {testOutcome?.text ?? ''}
      </p>
    </form>
  );
}
