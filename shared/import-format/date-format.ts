/**
 * Date cells from accounting exports: 03/04/2026, 2026-03-04T00:00:00, 4 Dec 2026, Dec 4, 2026.
 *
 * Whether 03/04/2026 is March 4 or April 3 cannot be decided from one value, so the order of a
 * numeric date column is detected once from all its values and then applied to each cell.
 */

import { makeIsoDate, type IsoDate } from '../calendar-date.ts';

export type DateOrder = 'mdy' | 'dmy' | 'ymd';

export type DateParseResult = { ok: true; date: IsoDate } | { ok: false; reason: string };

export interface DateOrderDetection {
  order: DateOrder | null;
  /** First value that decided `order`, such as "13/04/2026", or null when none did. */
  evidence: string | null;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const MONTH_BY_NAME = new Map<string, number>();
MONTH_NAMES.forEach((name, index) => {
  MONTH_BY_NAME.set(name.toLowerCase(), index + 1);
  MONTH_BY_NAME.set(name.slice(0, 3).toLowerCase(), index + 1);
});
MONTH_BY_NAME.set('sept', 9);

const ORDER_PATTERN: Record<DateOrder, string> = {
  mdy: 'MM/DD/YYYY',
  dmy: 'DD/MM/YYYY',
  ymd: 'YYYY-MM-DD',
};

// A time of day after the date, as in 2026-03-04T00:00:00Z or 12/31/2026 11:59 PM.
const TIME_SUFFIX =
  /[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?$/;
// Same separator twice: 03/04/2026, 3-4-26, 2026.03.04, 03 04 2026.
const NUMERIC_DATE = /^(\d{1,4})([/\-. ])(\d{1,2})\2(\d{1,4})$/;
const WEEKDAY_PREFIX = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
const SEPARATOR = String.raw`[\s\-./]+`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const MONTH_WORD = String.raw`([A-Za-z]+)\.?`;
const YEAR = String.raw`(\d{4}|\d{2})`;
const DAY_MONTH_YEAR = new RegExp(`^${DAY}${SEPARATOR}${MONTH_WORD},?${SEPARATOR}${YEAR}$`);
const MONTH_DAY_YEAR = new RegExp(`^${MONTH_WORD}${SEPARATOR}${DAY},?${SEPARATOR}${YEAR}$`);
const YEAR_MONTH_DAY = new RegExp(`^(\\d{4})${SEPARATOR}${MONTH_WORD}${SEPARATOR}${DAY}$`);

/**
 * Detects the day/month order of one column from all its values.
 *
 * A four-digit first part means year first, a first part above 12 means day first, and a second
 * part above 12 means month first. Values with month names carry their own order and decide
 * nothing. Throws when the column has both day-first and month-first values, or year-first
 * values beside values that can only be day-first or month-first (`2024-02-29` and `26-01-05`).
 */
export function detectDateOrder(samples: string[]): DateOrderDetection {
  let dayFirst: string | null = null;
  let monthFirst: string | null = null;
  let yearFirst: string | null = null;

  for (const sample of samples) {
    const text = sample.trim();
    const match = NUMERIC_DATE.exec(text.replace(TIME_SUFFIX, ''));
    if (!match) continue;
    const first = match[1] ?? '';
    const second = Number(match[3]);
    if (first.length === 4) {
      yearFirst ??= text;
    } else if (Number(first) > 12 && second <= 12) {
      dayFirst ??= text;
    } else if (second > 12 && Number(first) <= 12) {
      monthFirst ??= text;
    }
  }

  if (dayFirst !== null && monthFirst !== null) {
    throw new Error(
      `Dates in one column mix orders: "${dayFirst}" can only be day/month/year but ` +
        `"${monthFirst}" can only be month/day/year. Make every date in the column use the ` +
        'same order.',
    );
  }
  const shortYear = dayFirst ?? monthFirst;
  if (yearFirst !== null && shortYear !== null) {
    throw new Error(
      `Dates in one column mix formats: "${yearFirst}" is year-first but "${shortYear}" is ` +
        'not. Make every date in the column use the same format.',
    );
  }
  if (dayFirst !== null) return { order: 'dmy', evidence: dayFirst };
  if (monthFirst !== null) return { order: 'mdy', evidence: monthFirst };
  if (yearFirst !== null) return { order: 'ymd', evidence: yearFirst };
  return { order: null, evidence: null };
}

/**
 * Parses a date cell into an ISO date, reading numeric dates in `order`.
 *
 * ISO dates (YYYY-MM-DD, with or without a time) and dates with English month names are read
 * the same under every order. Two-digit years 00-69 are 2000-2069 and 70-99 are 1970-1999.
 * A time of day after the date is ignored, including any UTC offset.
 */
export function parseDate(text: string, order: DateOrder): DateParseResult {
  const trimmed = text.trim();
  const expected = `expected a date such as ${ORDER_PATTERN[order]} or YYYY-MM-DD`;
  if (trimmed === '') return fail(`empty: ${expected}`);

  const dateText = trimmed.replace(TIME_SUFFIX, '');
  const numeric = NUMERIC_DATE.exec(dateText);
  if (numeric) return parseNumericDate(numeric, order, expected);

  const named = dateText.replace(WEEKDAY_PREFIX, '');
  const dayMonthYear = DAY_MONTH_YEAR.exec(named);
  if (dayMonthYear) {
    return buildNamedDate(dayMonthYear[3], dayMonthYear[2], dayMonthYear[1], expected);
  }
  const monthDayYear = MONTH_DAY_YEAR.exec(named);
  if (monthDayYear) {
    return buildNamedDate(monthDayYear[3], monthDayYear[1], monthDayYear[2], expected);
  }
  const yearMonthDay = YEAR_MONTH_DAY.exec(named);
  if (yearMonthDay) {
    return buildNamedDate(yearMonthDay[1], yearMonthDay[2], yearMonthDay[3], expected);
  }
  return fail(`not a date: ${expected}`);
}

function parseNumericDate(
  match: RegExpExecArray,
  order: DateOrder,
  expected: string,
): DateParseResult {
  const first = match[1] ?? '';
  const second = match[3] ?? '';
  const third = match[4] ?? '';

  if (first.length === 4) {
    if (third.length > 2) return fail(`not a date: ${expected}`);
    return build(Number(first), Number(second), Number(third));
  }
  if (first.length > 2) return fail(`not a date: ${expected}`);

  let yearText = third;
  let monthText = first;
  let dayText = second;
  if (order === 'dmy') {
    monthText = second;
    dayText = first;
  } else if (order === 'ymd') {
    if (third.length > 2) return fail(`not a date in year-month-day order: ${expected}`);
    yearText = first;
    monthText = second;
    dayText = third;
  }
  const year = expandYear(yearText);
  if (year === null) return fail(`year "${yearText}" must have 2 or 4 digits: ${expected}`);
  return build(year, Number(monthText), Number(dayText));
}

function buildNamedDate(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
  expected: string,
): DateParseResult {
  const month = MONTH_BY_NAME.get((monthText ?? '').toLowerCase());
  if (month === undefined) return fail(`unknown month name "${monthText}": ${expected}`);
  const year = expandYear(yearText ?? '');
  if (year === null) return fail(`year "${yearText}" must have 2 or 4 digits: ${expected}`);
  return build(year, month, Number(dayText));
}

function build(year: number, month: number, day: number): DateParseResult {
  if (year < 1) return fail(`no such date: year ${year} does not exist`);
  if (month < 1 || month > 12) return fail(`no such date: month ${month} does not exist`);
  const date = makeIsoDate(year, month, day);
  if (date === null) {
    return fail(`no such date: day ${day} of ${MONTH_NAMES[month - 1]} ${year}`);
  }
  return { ok: true, date };
}

function expandYear(text: string): number | null {
  if (text.length === 4) return Number(text);
  if (text.length !== 2) return null;
  const short = Number(text);
  return short < 70 ? 2000 + short : 1900 + short;
}

function fail(reason: string): DateParseResult {
  return { ok: false, reason };
}
