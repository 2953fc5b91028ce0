import { useImportStore } from '../state/import-store.ts';
import { navigate } from '../state/route-store.ts';
import { api } from '../transport/api.ts';

/**
 * Opens the import wizard when the main process requests it, from the File menu or for a CSV
 * file the app was started with, and takes in the file when one comes with the request.
 */
export function watchImportRequests(): () => void {
  return api().on('import/open', ({ file }) => {
    navigate({ page: 'import' });
    if (file !== null) useImportStore.getState().chooseFile(file);
  });
}
