import { create } from 'zustand';
import type { IpcResponse, Settings } from '../../shared/ipc/contract.ts';
import { api } from '../transport/api.ts';
import { reportError } from './error-store.ts';

interface LedgerState {
  readonly summary: IpcResponse<'ledger/summary'> | null;
  readonly settings: Settings | null;
  /** Goes up whenever the ledger changes, so that every view keyed on it reloads. */
  readonly revision: number;
  /** Loads the summary and settings again, and tells every view to reload. */
  reload(): Promise<void>;
  setSettings(settings: Settings): void;
}

export const useLedgerStore = create<LedgerState>()((set) => ({
  summary: null,
  settings: null,
  revision: 0,
  async reload() {
    const [summary, settings] = await Promise.all([
      api().invoke('ledger/summary', {}),
      api().invoke('settings/get', {}),
    ]);
    if (summary.ok) set({ summary: summary.value });
    else reportError(summary.error);
    if (settings.ok) set({ settings: settings.value });
    else reportError(settings.error);
    set((state) => ({ revision: state.revision + 1 }));
  },
  setSettings(settings) {
    set({ settings });
  },
}));

/** Loads the ledger once and again after every change the main process reports. */
export function watchLedger(): () => void {
  void useLedgerStore.getState().reload();
  return api().on('ledger/changed', () => {
    void useLedgerStore.getState().reload();
  });
}
