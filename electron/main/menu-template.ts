import type { MenuItemConstructorOptions } from 'electron';

/** What the menu's own items do; the roles (copy, zoom, quit, ...) are Electron's. */
export interface MenuActions {
  openLedger(): void;
  newLedger(): void;
  importFile(): void;
  exportInvoices(): void;
  showAbout(): void;
}

export interface MenuOptions {
  readonly appName: string;
  readonly platform: NodeJS.Platform;
  /** Hides the developer tools from users of a packaged build. */
  readonly isPackaged: boolean;
}

/**
 * Builds the application menu. macOS gets its app menu (About, Services, Hide, Quit) and a
 * Window menu; elsewhere About sits under Help and Quit under File, as users there expect.
 */
export function buildMenuTemplate(
  actions: MenuActions,
  options: MenuOptions,
): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const about: MenuItemConstructorOptions = {
    label: `About ${options.appName}`,
    click: () => actions.showAbout(),
  };
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push(appMenu(options.appName, about));
  template.push(fileMenu(actions, isMac), editMenu(isMac), viewMenu(isMac, options.isPackaged));
  if (isMac) template.push({ role: 'windowMenu' });
  template.push({ label: mnemonic('&Help', isMac), role: 'help', submenu: isMac ? [] : [about] });
  return template;
}

/** Keeps the `&` that marks an Alt-key shortcut on Windows and Linux, and drops it on macOS. */
function mnemonic(label: string, isMac: boolean): string {
  return isMac ? label.replace('&', '') : label;
}

function appMenu(appName: string, about: MenuItemConstructorOptions): MenuItemConstructorOptions {
  return {
    label: appName,
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
}

function fileMenu(actions: MenuActions, isMac: boolean): MenuItemConstructorOptions {
  return {
    label: mnemonic('&File', isMac),
    submenu: [
      { label: 'Open Ledger…', accelerator: 'CmdOrCtrl+O', click: () => actions.openLedger() },
      { label: 'New Ledger…', accelerator: 'CmdOrCtrl+N', click: () => actions.newLedger() },
      { type: 'separator' },
      { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => actions.importFile() },
      {
        label: 'Export Invoices…',
        accelerator: 'CmdOrCtrl+E',
        click: () => actions.exportInvoices(),
      },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

function editMenu(isMac: boolean): MenuItemConstructorOptions {
  return {
    label: mnemonic('&Edit', isMac),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
}

function viewMenu(isMac: boolean, isPackaged: boolean): MenuItemConstructorOptions {
  return {
    label: mnemonic('&View', isMac),
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}
