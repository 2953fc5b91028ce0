import { useMemo } from 'react';
import { useCurrencyChoices } from '../../state/currency-store.ts';
import { useImportStore } from '../../state/import-store.ts';
import {
  dateOrders,
  importPresets,
  recordKinds,
  type DateOrder,
  type PresetId,
  type RecordKind,
} from './import-presets.ts';

/** Step 2: how to read the file. Every change previews the file again. */
export function ImportOptionsForm() {
  const choices = useImportStore((state) => state.choices);
  const choose = useImportStore((state) => state.choose);
  const busy = useImportStore((state) => state.run !== null);
  const ledgerCurrencies = useCurrencyChoices();
  const otherCurrencies = useMemo(
    () => Intl.supportedValuesOf('currency').filter((code) => !ledgerCurrencies.includes(code)),
    [ledgerCurrencies],
  );
  const preset = importPresets.find((candidate) => candidate.id === choices.preset);
  const fixedKind = preset?.kind ?? null;

  return (
    <fieldset className="form-grid" disabled={busy}>
      <legend className="visually-hidden">Import options</legend>
      <label className="field">
        <span>Preset</span>
        <select
          value={choices.preset}
          aria-describedby="preset-hint"
          onChange={(event) => choose('preset', event.target.value as PresetId)}
        >
          {importPresets.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <span className="hint" id="preset-hint">
          {preset?.description}
        </span>
      </label>
      <label className="field">
        <span>Records in the file</span>
        <select
          value={fixedKind ?? choices.kind}
          disabled={fixedKind !== null}
          aria-describedby={fixedKind === null ? undefined : 'kind-fixed-hint'}
          onChange={(event) => choose('kind', event.target.value as RecordKind)}
        >
          {recordKinds.map((kind) => (
            <option key={kind.id} value={kind.id}>
              {kind.label}
            </option>
          ))}
        </select>
        {fixedKind !== null && (
          <span className="hint" id="kind-fixed-hint">
            Fixed by the preset.
          </span>
        )}
      </label>
      <label className="field">
        <span>Currency of rows that state none</span>
        <select
          value={choices.currency}
          onChange={(event) => choose('currency', event.target.value)}
        >
          <option value="">None: every row states its currency</option>
          <optgroup label="Used in this ledger">
            {ledgerCurrencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </optgroup>
          <optgroup label="Other currencies">
            {otherCurrencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="field">
        <span>Date order</span>
        <select
          value={choices.dateOrder}
          onChange={(event) => choose('dateOrder', event.target.value as DateOrder | '')}
        >
          <option value="">Detect from the dates</option>
          {dateOrders.map((order) => (
            <option key={order.id} value={order.id}>
              {order.label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
