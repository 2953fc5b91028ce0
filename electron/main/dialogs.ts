import {
  dialog,
  type BrowserWindow,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { log } from '../log.ts';

/** Shows an open dialog, attached to `window` when there is one; null when cancelled. */
export async function chooseFileToOpen(
  window: BrowserWindow | null,
  options: OpenDialogOptions,
): Promise<string | null> {
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Shows a save dialog, attached to `window` when there is one; null when cancelled. */
export async function chooseFileToSave(
  window: BrowserWindow | null,
  options: SaveDialogOptions,
): Promise<string | null> {
  const result = window
    ? await dialog.showSaveDialog(window, options)
    : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** Tells the user that `action` failed and why, and logs the error. */
export async function showFailure(
  window: BrowserWindow | null,
  action: string,
  error: unknown,
): Promise<void> {
  log.error(`[desktop] ${action} failed`, error);
  const detail = error instanceof Error ? error.message : String(error);
  const options = { type: 'error' as const, message: `${action} failed.`, detail };
  if (window) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}

/** Shows an information message, attached to `window` when there is one. */
export async function showInformation(
  window: BrowserWindow | null,
  message: string,
  detail: string,
): Promise<void> {
  const options = { type: 'info' as const, message, detail };
  if (window) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}
