import { findMetric, type MetricDefinition } from './metric-registry.ts';

/** A metric of a report's table, with its registry entry. */
export interface MetricRow<K extends string> {
  readonly key: K;
  readonly metric: MetricDefinition;
}

/**
 * Pairs each key with its registry entry, in the order given. Called when a module loads, so a
 * registry entry removed by mistake fails every user of the list at once.
 */
export function metricRows<K extends string>(keys: readonly K[]): readonly MetricRow<K>[] {
  return keys.map((key) => {
    const metric = findMetric(key);
    if (metric === undefined) {
      throw new Error(`Missing metric "${key}" in shared/metrics/metric-registry.ts: add it.`);
    }
    return { key, metric };
  });
}
