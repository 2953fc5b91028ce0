import { bucketKeys } from '../../../shared/aging.ts';
import type { ReportColumn } from '../../../shared/reports/report-document.ts';

/** Converts a bucket key to a CSV column key: 'current', 'days_1_30', ..., 'days_90_plus'. */
export function bucketColumnKey(bucket: string): string {
  if (bucket === 'current') return 'current';
  return `days_${bucket.replace('-', '_').replace('+', '_plus')}`;
}

/** Converts a bucket key to the label people read: 'Current', '1–30 days', 'Over 90 days'. */
export function bucketLabel(bucket: string): string {
  if (bucket === 'current') return 'Current';
  if (bucket.endsWith('+')) return `Over ${bucket.slice(0, -1)} days`;
  return `${bucket.replace('-', '–')} days`;
}

/** Returns one money column per aging bucket of `bounds`, youngest first. */
export function bucketColumns(bounds: readonly number[]): ReportColumn[] {
  return bucketKeys(bounds).map((bucket) => ({
    key: bucketColumnKey(bucket),
    label: bucketLabel(bucket),
    kind: 'money' as const,
  }));
}
