import { FormField } from './form-field.tsx';

interface CurrencyFieldProps {
  readonly label: string;
  readonly error?: string | undefined;
  readonly value: string;
  /** Receives the code in capital letters. */
  readonly onChange: (code: string) => void;
}

/** Renders a labelled input for a three-letter currency code. */
export function CurrencyField({ label, error, value, onChange }: CurrencyFieldProps) {
  return (
    <FormField label={label} error={error}>
      <input
        type="text"
        maxLength={3}
        autoCapitalize="characters"
        value={value}
        onChange={(event) => onChange(event.target.value.toUpperCase())}
      />
    </FormField>
  );
}
