import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { FileRef } from '../../shared/ipc/api.ts';
import {
  saveFileOptions,
  saveFolderOptions,
  type SaveTarget,
} from '../../shared/ipc/report-contract.ts';
import { firstIssue } from '../../shared/validation-issue.ts';
import { ipcEvents } from '../../shared/ipc/events.ts';
import type { IpcResult } from '../../shared/ipc/ipc-error.ts';
import { dispatchIpc, type IpcHandlers } from '../ipc/dispatch.ts';
import { log } from '../log.ts';
import { isLedgerFile } from '../ledger/ledger-files.ts';
import { bridgeChannels } from './bridge-channels.ts';
import { chooseFileToOpen, chooseFileToSave } from './dialogs.ts';
import { importablePathProblem } from './importable-file.ts';
import type { LedgerSession } from './ledger-session.ts';
import { withSaveExtension } from './save-path.ts';
import { isTrustedSender } from './security-policy.ts';

/** The file filter of the dialog that picks a file to import. */
export const importFileFilters = [{ name: 'CSV or text files', extensions: ['csv', 'txt'] }];

/**
 * Registers the main process's side of the preload bridge. Every handler first checks that
 * the request came from the top frame of the app's page at `appUrl`.
 */
export function registerIpcBridge(ledger: LedgerSession, appUrl: string): void {
  ipcMain.handle(
    bridgeChannels.invoke,
    async (event, channel: unknown, payload: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event, appUrl)) {
        log.warn(`[ipc] rejected ${String(channel)} from ${senderUrl(event)}`);
        return {
          ok: false,
          error: { code: 'invalid-request', message: 'Requests are accepted only from the app.' },
        };
      }
      let handlers: IpcHandlers;
      try {
        handlers = await ledger.handlers();
      } catch (error) {
        log.error(`[ipc] ${String(channel)} failed: no ledger is open`, error);
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'failed', message } };
      }
      return dispatchIpc(handlers, channel, payload);
    },
  );

  ipcMain.handle(bridgeChannels.pickCsv, async (event): Promise<FileRef | null> => {
    rejectUntrustedSender(event, appUrl);
    const options = { properties: ['openFile' as const], filters: importFileFilters };
    const owner = BrowserWindow.fromWebContents(event.sender);
    const result = owner
      ? await dialog.showOpenDialog(owner, options)
      : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || path === undefined) return null;
    return registerImportFile(ledger, path);
  });

  ipcMain.handle(bridgeChannels.registerDropped, async (event, path: unknown): Promise<FileRef> => {
    rejectUntrustedSender(event, appUrl);
    return registerImportFile(ledger, path);
  });

  ipcMain.handle(
    bridgeChannels.chooseSaveTarget,
    async (event, options: unknown): Promise<SaveTarget | null> => {
      rejectUntrustedSender(event, appUrl);
      const parsed = saveFileOptions.safeParse(options);
      if (!parsed.success) throw new Error(firstIssue(parsed.error));
      const { suggestedName, format } = parsed.data;
      const chosen = await chooseFileToSave(BrowserWindow.fromWebContents(event.sender), {
        title: `Save the report as ${format.toUpperCase()}`,
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: `${format.toUpperCase()} files`, extensions: [format] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (chosen === null) return null;
      const path = withSaveExtension(chosen, format);
      if (ledger.path !== null && isLedgerFile(path, ledger.path)) {
        throw new Error(`${path} is the ledger itself: choose another file name for the report.`);
      }
      return ledger.registerSaveTarget({ kind: 'file', path, format });
    },
  );

  ipcMain.handle(
    bridgeChannels.chooseFolder,
    async (event, options: unknown): Promise<SaveTarget | null> => {
      rejectUntrustedSender(event, appUrl);
      // The suggested name is checked like the loopback host's, but a folder dialog picks an
      // existing folder and offers no name to fill in, so the name goes unused here.
      const parsed = saveFolderOptions.safeParse(options);
      if (!parsed.success) throw new Error(firstIssue(parsed.error));
      const path = await chooseFileToOpen(BrowserWindow.fromWebContents(event.sender), {
        title: 'Choose a folder to save the files in',
        buttonLabel: 'Save Here',
        defaultPath: app.getPath('documents'),
        properties: ['openDirectory', 'createDirectory'],
      });
      if (path === null) return null;
      return ledger.registerSaveTarget({ kind: 'folder', path });
    },
  );
}

/**
 * Registers a file for import after checking that it is an existing .csv or .txt file. It
 * raises when it is not, and the message reaches the renderer as the rejection's reason.
 */
export async function registerImportFile(ledger: LedgerSession, path: unknown): Promise<FileRef> {
  const problem = await importablePathProblem(path);
  if (problem !== null) throw new Error(problem);
  return ledger.registerFile(path as string);
}

/**
 * Sends an event to the window's page after checking it against `ipcEvents`, so that the
 * renderer only ever receives events of the contract, with valid payloads.
 */
export function sendEvent(window: BrowserWindow | null, name: string, payload: unknown): void {
  if (!Object.hasOwn(ipcEvents, name)) {
    log.warn(`[ipc] dropped the event ${name}: it is not in ipcEvents`);
    return;
  }
  const parsed = ipcEvents[name as keyof typeof ipcEvents].safeParse(payload);
  if (!parsed.success) {
    log.warn(`[ipc] dropped the event ${name}: invalid payload`, parsed.error.issues);
    return;
  }
  if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
  window.webContents.send(bridgeChannels.event, name, parsed.data);
}

function rejectUntrustedSender(event: IpcMainInvokeEvent, appUrl: string): void {
  if (isTrustedSender(event, appUrl)) return;
  log.warn(`[ipc] rejected a request from ${senderUrl(event)}`);
  throw new Error('Requests are accepted only from the app.');
}

function senderUrl(event: IpcMainInvokeEvent): string {
  return event.senderFrame?.url ?? 'a destroyed frame';
}
