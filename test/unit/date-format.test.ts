import { describe, expect, it } from 'vitest';
import {
  detectDateOrder,
  parseDate,
  type DateOrder,
} from '../../shared/import-format/date-format.ts';

function date(text: string, order: DateOrder): string {
  const result = parseDate(text, order);
  if (!result.ok) throw new Error(`"${text}" was rejected: ${result.reason}`);
  return result.date;
}

function reason(text: string, order: DateOrder): string {
  const result = parseDate(text, order);
  if (result.ok) throw new Error(`"${text}" was accepted as ${result.date}`);
  return result.reason;
}

describe('parseDate', () => {
  it('parses the required examples', () => {
    expect(date('03/04/2026', 'dmy')).toBe('2026-04-03');
    expect(date('13/04/2026', 'dmy')).toBe('2026-04-13');
    expect(date('1/2/2013', 'mdy')).toBe('2013-01-02');
  });

  it('reads numeric dates in the given order', () => {
    expect(date('03/04/2026', 'mdy')).toBe('2026-03-04');
    expect(date('26/03/04', 'ymd')).toBe('2026-03-04');
    expect(date('2026/03/04', 'dmy')).toBe('2026-03-04');
  });

  it('accepts every separator and no padding', () => {
    expect(date('3-4-2026', 'dmy')).toBe('2026-04-03');
    expect(date('3.4.2026', 'dmy')).toBe('2026-04-03');
    expect(date('3 4 2026', 'dmy')).toBe('2026-04-03');
    expect(date('2026.3.4', 'mdy')).toBe('2026-03-04');
    expect(date(' 03/04/2026 ', 'mdy')).toBe('2026-03-04');
  });

  it('expands two-digit years', () => {
    expect(date('03/04/26', 'mdy')).toBe('2026-03-04');
    expect(date('03/04/00', 'mdy')).toBe('2000-03-04');
    expect(date('03/04/69', 'mdy')).toBe('2069-03-04');
    expect(date('03/04/70', 'mdy')).toBe('1970-03-04');
    expect(date('03/04/99', 'mdy')).toBe('1999-03-04');
  });

  it('accepts ISO dates under any order', () => {
    for (const order of ['mdy', 'dmy', 'ymd'] as const) {
      expect(date('2026-03-04', order)).toBe('2026-03-04');
      expect(date('2026-03-04T00:00:00', order)).toBe('2026-03-04');
      expect(date('2026-03-04 00:00:00', order)).toBe('2026-03-04');
      expect(date('2026-03-04T23:59:59.123Z', order)).toBe('2026-03-04');
      expect(date('2026-03-04T10:00:00+02:00', order)).toBe('2026-03-04');
    }
  });

  it('ignores a time after a numeric date', () => {
    expect(date('12/31/2026 11:59 PM', 'mdy')).toBe('2026-12-31');
    expect(date('31.12.2026 23:59', 'dmy')).toBe('2026-12-31');
  });

  it('reads English month names', () => {
    expect(date('4 Dec 2026', 'mdy')).toBe('2026-12-04');
    expect(date('Dec 4, 2026', 'dmy')).toBe('2026-12-04');
    expect(date('04-Dec-2026', 'mdy')).toBe('2026-12-04');
    expect(date('04-Dec-26', 'mdy')).toBe('2026-12-04');
    expect(date('December 4 2026', 'dmy')).toBe('2026-12-04');
    expect(date('4 December, 2026', 'mdy')).toBe('2026-12-04');
    expect(date('Sept. 4th, 2026', 'dmy')).toBe('2026-09-04');
    expect(date('2026-Dec-04', 'mdy')).toBe('2026-12-04');
    expect(date('Fri, 4 Dec 2026', 'mdy')).toBe('2026-12-04');
    expect(date('DEC 4 2026', 'mdy')).toBe('2026-12-04');
  });

  it('rejects impossible dates', () => {
    expect(reason('31/02/2026', 'dmy')).toBe('no such date: day 31 of February 2026');
    expect(reason('29/02/2027', 'dmy')).toBe('no such date: day 29 of February 2027');
    expect(date('29/02/2028', 'dmy')).toBe('2028-02-29');
    expect(reason('13/04/2026', 'mdy')).toBe('no such date: month 13 does not exist');
    expect(reason('2026-04-31', 'ymd')).toBe('no such date: day 31 of April 2026');
    expect(reason('31 Jun 2026', 'mdy')).toBe('no such date: day 31 of June 2026');
    expect(reason('0000-01-01', 'ymd')).toBe('no such date: year 0 does not exist');
  });

  it('rejects text that is not a date', () => {
    expect(reason('', 'mdy')).toMatch(/^empty/);
    expect(reason('soon', 'mdy')).toMatch(/^not a date: expected a date such as MM\/DD\/YYYY/);
    expect(reason('03/04', 'dmy')).toMatch(/^not a date: expected a date such as DD\/MM\/YYYY/);
    expect(reason('03/04-2026', 'dmy')).toMatch(/^not a date/);
    expect(reason('03/04/202', 'dmy')).toMatch(/^year "202" must have 2 or 4 digits/);
    expect(reason('4 Foo 2026', 'dmy')).toMatch(/^unknown month name "Foo"/);
    expect(reason('03/04/2026', 'ymd')).toMatch(/^not a date in year-month-day order/);
  });
});

describe('detectDateOrder', () => {
  it('detects day first from a day above 12', () => {
    expect(detectDateOrder(['03/04/2026', '13/04/2026', '01/05/2026'])).toEqual({
      order: 'dmy',
      evidence: '13/04/2026',
    });
  });

  it('detects month first from second part', () => {
    expect(detectDateOrder(['03/04/2026', '04/13/2026'])).toEqual({
      order: 'mdy',
      evidence: '04/13/2026',
    });
  });

  it('detects year first from four digits', () => {
    expect(detectDateOrder(['2026-03-04', '2026-03-04T00:00:00'])).toEqual({
      order: 'ymd',
      evidence: '2026-03-04',
    });
  });

  it('rejects ISO values beside day-first ones', () => {
    expect(() => detectDateOrder(['2026-03-04', '13/04/2026'])).toThrow(
      /mix formats: "2026-03-04" is year-first but "13\/04\/2026" is not/,
    );
  });

  it('returns null for ambiguous values', () => {
    expect(detectDateOrder(['03/04/2026', '01/02/2026', '12/12/2026'])).toEqual({
      order: null,
      evidence: null,
    });
    expect(detectDateOrder([])).toEqual({ order: null, evidence: null });
  });

  it('treats month names as no evidence', () => {
    expect(detectDateOrder(['4 Dec 2026', 'Dec 4, 2026', '04-Dec-26', '01/02/2026'])).toEqual({
      order: null,
      evidence: null,
    });
  });

  it('rejects mixed orders naming both values', () => {
    expect(() => detectDateOrder(['13/04/2026', '01/02/2026', '04/13/2026'])).toThrow(
      /"13\/04\/2026" can only be day\/month\/year but "04\/13\/2026" can only be month\/day/,
    );
  });
});
