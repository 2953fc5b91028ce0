import { create } from 'zustand';

interface AgingFilterState {
  /** Only this client's rows, or every client when null. */
  readonly clientId: number | null;
  /** Only rows with an amount in this bucket key, or every bucket when null. */
  readonly bucket: string | null;
  /** Text that a row's client name, client code or invoice number must contain. */
  readonly search: string;
  set(filter: Partial<Pick<AgingFilterState, 'clientId' | 'bucket' | 'search'>>): void;
  clear(): void;
}

/** Filters of the aging page, kept while the user visits a client and comes back. */
export const useAgingFilterStore = create<AgingFilterState>()((set) => ({
  clientId: null,
  bucket: null,
  search: '',
  set(filter) {
    set(filter);
  },
  clear() {
    set({ clientId: null, bucket: null, search: '' });
  },
}));
