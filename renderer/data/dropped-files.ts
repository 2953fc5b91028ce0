import { reportThrown } from '../state/error-store.ts';
import { useImportStore } from '../state/import-store.ts';
import { navigate } from '../state/route-store.ts';
import { api } from '../transport/api.ts';

/**
 * Takes a file dropped anywhere on the window into the import wizard. Without this the
 * browser, or Electron, would navigate away from the app to show the file.
 */
export function watchDroppedFiles(): void {
  window.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file === undefined) return;
    navigate({ page: 'import' });
    api()
      .registerDroppedFile(file)
      .then((ref) => useImportStore.getState().chooseFile(ref))
      .catch(reportThrown);
  });
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}
