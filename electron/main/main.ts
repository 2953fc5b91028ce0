import { mkdir } from 'node:fs/promises';
import { app, BrowserWindow, dialog, session } from 'electron';
import { startLedgerWorker } from '../ipc/ledger-worker-client.ts';
import { userDataFolder } from '../ledger/ledger-location.ts';
import { log } from '../log.ts';
import { appUrl, ledgerWorkerPath, rendererIndexPath } from './app-paths.ts';
import type { DesktopContext } from './desktop-context.ts';
import { importFromArgs } from './import-command.ts';
import { registerIpcBridge, sendEvent } from './ipc-bridge.ts';
import { defaultLedgerPath, startupLedgerPath } from './ledger-choice.ts';
import { titleWindow } from './ledger-commands.ts';
import { LedgerSession } from './ledger-session.ts';
import { safeStorageSecrets } from './safe-storage-secrets.ts';
import { installMenu } from './menu.ts';
import { confineWebContents, secureSession } from './security.ts';
import { createMainWindow } from './window.ts';

// The CLI finds ledgers in userDataFolder(); the app must use the same folder, whatever
// name Electron would derive from package.json.
app.setName('Duedesk');
app.setPath('userData', userDataFolder());
// Sandboxes every renderer, including any created without this app's webPreferences.
app.enableSandbox();

if (app.requestSingleInstanceLock()) {
  startApp();
} else {
  // The running instance receives this one's arguments through 'second-instance'.
  app.quit();
}

function startApp(): void {
  const userData = app.getPath('userData');
  let mainWindow: BrowserWindow | null = null;
  const ledger = new LedgerSession(
    (options) =>
      startLedgerWorker({
        ...options,
        entry: ledgerWorkerPath,
        secrets: safeStorageSecrets,
        reminders: true,
      }),
    (name, payload) => sendEvent(mainWindow, name, payload),
  );
  const context: DesktopContext = { ledger, userData, window: () => mainWindow };

  app.on('web-contents-created', (_event, contents) => confineWebContents(contents, appUrl));

  app.on('second-instance', (_event, args, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    void importFromArgs(context, args, workingDirectory);
  });

  const openWindow = async (): Promise<BrowserWindow> => {
    const window = createMainWindow();
    mainWindow = window;
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    titleWindow(window, ledger.path);
    await window.loadFile(rendererIndexPath);
    return window;
  };

  app
    .whenReady()
    .then(async () => {
      secureSession(session.defaultSession);
      await mkdir(userData, { recursive: true });
      await openStartupLedger(ledger, userData);
      registerIpcBridge(ledger, appUrl);
      installMenu(context);
      await openWindow();
      // NOTE: the page may not have subscribed to events yet when its load finishes, so a
      // file named on the first launch's command line can miss the import wizard.
      await importFromArgs(context, process.argv, process.cwd());
    })
    .catch(async (error: unknown) => {
      log.error('[desktop] start-up failed', error);
      const detail = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Duedesk could not start', detail);
      app.exit(1);
    });

  // macOS apps stay open without windows and make a new one when the dock icon is clicked.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) {
      openWindow().catch((error: unknown) => log.error('[desktop] reopening failed', error));
    }
  });

  closeLedgerBeforeQuit(ledger);
}

/**
 * Opens the ledger the user had open last. When that fails, because the file is damaged or
 * is not a ledger, it opens the default ledger instead so that the app still starts.
 */
async function openStartupLedger(ledger: LedgerSession, userData: string): Promise<void> {
  const path = await startupLedgerPath(userData);
  try {
    await ledger.open(path);
  } catch (error) {
    const fallback = defaultLedgerPath(userData);
    if (path === fallback) throw error;
    log.error(`[desktop] opening ${path} failed; opening ${fallback}`, error);
    await ledger.open(fallback);
  }
}

/** Delays quitting until the ledger worker has closed, so no write is cut off. */
function closeLedgerBeforeQuit(ledger: LedgerSession): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    ledger
      .close()
      .catch((error: unknown) => log.error('[desktop] closing the ledger failed', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
