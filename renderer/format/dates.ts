import type { IsoDate } from '../../shared/calendar-date.ts';

// Calendar dates are read and formatted in UTC so that no time zone can move them a day.
const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

// en-US, because en-GB abbreviates September as "Sept", one letter longer than the others.
const shortMonth = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "30 June 2013", for headings and sentences; tables keep the sortable ISO form. */
export function formatLongDate(date: IsoDate): string {
  return longDate.format(new Date(`${date}T00:00:00Z`));
}

/** "Jun 2013" from a `YYYY-MM` month. */
export function formatMonth(month: string): string {
  return shortMonth.format(new Date(`${month}-01T00:00:00Z`));
}
