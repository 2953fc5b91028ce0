import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { BrowserWindow } from 'electron';
import { log } from '../log.ts';
import { chooseFileToOpen, chooseFileToSave, showFailure } from './dialogs.ts';
import type { DesktopContext } from './desktop-context.ts';
import { sendEvent } from './ipc-bridge.ts';
import { rememberLedgerPath } from './ledger-choice.ts';

const ledgerFilters = [{ name: 'Duedesk ledgers', extensions: ['sqlite', 'db'] }];

/** File › Open Ledger…: switches the window to a ledger file the user picks. */
export async function openLedgerCommand(context: DesktopContext): Promise<void> {
  const path = await chooseFileToOpen(context.window(), {
    title: 'Open Ledger',
    properties: ['openFile'],
    filters: ledgerFilters,
  });
  if (path === null) return;
  await switchLedger(context, path, 'Opening the ledger');
}

/**
 * File › New Ledger…: creates an empty ledger at a path the user picks and switches to it.
 * An existing file is never replaced, even when the save dialog's own overwrite prompt was
 * accepted, because replacing a ledger would lose its data.
 */
export async function newLedgerCommand(context: DesktopContext): Promise<void> {
  const chosen = await chooseFileToSave(context.window(), {
    title: 'New Ledger',
    defaultPath: 'ledger.sqlite',
    filters: ledgerFilters,
  });
  if (chosen === null) return;
  // Linux file choosers do not append the filter's extension themselves.
  const path = extname(chosen) === '' ? `${chosen}.sqlite` : chosen;
  if (existsSync(path)) {
    const message = `${path} already exists. Open it with File › Open Ledger… instead.`;
    const error = new Error(message);
    await showFailure(context.window(), 'Creating the ledger', error);
    return;
  }
  await switchLedger(context, path, 'Creating the ledger');
}

/** Opens the ledger at `path` (created when missing), remembers it and reloads the views. */
export async function switchLedger(
  context: DesktopContext,
  path: string,
  action: string,
): Promise<void> {
  try {
    await context.ledger.open(path);
  } catch (error) {
    await showFailure(context.window(), action, error);
    return;
  }
  titleWindow(context.window(), path);
  sendEvent(context.window(), 'ledger/changed', { reason: 'ledger-opened' });
  try {
    await rememberLedgerPath(context.userData, path);
  } catch (error) {
    // The ledger is open and only its reopening at the next start is lost: no dialog.
    log.warn(`[desktop] could not record ${path} as the last ledger`, error);
  }
}

/** Titles the window after the ledger file, as document-based desktop apps do. */
export function titleWindow(window: BrowserWindow | null, ledgerPath: string | null): void {
  if (!window || window.isDestroyed()) return;
  window.setTitle(ledgerPath ? `${basename(ledgerPath)} — Duedesk` : 'Duedesk');
  if (process.platform === 'darwin' && ledgerPath) window.setRepresentedFilename(ledgerPath);
}
