import { create } from 'zustand';
import type { IpcError } from '../../shared/ipc/ipc-error.ts';

export interface ShownError {
  readonly id: number;
  readonly message: string;
  readonly issues: readonly string[];
}

interface ErrorState {
  readonly errors: readonly ShownError[];
  report(error: IpcError | Error | string): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** Failures waiting for the user to read and dismiss them in the banner. */
export const useErrorStore = create<ErrorState>()((set) => ({
  errors: [],
  report(error) {
    const shown = toShownError(error);
    // The same failure repeated, say on every reload after ledger/changed, is shown once.
    set((state) =>
      state.errors.some((known) => known.message === shown.message)
        ? state
        : { errors: [...state.errors, shown] },
    );
  },
  dismiss(id) {
    set((state) => ({ errors: state.errors.filter((error) => error.id !== id) }));
  },
}));

function toShownError(error: IpcError | Error | string): ShownError {
  const id = nextId++;
  if (typeof error === 'string') return { id, message: error, issues: [] };
  if (error instanceof Error) return { id, message: error.message, issues: [] };
  return { id, message: error.message, issues: error.issues ?? [] };
}

/** Shorthand for code outside React components. */
export function reportError(error: IpcError | Error | string): void {
  useErrorStore.getState().report(error);
}

/** Reports an exception thrown where an IpcResult was expected, such as a rejected promise. */
export function reportThrown(error: unknown): void {
  reportError(error instanceof Error ? error : String(error));
}
