import { create } from 'zustand';
import { useLedgerStore } from './ledger-store.ts';

interface CurrencyState {
  /** The currency the user picked in the header, or null before they pick one. */
  readonly chosen: string | null;
  choose(currency: string): void;
}

export const useCurrencyStore = create<CurrencyState>()((set) => ({
  chosen: null,
  choose(currency) {
    set({ chosen: currency });
  },
}));

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
