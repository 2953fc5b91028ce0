import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import { findMetric, metricRegistry } from '../../shared/metrics/metric-registry.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The per-currency fields of `duedesk metrics --json`. */
const metricsJsonFields = [
  'creditSales',
  'beginningReceivables',
  'endingReceivables',
  'endingCurrentReceivables',
  'dso',
  'countbackDso',
  'bestPossibleDso',
  'averageDaysDelinquent',
  'cei',
  'settledInvoices',
  'averageDaysLate',
  'weightedAverageDaysLate',
];

describe('metric registry', () => {
  it('has unique ids', () => {
    const ids = metricRegistry.map((metric) => metric.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers every metrics --json field', () => {
    const missing = metricsJsonFields.filter((id) => findMetric(id) === undefined);
    expect(missing).toEqual([]);
  });

  it('returns undefined for an unknown id', () => {
    expect(findMetric('no-such-metric')).toBeUndefined();
  });

  it('names existing functions in computedBy', async () => {
    for (const metric of metricRegistry) {
      const [path, name, ...rest] = metric.computedBy.split(' ');
      expect(rest, metric.id).toEqual([]);
      expect(existsSync(`${repositoryRoot}${path}`), `${metric.id}: ${path}`).toBe(true);
      // Importing the module also catches a renamed function, which the file check misses.
      const module = (await import(`${repositoryRoot}${path}`)) as Record<string, unknown>;
      expect(typeof module[name ?? ''], `${metric.id}: ${metric.computedBy}`).toBe('function');
    }
  });

  it('fills name, definition and scopes', () => {
    for (const metric of metricRegistry) {
      expect(metric.name.trim(), metric.id).not.toBe('');
      expect(metric.definition.trim(), metric.id).not.toBe('');
      expect(metric.scopes.length, metric.id).toBeGreaterThan(0);
    }
  });
});

describe('duedesk metrics --definitions', () => {
  it('prints wrapped definitions without a ledger', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['metrics', '--definitions'], {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
    });
    const text = out.join('\n');
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(text).toMatch(/^DSO \(days sales outstanding\) \[unit: days; scopes: portfolio\]$/m);
    // The definition is wrapped, so compare it with the line breaks turned back into spaces.
    const unwrapped = text.replace(/\n {2}/g, ' ');
    expect(unwrapped).toContain(
      'DSO = ending receivables ÷ credit sales in the period × days in the period.',
    );
    for (const metric of metricRegistry) expect(text).toContain(metric.name);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });
});
