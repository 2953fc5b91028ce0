import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder Electron's `app.getPath('userData')` gives for an app named Duedesk, computed
 * without Electron so that the CLI and the desktop app find the same ledger.
 */
export function userDataFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DUEDESK_HOME) return env.DUEDESK_HOME;
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Duedesk');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Duedesk');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Duedesk');
  }
}

/** The demo ledger that `npm start` creates when it is missing. */
export function demoLedgerPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataFolder(env), 'demo-ledger.sqlite');
}
