import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The folder of the built app's files. The build bundles the main process into `dist/app/`,
 * so this module's own URL, once bundled, points there. The renderer is built beside it,
 * into `dist/renderer/`.
 */
const appFolder = dirname(fileURLToPath(import.meta.url));

export const preloadPath = join(appFolder, 'preload.cjs');
export const ledgerWorkerPath = join(appFolder, 'ledger-worker.mjs');
export const iconPath = join(appFolder, 'icon.png');
export const rendererIndexPath = join(appFolder, '..', 'renderer', 'index.html');

/** The URL of the app's page: the only page its windows may show and take IPC from. */
export const appUrl = pathToFileURL(rendererIndexPath).href;
