import { IpcFailure } from '../../shared/ipc/ipc-error.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import {
  readRiskSettings,
  RiskSettingsError,
  updateRiskSettings,
} from '../ledger/risk-settings-store.ts';
import type { LedgerContext } from './ledger-context.ts';

/** Handlers that read and change the risk weights, thresholds and tier policies. */
export function riskSettingsHandlers(
  context: LedgerContext,
): Pick<IpcHandlers, 'risk/settings/get' | 'risk/settings/update'> {
  return {
    'risk/settings/get': () => readRiskSettings(context.reader),
    'risk/settings/update': (changes) => {
      let settings;
      try {
        settings = updateRiskSettings(context.writer, changes);
      } catch (error) {
        if (error instanceof RiskSettingsError) throw new IpcFailure('rejected', error.message);
        throw error;
      }
      // Scores, tiers and suggestions all follow these settings, so every view reloads.
      context.emit('ledger/changed', { reason: 'risk-settings' });
      return settings;
    },
  };
}
