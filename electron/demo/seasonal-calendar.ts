import {
  addDays,
  addMonths,
  dateParts,
  fromDayNumber,
  toDayNumber,
  type IsoDate,
} from '../../shared/calendar-date.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * Invoice volume of each month relative to an average month: busy in March-April and
 * October-November, quiet over the August and December holidays.
 */
const monthWeights = [0.95, 1, 1.25, 1.2, 1, 1, 0.9, 0.6, 1.05, 1.25, 1.2, 0.7] as const;

/** Weekday weights, Sunday first: few businesses invoice at the weekend. */
const weekdayWeights = [0.03, 1, 1, 1, 1, 1, 0.08] as const;

/**
 * The days of the demo history, `months` months ending on `end` inclusive, each weighted by how
 * likely an invoice is to be dated on it. Days are handled as day numbers (days since
 * 1970-01-01) so that the generator does date arithmetic without parsing strings.
 */
export class SeasonalCalendar {
  readonly start: IsoDate;
  readonly startDay: number;
  readonly endDay: number;
  /** Running total of the day weights: entry i is the sum for days 0..i of the history. */
  private readonly cumulative: Float64Array;

  constructor(
    readonly end: IsoDate,
    months: number,
  ) {
    this.start = addDays(addMonths(end, -months), 1);
    this.startDay = toDayNumber(this.start);
    this.endDay = toDayNumber(end);
    this.cumulative = new Float64Array(this.endDay - this.startDay + 1);
    let total = 0;
    for (let day = this.startDay; day <= this.endDay; day += 1) {
      total += dayWeight(day);
      this.cumulative[day - this.startDay] = total;
    }
  }

  /** Sums the weights of the days from `fromDay` to the end of the history. */
  weightFrom(fromDay: number): number {
    return this.totalWeight() - this.weightBefore(fromDay);
  }

  totalWeight(): number {
    return this.cumulative[this.cumulative.length - 1] ?? 0;
  }

  /** Draws a day number in [fromDay, endDay] with probability proportional to its weight. */
  sampleDay(random: SeededRandom, fromDay: number): number {
    const low = this.weightBefore(fromDay);
    const target = low + random.next() * (this.totalWeight() - low);
    // Binary search for the first day whose running total exceeds the target.
    let lo = Math.max(0, fromDay - this.startDay);
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.startDay + lo;
  }

  private weightBefore(day: number): number {
    const index = day - this.startDay - 1;
    if (index < 0) return 0;
    return this.cumulative[Math.min(index, this.cumulative.length - 1)] as number;
  }
}

function dayWeight(dayNumber: number): number {
  // 1970-01-01, day number 0, was a Thursday (weekday 4 when Sunday is 0).
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  const { month } = dateParts(fromDayNumber(dayNumber));
  return (monthWeights[month - 1] as number) * (weekdayWeights[weekday] as number);
}
