import { app, Menu } from 'electron';
import { log } from '../log.ts';
import type { DesktopContext } from './desktop-context.ts';
import { exportInvoicesCommand } from './export-command.ts';
import { openImportWizard } from './import-command.ts';
import { newLedgerCommand, openLedgerCommand } from './ledger-commands.ts';
import { buildMenuTemplate } from './menu-template.ts';

/** Installs the application menu, whose commands act on the context's ledger and window. */
export function installMenu(context: DesktopContext): void {
  const template = buildMenuTemplate(
    {
      openLedger: () => run('Open Ledger', openLedgerCommand(context)),
      newLedger: () => run('New Ledger', newLedgerCommand(context)),
      importFile: () => openImportWizard(context, null),
      exportInvoices: () => run('Export Invoices', exportInvoicesCommand(context)),
      showAbout,
    },
    { appName: app.getName(), platform: process.platform, isPackaged: app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function showAbout(): void {
  app.setAboutPanelOptions({
    applicationName: app.getName(),
    applicationVersion: app.getVersion(),
    copyright: 'Copyright © 2026 Duedesk',
  });
  app.showAboutPanel();
}

/** Logs a menu command's unexpected failure; the commands report expected ones themselves. */
function run(command: string, work: Promise<void>): void {
  work.catch((error: unknown) => log.error(`[menu] ${command} failed`, error));
}
