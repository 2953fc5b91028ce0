import { useErrorStore } from '../state/error-store.ts';

/** Every unread failure, with its message and details, until the user dismisses it. */
export function ErrorBanner() {
  const errors = useErrorStore((state) => state.errors);
  const dismiss = useErrorStore((state) => state.dismiss);
  // The live region stays in the page even when empty, so screen readers announce additions.
  return (
    <div className="error-banner" role="alert" aria-live="assertive">
      {errors.map((error) => (
        <div className="error-banner-item" key={error.id}>
          <div className="error-banner-text">
            <strong>Error:</strong> {error.message}
            {error.issues.length > 0 && (
              <ul>
                {error.issues.map((issue) => (
                  <li key={issue}>{issue}</li>
                ))}
              </ul>
            )}
          </div>
          <button
            type="button"
            className="button-quiet"
            onClick={() => dismiss(error.id)}
            aria-label={`Dismiss error: ${error.message}`}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
