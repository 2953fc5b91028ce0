import type { IpcResponse } from '../../shared/ipc/contract.ts';
import { reminderPlaceholders } from '../../shared/dunning/reminder-placeholders.ts';
import {
  defaultDunningConfig,
  readDunningConfig,
  saveDunningConfig,
} from '../collections/dunning-store.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import type { Ledger } from '../ledger/database.ts';
import type { LedgerContext } from './ledger-context.ts';
import { rejectingRangeErrors } from './rejection.ts';

/** Handlers of the dunning ladder editor: the ladders per tier and the reminder templates. */
export function dunningHandlers(
  context: LedgerContext,
): Pick<IpcHandlers, 'dunning/get' | 'dunning/save'> {
  return {
    'dunning/get': () => dunningView(context.reader),
    'dunning/save': async (config) => {
      await rejectingRangeErrors(() => saveDunningConfig(context.writer, config));
      context.emit('ledger/changed', { reason: 'dunning' });
      return dunningView(context.writer);
    },
  };
}

function dunningView(db: Ledger): IpcResponse<'dunning/get'> {
  return {
    config: readDunningConfig(db),
    defaults: defaultDunningConfig(),
    placeholders: [...reminderPlaceholders],
  };
}
