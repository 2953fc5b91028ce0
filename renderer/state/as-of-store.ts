import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { isIsoDate, localToday, type IsoDate } from '../../shared/calendar-date.ts';
import { tabStorage } from './tab-storage.ts';

interface AsOfState {
  /** The day at whose end every figure is computed. */
  readonly asOf: IsoDate;
  setAsOf(date: string): void;
}

/** The as-of date: today's until the user picks another, which a reload of the tab keeps. */
export const useAsOfStore = create<AsOfState>()(
  persist(
    (set) => ({
      asOf: localToday(),
      setAsOf(date) {
        // A date field yields '' while the user is still typing a date; keep the last valid one.
        if (isIsoDate(date)) set({ asOf: date });
      },
    }),
    {
      name: 'duedesk.asOf',
      storage: tabStorage<Pick<AsOfState, 'asOf'>>(),
      partialize: (state) => ({ asOf: state.asOf }),
      // Stored text is not trusted: anything but a valid date leaves today's date in place.
      merge: (stored, current) => {
        const asOf = (stored as Partial<AsOfState> | undefined)?.asOf;
        return isIsoDate(asOf) ? { ...current, asOf } : current;
      },
    },
  ),
);
