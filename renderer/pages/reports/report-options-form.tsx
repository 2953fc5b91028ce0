import { useId } from 'react';
import type { ReportEntry } from '../../../shared/reports/report-catalog.ts';
import { FormField } from '../../components/form-field.tsx';
import type { OptionProblems, ReportOptions, RiskTier, ShownDates } from './report-options.ts';

/** A client the client field offers, by code. */
export interface ClientChoice {
  readonly code: string;
  readonly name: string;
}

interface ReportOptionsFormProps {
  readonly entry: ReportEntry;
  readonly options: ReportOptions;
  readonly dates: ShownDates;
  readonly problems: OptionProblems;
  readonly clients: readonly ClientChoice[];
  readonly currencies: readonly string[];
  onChange(patch: Partial<ReportOptions>): void;
}

const tierNames: Readonly<Record<RiskTier, string>> = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
};

/**
 * Renders the dates and filters of the chosen report. An as-of report takes one date, a period
 * report a first and last day. The client field offers the ledger's codes but accepts any
 * text, because the ledger, not the page, decides whether a code exists.
 */
export function ReportOptionsForm(props: ReportOptionsFormProps) {
  const { entry, options, dates, problems, clients, currencies, onChange } = props;
  const listId = useId();

  return (
    <div className="report-options">
      <fieldset className="filter-bar report-dates">
        <legend>{entry.dates === 'as-of' ? 'Date' : 'Period'}</legend>
        {entry.dates === 'as-of' ? (
          <FormField label="As-of date" error={problems.asOf}>
            <DateInput value={dates.asOf} onChange={(asOf) => onChange({ asOf })} />
          </FormField>
        ) : (
          <>
            <FormField label="From" error={problems.from}>
              <DateInput value={dates.from} onChange={(from) => onChange({ from })} />
            </FormField>
            <FormField label="To" error={problems.to}>
              <DateInput value={dates.to} onChange={(to) => onChange({ to })} />
            </FormField>
          </>
        )}
      </fieldset>
      <fieldset className="filter-bar report-filters">
        <legend>Filters</legend>
        <FormField
          label={entry.perClient ? 'Client code (required)' : 'Client code'}
          error={problems.client}
        >
          <input
            type="text"
            list={listId}
            value={options.client}
            autoComplete="off"
            spellCheck={false}
            required={entry.perClient}
            placeholder={entry.perClient ? 'Choose a client' : 'All clients'}
            onChange={(event) => onChange({ client: event.target.value })}
          />
        </FormField>
        <datalist id={listId}>
          {clients.map((client) => (
            <option key={client.code} value={client.code}>
              {client.name}
            </option>
          ))}
        </datalist>
        <FormField label="Risk tier">
          <select
            value={options.tier}
            onChange={(event) => onChange({ tier: event.target.value as RiskTier | '' })}
          >
            <option value="">All tiers</option>
            {(Object.keys(tierNames) as RiskTier[]).map((tier) => (
              <option key={tier} value={tier}>
                {tierNames[tier]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          label="Account manager"
          hint="As on the clients' profiles; case does not matter."
          error={problems.manager}
        >
          <input
            type="text"
            value={options.manager}
            placeholder="All managers"
            onChange={(event) => onChange({ manager: event.target.value })}
          />
        </FormField>
        <FormField label="Currency filter">
          <select
            value={options.currency}
            onChange={(event) => onChange({ currency: event.target.value })}
          >
            <option value="">All currencies</option>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </FormField>
      </fieldset>
    </div>
  );
}

interface DateInputProps {
  readonly value: string;
  onChange(value: string): void;
  // Set by FormField, which ties the input to its label and message.
  readonly id?: string;
  readonly 'aria-invalid'?: boolean;
  readonly 'aria-describedby'?: string;
}

function DateInput({ value, onChange, ...aria }: DateInputProps) {
  return (
    <input
      {...aria}
      type="date"
      value={value}
      min="1900-01-01"
      max="9999-12-31"
      required
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
