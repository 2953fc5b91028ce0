import { useMemo, useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/ipc/contract.ts';
import { FormField } from '../../components/form-field.tsx';
import { useFormSave } from '../../components/use-form-save.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { useLedgerStore } from '../../state/ledger-store.ts';
import { DunningLadderSection } from './dunning-ladder-section.tsx';
import { RiskSettingsSection } from './risk-settings-form.tsx';
import { SmtpSettingsSection } from './smtp-settings-section.tsx';
import { TermsTemplatesSection } from './terms-templates-section.tsx';
import {
  draftFrom,
  validateDraft,
  type DraftErrors,
  type SettingsDraft,
} from './settings-draft.ts';

const boundsHint =
  'The last day of each bucket, ascending and comma-separated: ' +
  '30, 60, 90 gives current, 1–30, 31–60, 61–90 and over 90 days.';

export function SettingsPage() {
  const settings = useLedgerStore((state) => state.settings);
  // Kept here because a save remounts the form below.
  const [saved, setSaved] = useState(false);
  return (
    <section>
      <PageHeading title="Settings" />
      {settings === null ? (
        <p className="placeholder">Loading the settings…</p>
      ) : (
        // Keyed on the saved values, so that a save or a change elsewhere resets the form.
        <SettingsForm key={JSON.stringify(settings)} settings={settings} onSaved={setSaved} />
      )}
      <p role="status" className="save-status">
        {saved ? 'Settings saved.' : ''}
      </p>
      <TermsTemplatesSection />
      <RiskSettingsSection />
      <SmtpSettingsSection />
      <DunningLadderSection />
    </section>
  );
}

interface SettingsFormProps {
  readonly settings: Settings;
  /** Called with true after a save and with false on the next edit. */
  readonly onSaved: (saved: boolean) => void;
}

function SettingsForm({ settings, onSaved: setSaved }: SettingsFormProps) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(settings));
  const [errors, setErrors] = useState<DraftErrors>({});
  const { formRef, saving, showInvalid, save } = useFormSave();
  const setSettings = useLedgerStore((state) => state.setSettings);
  const reload = useLedgerStore((state) => state.reload);
  const currencies = useMemo(() => Intl.supportedValuesOf('currency'), []);

  const edit = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setSaved(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateDraft(draft);
    setErrors(checked.errors ?? {});
    if (checked.settings === null) {
      showInvalid();
      return;
    }
    save('settings/update', checked.settings, async (saved) => {
      setSaved(true);
      setSettings(saved);
      // Bucket bounds and the basis change every figure, so every view reloads.
      await reload();
    });
  };

  return (
    <form ref={formRef} className="settings-form" onSubmit={submit} noValidate>
      <fieldset className="panel">
        <legend>Aging</legend>
        <FormField label="Bucket bounds (days)" hint={boundsHint} error={errors.bounds}>
          <input
            type="text"
            inputMode="numeric"
            value={draft.bounds}
            onChange={(event) => edit('bounds', event.target.value)}
          />
        </FormField>
        <fieldset className="radio-group">
          <legend>Count an invoice's age from its</legend>
          {(['due', 'invoice'] as const).map((basis) => (
            <label key={basis} className="radio">
              <input
                type="radio"
                name="basis"
                value={basis}
                checked={draft.basis === basis}
                onChange={() => edit('basis', basis)}
              />
              {basis === 'due' ? 'due date' : 'invoice date'}
            </label>
          ))}
        </fieldset>
        <FormField
          label="Home currency"
          hint="The currency the dashboard and aging show first."
          error={errors.homeCurrency}
        >
          <input
            type="text"
            list="currency-codes"
            maxLength={3}
            autoCapitalize="characters"
            value={draft.homeCurrency}
            onChange={(event) => edit('homeCurrency', event.target.value.toUpperCase())}
          />
        </FormField>
        <datalist id="currency-codes">
          {currencies.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
      </fieldset>
      <fieldset className="panel">
        <legend>Company</legend>
        <FormField label="Name" error={errors.companyName}>
          <input
            type="text"
            autoComplete="organization"
            value={draft.companyName}
            onChange={(event) => edit('companyName', event.target.value)}
          />
        </FormField>
        <FormField label="Address" error={errors.companyAddress}>
          <textarea
            rows={4}
            autoComplete="street-address"
            value={draft.companyAddress}
            onChange={(event) => edit('companyAddress', event.target.value)}
          />
        </FormField>
        <FormField label="E-mail" error={errors.companyEmail}>
          <input
            type="email"
            autoComplete="email"
            value={draft.companyEmail}
            onChange={(event) => edit('companyEmail', event.target.value)}
          />
        </FormField>
        <FormField label="Phone" error={errors.companyPhone}>
          <input
            type="tel"
            autoComplete="tel"
            value={draft.companyPhone}
            onChange={(event) => edit('companyPhone', event.target.value)}
          />
        </FormField>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
