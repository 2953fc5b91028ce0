import { CURRENT_BUCKET } from '../../shared/aging.ts';

/**
 * A column heading for an aging bucket key from the main process: 'current' is "Current",
 * '31-60' is "31–60 days" and '90+' is "Over 90 days".
 */
export function bucketLabel(key: string): string {
  if (key === CURRENT_BUCKET) return 'Current';
  const range = /^(\d+)-(\d+)$/.exec(key);
  if (range) return `${range[1]}–${range[2]} days`;
  const over = /^(\d+)\+$/.exec(key);
  if (over) return `Over ${over[1]} days`;
  return key;
}
