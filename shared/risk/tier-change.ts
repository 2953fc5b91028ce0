/**
 * Dates and rules for following a client's tier over time: the quarter end a tier is compared
 * with, the month ends of the tier mix, and whether a tier rose.
 */

import {
  addMonths,
  dateParts,
  firstOfMonth,
  lastOfMonth,
  parseIsoDate,
  type IsoDate,
} from '../calendar-date.ts';
import type { RiskScore, RiskTier } from './risk-score.ts';
import { tierRank } from './tier-policy.ts';

/**
 * Returns the last day of the calendar quarter before the one containing `asOf`: 2026-09-30
 * for any day from 2026-10-01 to 2026-12-31.
 */
export function previousQuarterEnd(asOf: IsoDate): IsoDate {
  const { month } = dateParts(parseIsoDate(asOf, 'as-of date'));
  const quarterStart = addMonths(firstOfMonth(asOf), -((month - 1) % 3));
  return lastOfMonth(addMonths(quarterStart, -1));
}

/**
 * Lists the 12 dates of the tier mix: the month ends of the 11 months before the month of `asOf`,
 * then `asOf` itself, which is the last point whether or not it ends its month.
 */
export function tierMixDates(asOf: IsoDate): IsoDate[] {
  parseIsoDate(asOf, 'as-of date');
  const dates: IsoDate[] = [];
  for (let back = 11; back >= 1; back -= 1) {
    dates.push(lastOfMonth(addMonths(firstOfMonth(asOf), -back)));
  }
  dates.push(asOf);
  return dates;
}

/**
 * True when both scores have a tier and the current one is higher. A client scored for the
 * first time has not risen: with no earlier tier there is nothing it rose from.
 */
export function tierRose(previous: RiskScore | null, current: RiskScore): boolean {
  if (previous?.status !== 'scored' || current.status !== 'scored') return false;
  return tierRank[current.tier] > tierRank[previous.tier];
}

export interface TierCounts {
  low: number;
  medium: number;
  high: number;
  /** Clients invoiced by the date with too little history to score. */
  unscored: number;
}

/** Counts scores per tier, unscored clients apart. */
export function countTiers(scores: Iterable<RiskScore>): TierCounts {
  const counts: TierCounts = { low: 0, medium: 0, high: 0, unscored: 0 };
  for (const score of scores) {
    if (score.status === 'scored') counts[score.tier satisfies RiskTier] += 1;
    else counts.unscored += 1;
  }
  return counts;
}
