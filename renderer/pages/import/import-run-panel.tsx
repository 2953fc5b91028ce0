import { useEffect, useRef } from 'react';
import { reportThrown } from '../../state/error-store.ts';
import { useImportStore } from '../../state/import-store.ts';
import { ImportResultView } from './import-result.tsx';

/** Step 4: the Import button, the progress of a running import, and its outcome. */
export function ImportRunPanel() {
  const preview = useImportStore((state) => state.preview);
  const previewing = useImportStore((state) => state.previewing);
  const run = useImportStore((state) => state.run);
  const result = useImportStore((state) => state.result);
  const startImport = useImportStore((state) => state.startImport);
  const cancelImport = useImportStore((state) => state.cancelImport);
  const outcome = useRef<HTMLDivElement>(null);

  // The outcome appears below a long preview, where the user would not otherwise see it.
  useEffect(() => {
    if (result !== null) outcome.current?.scrollIntoView({ block: 'start' });
  }, [result]);

  return (
    <>
      {run === null ? (
        <div className="button-row">
          <button
            type="button"
            className="button-primary"
            disabled={preview === null || previewing}
            onClick={() => startImport().catch(reportThrown)}
          >
            Import
          </button>
          {preview !== null && preview.problems.length > 0 && (
            <span className="hint">
              The preview found problems; importing lists every problem in the file and imports
              nothing while any remain.
            </span>
          )}
        </div>
      ) : (
        <div className="import-progress">
          <label>
            <span>
              {run.cancelling
                ? 'Cancelling…'
                : `Importing: ${Math.round(run.fraction * 100)}% of the file read`}
            </span>
            <progress max={1} value={run.fraction} />
          </label>
          <button
            type="button"
            className="button-secondary"
            disabled={run.cancelling}
            onClick={() => cancelImport().catch(reportThrown)}
          >
            Cancel
          </button>
        </div>
      )}
      <div role="status" aria-live="polite" ref={outcome}>
        {result !== null && <ImportResultView result={result} />}
      </div>
    </>
  );
}
