/**
 * Calendar dates as ISO `YYYY-MM-DD` strings.
 *
 * A due date is a day on the calendar, not an instant: it must not move when the user's time
 * zone changes, and it must sort correctly as text in SQLite and PostgreSQL alike. Arithmetic
 * goes through a day number (days since 1970-01-01 in the proleptic Gregorian calendar), which
 * never touches `Date` or a time zone.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Builds an ISO date from its parts, or returns null when the day does not exist. */
export function makeIsoDate(year: number, month: number, day: number): IsoDate | null {
  const valid =
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month);
  if (!valid) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return makeIsoDate(Number(match[1]), Number(match[2]), Number(match[3])) !== null;
}

/** Validates `value` as an ISO calendar date; the error names `label` and the expected form. */
export function parseIsoDate(value: string, label = 'date'): IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(
      `Invalid ${label} "${value}": expected an existing calendar date as YYYY-MM-DD, ` +
        'for example 2026-03-31.',
    );
  }
  return value;
}

/** Splits a valid ISO date into numeric year, month and day. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/**
 * Converts a date to days since 1970-01-01. Uses the civil-from-days algorithm published by
 * Howard Hinnant ("chrono-compatible low-level date algorithms"), exact for every year.
 */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month + (month > 2 ? -3 : 9);
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Converts days since 1970-01-01 back to an ISO date. */
export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to`: negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Number of days in the closed range [from, to], both ends counted. */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
  return daysBetween(from, to) + 1;
}

export function firstOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

export function lastOfMonth(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  return `${date.slice(0, 7)}-${pad2(daysInMonth(year, month))}`;
}

/** Moves by whole months, clamping the day to the target month's length (Jan 31 + 1 = Feb 28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return makeIsoDate(targetYear, targetMonth, targetDay) as IsoDate;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Today's date on the local calendar of the machine that runs this code. */
export function localToday(now: Date = new Date()): IsoDate {
  return makeIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) as IsoDate;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
