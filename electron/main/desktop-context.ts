import type { BrowserWindow } from 'electron';
import type { LedgerSession } from './ledger-session.ts';

/** State shared by the menu commands and the start-up steps. */
export interface DesktopContext {
  readonly ledger: LedgerSession;
  /** The folder of the app's own files: the default ledger and the last-ledger record. */
  readonly userData: string;
  /** The app's window; null while none is open (macOS keeps running without one). */
  window(): BrowserWindow | null;
}
