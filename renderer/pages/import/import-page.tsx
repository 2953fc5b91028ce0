import { PageHeading } from '../../components/page-heading.tsx';
import { useImportStore } from '../../state/import-store.ts';
import { FileChoice } from './file-choice.tsx';
import { ImportOptionsForm } from './import-options-form.tsx';
import { ImportPreview } from './import-preview.tsx';
import { ImportRunPanel } from './import-run-panel.tsx';

/** Shows the import wizard: file, options, preview with column mapping, then the import. */
export function ImportPage() {
  const file = useImportStore((state) => state.file);
  const preview = useImportStore((state) => state.preview);
  const previewing = useImportStore((state) => state.previewing);
  const startOver = useImportStore((state) => state.startOver);
  const running = useImportStore((state) => state.run !== null);
  return (
    <section>
      <PageHeading title="Import" />
      <p className="lead">
        Reads a CSV export of invoices, payments or credit notes. An import is all or nothing: when
        any row is wrong, nothing is written and every problem is listed.
      </p>
      <ol className="wizard">
        <li className="panel">
          <h2>1. File</h2>
          <FileChoice />
        </li>
        <li className="panel">
          <h2>2. Options</h2>
          <ImportOptionsForm />
        </li>
        <li className="panel" aria-busy={previewing}>
          <h2>3. Preview</h2>
          {preview === null ? (
            <p className="placeholder">
              {file === null
                ? 'Choose a file to see how it will be read.'
                : previewing
                  ? 'Reading the start of the file…'
                  : 'No preview: see the error above.'}
            </p>
          ) : (
            <ImportPreview preview={preview} />
          )}
        </li>
        <li className="panel">
          <h2>4. Import</h2>
          <ImportRunPanel />
          {file !== null && !running && (
            <button type="button" className="button-quiet" onClick={startOver}>
              Start over with another file
            </button>
          )}
        </li>
      </ol>
    </section>
  );
}
