import { useState, type FormEvent } from 'react';
import type { IpcResponse, RiskSettingsValue } from '../../../shared/ipc/contract.ts';
import { FormField } from '../../components/form-field.tsx';
import { useFormSave } from '../../components/use-form-save.ts';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import {
  linearWeights,
  riskDraftFrom,
  tiers,
  validateRiskDraft,
  type RiskDraftErrors,
  type RiskSettingsDraft,
  type RiskTier,
} from './risk-settings-draft.ts';

const tierNames: Readonly<Record<RiskTier, string>> = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
};

/** Edits the risk settings: tier thresholds, tier policies and the score's weights. */
export function RiskSettingsSection() {
  const { value } = useIpcQuery('risk/settings/get', {});
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="risk-settings-heading">
      <h2 id="risk-settings-heading">Risk tiers and policies</h2>
      {value === null ? (
        <p className="placeholder">Loading the risk settings…</p>
      ) : (
        // Keyed on the saved values, so that a save or a change elsewhere resets the form.
        <RiskSettingsForm key={JSON.stringify(value)} settings={value} onSaved={setSaved} />
      )}
      {/* aria-live rather than role="status": the page's own save message has that role. */}
      <p aria-live="polite" className="save-status">
        {saved ? 'Risk settings saved.' : ''}
      </p>
    </section>
  );
}

interface RiskSettingsFormProps {
  readonly settings: RiskSettingsValue;
  readonly onSaved: (saved: boolean) => void;
}

type TermsList = IpcResponse<'terms/list'>;

function RiskSettingsForm({ settings, onSaved: setSaved }: RiskSettingsFormProps) {
  const templates = useIpcQuery('terms/list', {}).value;
  const [draft, setDraft] = useState<RiskSettingsDraft>(() => riskDraftFrom(settings));
  const [errors, setErrors] = useState<RiskDraftErrors>({});
  const { formRef, saving, showInvalid, save } = useFormSave();

  const editNumber = (path: string, text: string) => {
    setDraft((current) => ({ ...current, numbers: { ...current.numbers, [path]: text } }));
    setSaved(false);
  };
  const numberField = (path: string, label: string, hint?: string) => (
    <FormField key={path} label={label} hint={hint} error={errors[path]}>
      <input
        type="text"
        inputMode="decimal"
        value={draft.numbers[path] ?? ''}
        onChange={(event) => editNumber(path, event.target.value)}
      />
    </FormField>
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateRiskDraft(draft, settings);
    setErrors(checked.errors ?? {});
    if (checked.settings === null) {
      showInvalid();
      return;
    }
    // The main process reports the change, and every view, this form included, reloads.
    save('risk/settings/update', checked.settings, () => setSaved(true));
  };

  return (
    <form ref={formRef} className="settings-form" onSubmit={submit} noValidate>
      <fieldset className="panel">
        <legend>Tiers</legend>
        {numberField(
          'tierThresholds.medium',
          'Medium risk from score',
          'Scores from 0 to 100; below this a client is low risk.',
        )}
        {numberField('tierThresholds.high', 'High risk from score')}
        {numberField(
          'minimumSettledInvoices',
          'Settled invoices needed for a score',
          'Invoices settled in the last 12 months; clients with fewer are not scored.',
        )}
      </fieldset>
      {tiers.map((tier) => (
        <fieldset key={tier} className="panel">
          <legend>{tierNames[tier]} policy</legend>
          <FormField
            label="Payment terms"
            hint={`Early-payment incentive: ${incentiveOf(draft.terms[tier], templates)}.`}
            error={errors[`tierPolicies.${tier}.termsTemplateId`]}
          >
            <select
              value={draft.terms[tier]}
              onChange={(event) => {
                const id = event.target.value;
                setDraft((current) => ({ ...current, terms: { ...current.terms, [tier]: id } }));
                setSaved(false);
              }}
            >
              {(templates?.templates ?? []).map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </select>
          </FormField>
          {numberField(`tierPolicies.${tier}.upfrontPercent`, 'Paid upfront (%)')}
          {numberField(
            `tierPolicies.${tier}.creditLimitMonths`,
            'Credit limit (months of invoicing)',
            "Months of the client's average monthly invoicing over the last 12 months; " +
              'leave empty for no limit rule.',
          )}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.cashOnDelivery[tier]}
              onChange={(event) => {
                const checked = event.target.checked;
                setDraft((current) => ({
                  ...current,
                  cashOnDelivery: { ...current.cashOnDelivery, [tier]: checked },
                }));
                setSaved(false);
              }}
            />
            Cash on delivery
          </label>
        </fieldset>
      ))}
      <details className="panel">
        <summary>Score weights</summary>
        <p className="hint">
          Each factor gives points per unit of its measure, up to its cap. The score is the sum,
          capped at 100.
        </p>
        {linearWeights.map(([key, label, unit]) => (
          <fieldset key={key} className="weight-row">
            <legend>{label}</legend>
            {numberField(`weights.${key}.pointsPerUnit`, 'Points', unit)}
            {numberField(`weights.${key}.cap`, 'Cap')}
          </fieldset>
        ))}
        {numberField(
          'weights.utilisationFrom',
          'Credit use: points start above',
          'A share of the credit limit: 0.8 is 80%.',
        )}
        {numberField(
          'weights.lateShareDays',
          'Late share: days late that count',
          'Invoices paid more than this many days late count as late.',
        )}
      </details>
      {errors.settings && <p className="field-error">{errors.settings}</p>}
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save risk settings'}
        </button>
      </div>
    </form>
  );
}

function incentiveOf(templateId: string, templates: TermsList | null): string {
  if (templates === null) return '…';
  const template = templates.templates.find((candidate) => candidate.id === templateId);
  return template === undefined ? 'unknown template' : template.incentive;
}
