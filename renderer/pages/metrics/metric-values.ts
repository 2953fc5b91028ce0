import { addMonths, firstOfMonth, isIsoDate, type IsoDate } from '../../../shared/calendar-date.ts';
import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import {
  managementMetricRows,
  type ManagementMetrics,
} from '../../../shared/metrics/management-metrics.ts';
import { findMetric, type MetricDefinition } from '../../../shared/metrics/metric-registry.ts';
import { formatDays, formatPercentPoints, MISSING } from '../../format/figures.ts';

export type ManagementAnswer = IpcResponse<'metrics/management'>;
export type ManagementGroupRow = ManagementAnswer['portfolio'][number];
export type TierRow = ManagementAnswer['tiers'][number];
export type ClientRow = ManagementAnswer['clients'][number];
export type Grouping = 'portfolio' | 'tier' | 'client';

/** The metrics in the order the page lists them, each with its registry entry. */
export const managementRows = managementMetricRows;

export const tierNames: Readonly<Record<TierRow['tier'], string>> = {
  high: 'High risk',
  medium: 'Medium risk',
  low: 'Low risk',
  unscored: 'Not scored',
};

const scoreFormat = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/**
 * Text of a metric that is not money: percentages and days with one decimal, a score with at
 * most one (a tier's mean can fall between whole points). Null shows as an em dash.
 */
export function metricText(value: number | null, metric: MetricDefinition): string {
  if (value === null) return MISSING;
  if (metric.unit === 'percent') return formatPercentPoints(value);
  if (metric.unit === 'days') return formatDays(value);
  return scoreFormat.format(value);
}

/**
 * Returns the start of the period the page opens with: the three calendar months up to the
 * as-of date, the last one cut at the as-of date itself.
 */
export function defaultPeriodStart(to: IsoDate): IsoDate {
  return addMonths(firstOfMonth(to), -2);
}

/** Describes what is wrong with a period the page cannot request, or returns null. */
export function periodProblem(from: string, to: string): string | null {
  if (!isIsoDate(from)) return 'Give a start date.';
  if (!isIsoDate(to)) return 'Give an end date.';
  if (from > to) return 'The start date must be on or before the end date.';
  return null;
}
