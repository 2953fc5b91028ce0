import type { IpcResponse } from '../../shared/ipc/contract.ts';
import { sendTestMessage } from '../collections/smtp-check.ts';
import { readSmtpSettings, saveSmtpSettings } from '../collections/smtp-store.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';
import type { LedgerContext } from './ledger-context.ts';
import { rejectingRangeErrors } from './rejection.ts';

/**
 * Handlers of the SMTP settings. The password goes one way only: from the window to the
 * secret store, encrypted, into the ledger. It is never returned, logged or audited.
 */
export function smtpHandlers(
  context: LedgerContext,
): Pick<IpcHandlers, 'smtp/get' | 'smtp/save' | 'smtp/test'> {
  return {
    'smtp/get': () => smtpView(context.reader),
    'smtp/save': async ({ settings, password }) => {
      await rejectingRangeErrors(async () => {
        // Encrypted before the write, so a store that refuses leaves the settings unchanged.
        const cipher =
          password === undefined || password === null
            ? password
            : await context.secrets.encrypt(password);
        saveSmtpSettings(context.writer, settings, cipher);
      });
      context.emit('ledger/changed', { reason: 'smtp' });
      return smtpView(context.writer);
    },
    'smtp/test': async ({ settings, password, to }) => {
      await rejectingRangeErrors(async () => {
        const plain =
          password ??
          (await context.secrets.decrypt(readSmtpSettings(context.writer)?.passwordCipher ?? null));
        await sendTestMessage(settings, plain, to);
      });
      recordAudit(context.writer, {
        action: 'test',
        entity: 'smtp-settings',
        details: { host: settings.host, port: settings.port, to },
      });
      return { to };
    },
  };
}

function smtpView(db: Ledger): IpcResponse<'smtp/get'> {
  const stored = readSmtpSettings(db);
  return {
    settings: stored?.settings ?? null,
    hasPassword: (stored?.passwordCipher ?? null) !== null,
  };
}
