/** Metric values as the metric reports print them in the PDF and write them to CSV. */

import { roundMetric } from '../../../../shared/collection-metrics.ts';
import type { MetricUnit } from '../../../../shared/metrics/metric-registry.ts';
import { formatDecimal, formatMoney } from '../../../../shared/money.ts';

/** The text printed for a metric without a value. */
export const NO_VALUE = 'n/a';

/** Returns the key of a currency's value column in the PDF's metric tables. */
export function valueKey(currency: string): string {
  return `value_${currency.toLowerCase()}`;
}

/** Formats a value for the PDF, rounded as `duedesk metrics` prints it. */
export function formatMetricValue(
  unit: MetricUnit,
  value: number | null,
  currency: string,
): string {
  if (value === null) return NO_VALUE;
  const decimals = (digits: number) =>
    value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  switch (unit) {
    case 'money':
      return formatMoney(value, currency);
    case 'days':
      return `${decimals(2)} days`;
    case 'percent':
      return `${decimals(2)}%`;
    case 'ratio':
      return `${(value * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
    case 'score':
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
    case 'minutes':
      return `${value.toLocaleString('en-US')} min`;
    case 'count':
      return value.toLocaleString('en-US');
  }
}

/**
 * Converts a value to the cell the CSV stores: money as a plain decimal in major units with
 * the currency's digits (`761.90`), days, percentages and scores to 2 decimals like the CLI,
 * ratios to 4, counts and minutes whole.
 */
export function csvMetricValue(
  unit: MetricUnit,
  value: number | null,
  currency: string,
): number | string | null {
  if (value === null) return null;
  switch (unit) {
    case 'money':
      return formatDecimal(value, currency);
    case 'ratio':
      return roundMetric(value, 4);
    case 'count':
    case 'minutes':
      return value;
    case 'days':
    case 'percent':
    case 'score':
      return roundMetric(value, 2);
  }
}
