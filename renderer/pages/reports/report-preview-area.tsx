import { ReportPreviewView } from './report-preview-view.tsx';
import type { PreviewState } from './use-report-preview.ts';

interface ReportPreviewAreaProps {
  /** False while a field of the form has a problem, so no preview is requested. */
  readonly formReady: boolean;
  readonly state: PreviewState;
}

/**
 * Shows the preview, or why there is none: a problem in the form, the ledger's message for a
 * request it cannot serve (such as an unknown client code), or a preview still loading.
 */
export function ReportPreviewArea({ formReady, state }: ReportPreviewAreaProps) {
  const { preview, displayed, error, loading } = state;

  return (
    <section
      className="report-preview-area"
      aria-labelledby="report-preview-heading"
      aria-busy={formReady && loading}
    >
      <h2 id="report-preview-heading" className="visually-hidden">
        Preview
      </h2>
      {/* Present while empty, so that screen readers announce an error when it arrives. */}
      <div role="alert" className="report-preview-error">
        {error !== null && (
          <div className="notice notice-error">
            <p>The report cannot be made: {error.message}</p>
            {error.issues !== undefined && error.issues.length > 0 && (
              <ul>
                {error.issues.map((issue) => (
                  <li key={issue}>{issue}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <p className="report-preview-status hint" role="status">
        {!formReady
          ? 'Correct the options above to see a preview.'
          : loading
            ? 'Making the preview…'
            : ''}
      </p>
      {formReady && error === null && displayed !== null && (
        <ReportPreviewView preview={displayed} stale={preview === null || loading} />
      )}
    </section>
  );
}
