import type { FileRef } from '../../shared/ipc/api.ts';
import type { DesktopContext } from './desktop-context.ts';
import { showFailure } from './dialogs.ts';
import { importPathFromArgs } from './importable-file.ts';
import { registerImportFile, sendEvent } from './ipc-bridge.ts';

/** Opens the import wizard, on `file` when given, or for the user to pick one there. */
export function openImportWizard(context: DesktopContext, file: FileRef | null): void {
  sendEvent(context.window(), 'import/open', { file });
}

/**
 * Starts the import wizard on the .csv or .txt file named in a process's arguments (a second
 * launch of the app, or "Open with" from the file manager), if there is one.
 */
export async function importFromArgs(
  context: DesktopContext,
  args: readonly string[],
  workingDirectory: string,
): Promise<void> {
  const path = importPathFromArgs(args, workingDirectory);
  if (path === null) return;
  try {
    openImportWizard(context, await registerImportFile(context.ledger, path));
  } catch (error) {
    await showFailure(context.window(), `Opening ${path} for import`, error);
  }
}
