import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { useLedgerStore } from './ledger-store.ts';
import { tabStorage } from './tab-storage.ts';

interface CurrencyState {
  /** The currency the user picked in the header, or null before they pick one. */
  readonly chosen: string | null;
  choose(currency: string): void;
}

/** The user's currency choice, which a reload of the tab keeps. */
export const useCurrencyStore = create<CurrencyState>()(
  persist(
    (set) => ({
      chosen: null,
      choose(currency) {
        set({ chosen: currency });
      },
    }),
    {
      name: 'duedesk.currency',
      storage: tabStorage<Pick<CurrencyState, 'chosen'>>(),
      partialize: (state) => ({ chosen: state.chosen }),
      // useCurrency() falls back when the stored code is not offered by the ledger any more.
      merge: (stored, current) => {
        const chosen = (stored as Partial<CurrencyState> | undefined)?.chosen;
        return typeof chosen === 'string' && /^[A-Z]{3}$/.test(chosen)
          ? { ...current, chosen }
          : current;
      },
    },
  ),
);

/**
 * The currency the dashboard and aging views show: the user's choice while it is still
 * offered, else the home currency when the ledger uses it or is empty, else the ledger's
 * first currency. Null until the summary and the settings have loaded.
 */
export function useCurrency(): string | null {
  const chosen = useCurrencyStore((state) => state.chosen);
  const currencies = useLedgerStore((state) => state.summary?.currencies);
  const home = useLedgerStore((state) => state.settings?.homeCurrency);
  if (currencies === undefined || home === undefined) return null;
  if (chosen !== null && (chosen === home || currencies.includes(chosen))) return chosen;
  if (currencies.includes(home) || currencies.length === 0) return home;
  return currencies[0] ?? home;
}

/** The currencies offered in the header: the ledger's, and the home currency. */
export function useCurrencyChoices(): string[] {
  const currencies = useLedgerStore((state) => state.summary?.currencies);
  const home = useLedgerStore((state) => state.settings?.homeCurrency);
  const choices = new Set(currencies ?? []);
  if (home !== undefined) choices.add(home);
  return [...choices].sort();
}
