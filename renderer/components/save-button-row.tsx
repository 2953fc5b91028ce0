interface SaveButtonRowProps {
  /** The button's text while no save is running. */
  readonly label: string;
  readonly saving: boolean;
  /** The message of the last save, read out by screen readers when it changes. */
  readonly status: string;
}

/** Renders a form's submit button with the status of its last save beside it. */
export function SaveButtonRow({ label, saving, status }: SaveButtonRowProps) {
  return (
    <div className="button-row">
      <button type="submit" className="button-primary" disabled={saving}>
        {saving ? 'Saving…' : label}
      </button>
      <span aria-live="polite" className="save-status">
        {status}
      </span>
    </div>
  );
}
