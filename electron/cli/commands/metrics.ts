import { readRiskSettings } from '../../ledger/risk-settings-store.ts';
import { riskReport } from '../../risk/risk-report.ts';
import { roundMetric } from '../../../shared/collection-metrics.ts';
import { formatMoney } from '../../../shared/money.ts';
import { openLedger } from '../../ledger/database.ts';
import {
  collectionMetrics,
  currencyMetricIds,
  type CurrencyMetrics,
  type MetricsReport,
} from '../../reports/collection-metrics-report.ts';
import {
  findMetric,
  metricRegistry,
  type MetricDefinition,
} from '../../../shared/metrics/metric-registry.ts';
import { managementReport } from '../../reports/management-metrics-report.ts';
import { collectionActivityReport } from '../../reports/collection-activity-report.ts';
import {
  collectionActivityJson,
  describeCollectionActivity,
} from '../collection-activity-output.ts';
import { UsageError } from '../cli-error.ts';
import type { CliIo } from '../io.ts';
import {
  describeManagement,
  groupings,
  managementJson,
  type Grouping,
} from '../management-output.ts';
import { dateOption, parseCommandArgs, requireOption } from '../options.ts';
import { formatTable } from '../text-table.ts';

export const metricsUsage = `duedesk metrics --db PATH --from DATE --to DATE
                [--by portfolio|tier|client] [--json]
duedesk metrics --definitions

Collection metrics for the period [from, to], both days included, per currency:
credit sales, receivables at the start and end, DSO, count-back DSO, best possible DSO,
average days delinquent, CEI, and average days late of the invoices settled in the period
(plain and weighted by amount). Money in integer minor units in --json output; ratios
rounded to two decimals.

Then the management metrics as of the end of --to, grouped by --by: per currency for the
whole portfolio (the default), per risk tier and currency, or per client in its main
currency: customer risk score, credit limit utilisation, credit utilisation ratio, payment
term compliance, late payment frequency, early payment discount usage and discounts taken,
late payment penalty effectiveness with late fees charged and collected, and average
payment time. In --json output they are under "management", one object per group.

Then the collection activity of the period, grouped the same way: collection success
rate, time to first contact, communication response rate, automated reminder success rate,
minutes and number of manual and automated interactions, and, by portfolio, the DSO of the
3 months before and after the first reminder sent. In --json output they are under
"collectionActivity".

--definitions prints the name, unit, scopes and definition of every metric Duedesk
computes, and needs no ledger.`;

/** The rows of the text output, in order. Names and units come from the metric registry. */
const rows: readonly { key: keyof CurrencyMetrics; metric: MetricDefinition }[] =
  currencyMetricIds.map((key) => {
    const metric = findMetric(key);
    // Throws on import, so a registry entry removed by mistake fails every test of this command.
    if (!metric)
      throw new Error(`Missing metric "${key}" in shared/metrics/metric-registry.ts: add it.`);
    return { key, metric };
  });

const lineWidth = 100;

export function runMetrics(args: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
    definitions: { type: 'boolean' },
    by: { type: 'string' },
  });
  if (values.definitions) {
    io.out(describeDefinitions());
    return 0;
  }
  const from = dateOption(values.from, '--from');
  const to = dateOption(values.to, '--to');
  const by = groupingOption(values.by);
  if (from > to) {
    throw new UsageError(`Invalid period ${from} to ${to}: give a --from on or before --to.`);
  }
  const db = openLedger(requireOption(values.db, '--db', 'ledger.db'), { readOnly: true });
  try {
    const report = roundReport(collectionMetrics(db, from, to));
    // Both reports group clients by their tier at `to`: score the clients once for both.
    const risk = riskReport(db, to, readRiskSettings(db));
    const management = managementReport(db, from, to, risk);
    const activity = collectionActivityReport(db, from, to, risk);
    io.out(
      values.json
        ? JSON.stringify(
            {
              ...report,
              management: managementJson(management, by),
              collectionActivity: collectionActivityJson(activity, by),
            },
            null,
            2,
          )
        : [
            describeMetrics(report),
            describeManagement(management, by),
            describeCollectionActivity(activity, by),
          ].join('\n\n'),
    );
    return 0;
  } finally {
    db.close();
  }
}

function groupingOption(value: string | undefined): Grouping {
  if (value === undefined) return 'portfolio';
  const grouping = groupings.find((candidate) => candidate === value);
  if (grouping === undefined) {
    throw new UsageError(`Invalid --by "${value}": expected portfolio, tier or client.`);
  }
  return grouping;
}

function roundReport(report: MetricsReport): MetricsReport {
  const currencies: Record<string, CurrencyMetrics> = {};
  for (const [currency, metrics] of Object.entries(report.currencies)) {
    currencies[currency] = {
      ...metrics,
      dso: roundMetric(metrics.dso),
      countbackDso: roundMetric(metrics.countbackDso),
      bestPossibleDso: roundMetric(metrics.bestPossibleDso),
      averageDaysDelinquent: roundMetric(metrics.averageDaysDelinquent),
      cei: roundMetric(metrics.cei),
      averageDaysLate: roundMetric(metrics.averageDaysLate),
      weightedAverageDaysLate: roundMetric(metrics.weightedAverageDaysLate),
    };
  }
  return { ...report, currencies };
}

export function describeMetrics(report: MetricsReport): string {
  const sections = [`Collection metrics ${report.from} to ${report.to} (${report.days} days)`];
  const currencies = Object.keys(report.currencies);
  if (currencies.length === 0) sections.push('No invoices in the ledger for this period.');
  for (const currency of currencies) {
    const metrics = report.currencies[currency] as CurrencyMetrics;
    const table = rows.map(({ key, metric: { name, unit } }) => {
      const value = metrics[key];
      let text = 'n/a';
      if (value !== null) {
        if (unit === 'money') text = formatMoney(value, currency);
        else if (unit === 'days') text = `${value.toFixed(2)} days`;
        else if (unit === 'percent') text = `${value.toFixed(2)} %`;
        else text = String(value);
      }
      return [name, text];
    });
    sections.push(formatTable([currency, 'value'], table, new Set([1])));
  }
  return sections.join('\n\n');
}

/** Lists every metric of the registry: a heading line, then its definition wrapped. */
export function describeDefinitions(): string {
  return metricRegistry
    .map((metric) => {
      const heading = `${metric.name} [unit: ${metric.unit}; scopes: ${metric.scopes.join(', ')}]`;
      return [...wrap(heading, lineWidth), ...wrap(metric.definition, lineWidth, '  ')].join('\n');
    })
    .join('\n\n');
}

/** Breaks `text` at spaces into lines of at most `width` columns, each starting with `indent`. */
function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    const candidate = line === '' ? indent + word : `${line} ${word}`;
    // A single word longer than the width stays whole on its own line.
    if (candidate.length > width && line !== '') {
      lines.push(line);
      line = indent + word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
