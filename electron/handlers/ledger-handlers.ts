import type { IpcHandlers } from '../ipc/dispatch.ts';
import { clientHandlers } from './client-handlers.ts';
import { dunningHandlers } from './dunning-handlers.ts';
import { collectionActivityHandlers } from './collection-activity-handlers.ts';
import { contactHandlers } from './contact-handlers.ts';
import { importHandlers } from './import-handlers.ts';
import { metricHandlers } from './metric-handlers.ts';
import type { LedgerContext } from './ledger-context.ts';
import { outboxHandlers } from './outbox-handlers.ts';
import { reportFileHandlers, type SaveTargets } from './report-file-handlers.ts';
import { reportHandlers } from './report-handlers.ts';
import { riskHandlers } from './risk-handlers.ts';
import { riskSettingsHandlers } from './risk-settings-handlers.ts';
import { settingsHandlers } from './settings-handlers.ts';
import { smtpHandlers } from './smtp-handlers.ts';
import { termsHandlers } from './terms-handlers.ts';
import { trendHandlers } from './trend-handlers.ts';

/**
 * Creates a handler for every channel of the IPC contract, served from one ledger.
 * `saveTargets` maps tokens to the files and folders the user chose to save reports into.
 * The ledger worker fills it as the main thread registers them.
 */
export function createLedgerHandlers(
  context: LedgerContext,
  saveTargets: SaveTargets = new Map(),
): IpcHandlers {
  return {
    ...reportHandlers(context),
    ...reportFileHandlers(context, saveTargets),
    ...clientHandlers(context),
    ...riskHandlers(context),
    ...riskSettingsHandlers(context),
    ...trendHandlers(context),
    ...metricHandlers(context),
    ...importHandlers(context),
    ...settingsHandlers(context),
    ...termsHandlers(context),
    ...outboxHandlers(context),
    ...dunningHandlers(context),
    ...smtpHandlers(context),
    ...contactHandlers(context),
    ...collectionActivityHandlers(context),
  };
}
