import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { CurrencyField } from '../../components/currency-field.tsx';
import { FormField } from '../../components/form-field.tsx';
import { SaveButtonRow } from '../../components/save-button-row.tsx';
import { useDraftForm } from '../../components/use-draft-form.ts';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import { useLedgerStore } from '../../state/ledger-store.ts';
import {
  profileDraftFrom,
  validateProfileDraft,
  type ClientProfileDraft,
  type ClientProfileErrors,
} from './client-profile-draft.ts';

type Client = IpcResponse<'clients/get'>['client'];

/**
 * Edits the client's credit limit, payment terms, industry and size band. Issued invoices
 * keep their terms; the change applies to invoices issued from now on and to utilisation.
 */
export function ClientProfileForm({ client }: { readonly client: Client }) {
  const homeCurrency = useLedgerStore((state) => state.settings?.homeCurrency ?? 'USD');
  const templates = useIpcQuery('terms/list', {}).value;
  const { formRef, saving, draft, errors, status, setStatus, edit, submitWith } = useDraftForm<
    ClientProfileDraft,
    ClientProfileErrors
  >(() => profileDraftFrom(client, homeCurrency));
  const submit = submitWith(
    'clients/update-profile',
    (current) => validateProfileDraft(client.clientId, current),
    () => setStatus('Credit and terms saved.'),
  );

  const defaultName =
    templates?.templates.find((terms) => terms.id === templates.defaultId)?.name ?? 'default';
  return (
    <form ref={formRef} className="profile-form" onSubmit={submit} noValidate>
      <div className="field-row">
        <FormField
          label="Credit limit"
          hint="Leave empty for no limit; 0 allows no credit at all."
          error={errors.limit}
        >
          <input
            type="text"
            inputMode="decimal"
            value={draft.limit}
            onChange={(event) => edit('limit', event.target.value)}
          />
        </FormField>
        <CurrencyField
          label="Limit currency"
          error={errors.currency}
          value={draft.currency}
          onChange={(code) => edit('currency', code)}
        />
      </div>
      <FormField
        label="Payment terms"
        hint="For invoices issued from now on; issued invoices keep their terms."
      >
        <select value={draft.termsId} onChange={(event) => edit('termsId', event.target.value)}>
          <option value="">{`Ledger default (${defaultName})`}</option>
          {templates?.templates.map((terms) => (
            <option key={terms.id} value={terms.id}>
              {terms.label}
            </option>
          ))}
        </select>
      </FormField>
      <div className="field-row">
        <FormField label="Industry">
          <input
            type="text"
            value={draft.industry}
            onChange={(event) => edit('industry', event.target.value)}
          />
        </FormField>
        <FormField label="Size">
          <select
            value={draft.sizeBand}
            onChange={(event) =>
              edit('sizeBand', event.target.value as ClientProfileDraft['sizeBand'])
            }
          >
            <option value="">Not known</option>
            <option value="small">Small</option>
            <option value="medium">Medium</option>
            <option value="large">Large</option>
          </select>
        </FormField>
      </div>
      <SaveButtonRow label="Save credit and terms" saving={saving} status={status} />
    </form>
  );
}
