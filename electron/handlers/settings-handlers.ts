import type { IpcHandlers } from '../ipc/dispatch.ts';
import { readSettings, updateSettings } from '../ledger/settings-store.ts';
import type { LedgerContext } from './ledger-context.ts';

export function settingsHandlers(
  context: LedgerContext,
): Pick<IpcHandlers, 'settings/get' | 'settings/update'> {
  return {
    'settings/get': () => readSettings(context.reader),
    'settings/update': (changes) => {
      const settings = updateSettings(context.writer, changes);
      context.emit('ledger/changed', { reason: 'settings' });
      return settings;
    },
  };
}
