import { useState, type FormEvent } from 'react';
import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { FormField } from '../../components/form-field.tsx';
import { useFormSave } from '../../components/use-form-save.ts';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { reportError, reportThrown } from '../../state/error-store.ts';
import { api } from '../../transport/api.ts';
import {
  emptyTermsDraft,
  termsDraftFrom,
  validateTermsDraft,
  type TermsDraft,
  type TermsDraftErrors,
} from './terms-draft.ts';

type TermsList = IpcResponse<'terms/list'>;

const feeKinds: readonly [TermsDraft['feeKind'], string][] = [
  ['none', 'No late fee'],
  ['flat', 'Flat fee, once'],
  ['percent', 'Percentage of the balance, once'],
  ['monthly-interest', 'Simple interest each month'],
];

/** Lists the ledger's payment-terms templates and adds or changes one. */
export function TermsTemplatesSection() {
  const { value } = useIpcQuery('terms/list', {});
  const [draft, setDraft] = useState<TermsDraft>(emptyTermsDraft);
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="terms-templates-heading">
      <h2 id="terms-templates-heading">Payment terms</h2>
      <p className="hint">
        Each invoice keeps the terms it was issued under; a change here applies to invoices issued
        from now on.
      </p>
      {value === null ? (
        <p className="placeholder">Loading the payment terms…</p>
      ) : (
        <TemplatesTable
          list={value}
          onEdit={(id) => {
            const terms = value.templates.find((template) => template.id === id);
            if (terms) setDraft(termsDraftFrom(terms));
            setStatus('');
          }}
          onDefault={(id) => {
            void api()
              .invoke('terms/set-default', { id })
              .then((result) => {
                if (result.ok) setStatus(`${id} is now the default terms.`);
                else reportError(result.error);
              })
              .catch(reportThrown);
          }}
        />
      )}
      <TermsForm key={draft.id} initial={draft} onSaved={(id) => setStatus(`Saved ${id}.`)} />
      <p aria-live="polite" className="save-status">
        {status}
      </p>
    </section>
  );
}

interface TemplatesTableProps {
  readonly list: TermsList;
  readonly onEdit: (id: string) => void;
  readonly onDefault: (id: string) => void;
}

function TemplatesTable({ list, onEdit, onDefault }: TemplatesTableProps) {
  return (
    <table className="figure-table terms-table">
      <caption className="visually-hidden">Payment terms templates</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Terms</th>
          <th scope="col">Payment methods</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.templates.map((terms) => (
          <tr key={terms.id}>
            <th scope="row">
              {terms.name}
              {terms.id === list.defaultId && <span className="badge">default</span>}
            </th>
            <td>{terms.description}</td>
            <td>{terms.paymentMethods.join(', ')}</td>
            <td>
              <div className="row-actions">
                <button type="button" onClick={() => onEdit(terms.id)}>
                  Edit <span className="visually-hidden">{terms.name}</span>
                </button>
                {terms.id !== list.defaultId && (
                  <button type="button" onClick={() => onDefault(terms.id)}>
                    Make default <span className="visually-hidden">{terms.name}</span>
                  </button>
                )}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface TermsFormProps {
  readonly initial: TermsDraft;
  readonly onSaved: (id: string) => void;
}

function TermsForm({ initial, onSaved }: TermsFormProps) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<TermsDraftErrors>({});
  const { formRef, saving, showInvalid, save } = useFormSave();
  const edit = <K extends keyof TermsDraft>(key: K, value: TermsDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    // A message about a field the user is changing no longer applies.
    setErrors((current) => ({ ...current, [key]: undefined }));
  };
  const text = (key: keyof TermsDraft, label: string, hint?: string) => (
    <FormField label={label} hint={hint} error={errors[key]}>
      <input
        type="text"
        value={draft[key]}
        onChange={(event) => edit(key, event.target.value as TermsDraft[typeof key])}
      />
    </FormField>
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateTermsDraft(draft);
    setErrors(checked.errors ?? {});
    if (checked.terms === null) {
      showInvalid();
      return;
    }
    const { id } = checked.terms;
    save('terms/save', checked.terms, () => onSaved(id));
  };

  const feeHint =
    draft.feeKind === 'flat'
      ? 'An amount such as 25.00, charged in the invoice’s currency.'
      : 'A percent such as 1.5.';
  return (
    <form ref={formRef} className="panel terms-form" onSubmit={submit} noValidate>
      <h3>Add or change payment terms</h3>
      <div className="field-row">
        {text('id', 'Id', 'Lower-case letters, digits and hyphens; an existing id is replaced.')}
        {text('name', 'Name')}
      </div>
      <div className="field-row">
        {text('netDays', 'Days to pay', '0 for due on receipt.')}
        {text('graceDays', 'Grace days', 'Days after the due date before a fee.')}
      </div>
      <div className="field-row">
        {text('discountPercent', 'Early-payment discount (%)', 'Empty for none.')}
        {text('discountDays', 'Discount if paid within (days)')}
      </div>
      <div className="field-row">
        <FormField label="Late fee">
          <select
            value={draft.feeKind}
            onChange={(event) => edit('feeKind', event.target.value as TermsDraft['feeKind'])}
          >
            {feeKinds.map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </FormField>
        {draft.feeKind !== 'none' && text('feeValue', 'Fee or rate', feeHint)}
      </div>
      {text('paymentMethods', 'Payment methods', 'Comma-separated, as statements print them.')}
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save payment terms'}
        </button>
      </div>
    </form>
  );
}
