import { reportThrown } from '../../state/error-store.ts';
import { useImportStore } from '../../state/import-store.ts';
import { api } from '../../transport/api.ts';
import { formatCount } from '../../format/figures.ts';

/** Step 1: a button that opens the file chooser; dropping a file on the window works too. */
export function FileChoice() {
  const file = useImportStore((state) => state.file);
  const chooseFile = useImportStore((state) => state.chooseFile);
  const busy = useImportStore((state) => state.run !== null);

  const pick = () => {
    api()
      .pickCsvFile()
      .then((ref) => {
        if (ref !== null) chooseFile(ref);
      })
      .catch(reportThrown);
  };

  return (
    <div className="file-choice">
      <button type="button" className="button-primary" onClick={pick} disabled={busy}>
        {file === null ? 'Choose a CSV file…' : 'Choose another file…'}
      </button>
      <p className="hint">Or drop a CSV file anywhere on this window.</p>
      {file !== null && (
        <p className="chosen-file">
          Chosen: <strong>{file.name}</strong> ({formatCount(file.sizeBytes)} bytes)
        </p>
      )}
    </div>
  );
}
