import { create } from 'zustand';
import { isIsoDate, localToday, type IsoDate } from '../../shared/calendar-date.ts';

interface AsOfState {
  /** The day at whose end every figure is computed. */
  readonly asOf: IsoDate;
  setAsOf(date: string): void;
}

export const useAsOfStore = create<AsOfState>()((set) => ({
  asOf: localToday(),
  setAsOf(date) {
    // A date field yields '' while the user is still typing a date; keep the last valid one.
    if (isIsoDate(date)) set({ asOf: date });
  },
}));
