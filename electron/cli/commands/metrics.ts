import { roundMetric } from '../../../shared/collection-metrics.ts';
import { formatMoney } from '../../../shared/money.ts';
import { openLedger } from '../../ledger/database.ts';
import {
  collectionMetrics,
  type CurrencyMetrics,
  type MetricsReport,
} from '../../reports/collection-metrics-report.ts';
import type { CliIo } from '../io.ts';
import { dateOption, parseCommandArgs, requireOption } from '../options.ts';
import { formatTable } from '../text-table.ts';

export const metricsUsage = `duedesk metrics --db PATH --from DATE --to DATE [--json]

Collection metrics for the period [from, to], both days included, per currency:
credit sales, receivables at the start and end, DSO, count-back DSO, best possible DSO,
average days delinquent, CEI, and average days late of the invoices settled in the period
(plain and weighted by amount). Money in integer minor units in --json output; ratios
rounded to two decimals.`;

const definitions: readonly [
  keyof CurrencyMetrics,
  string,
  'money' | 'days' | 'percent' | 'count',
][] = [
  ['creditSales', 'Credit sales (invoices dated in the period)', 'money'],
  ['beginningReceivables', 'Receivables at the end of the day before the period', 'money'],
  ['endingReceivables', 'Receivables at the end of the period', 'money'],
  ['endingCurrentReceivables', 'Of which not yet due', 'money'],
  ['dso', 'DSO = ending receivables / credit sales x days', 'days'],
  ['countbackDso', 'Count-back DSO (months of sales in ending receivables)', 'days'],
  ['bestPossibleDso', 'Best possible DSO = not-yet-due / credit sales x days', 'days'],
  ['averageDaysDelinquent', 'Average days delinquent = DSO - best possible DSO', 'days'],
  ['cei', 'CEI = (begin + sales - end) / (begin + sales - end current) x 100', 'percent'],
  ['settledInvoices', 'Invoices settled in the period', 'count'],
  ['averageDaysLate', 'Average days late of settled invoices', 'days'],
  ['weightedAverageDaysLate', 'Average days late weighted by amount', 'days'],
];

export function runMetrics(args: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
  });
  const from = dateOption(values.from, '--from');
  const to = dateOption(values.to, '--to');
  const db = openLedger(requireOption(values.db, '--db', 'ledger.db'), { readOnly: true });
  try {
    const report = roundReport(collectionMetrics(db, from, to));
    io.out(values.json ? JSON.stringify(report, null, 2) : describeMetrics(report));
    return 0;
  } finally {
    db.close();
  }
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
    const rows = definitions.map(([key, label, unit]) => {
      const value = metrics[key];
      let text = 'n/a';
      if (value !== null) {
        if (unit === 'money') text = formatMoney(value, currency);
        else if (unit === 'days') text = `${value.toFixed(2)} days`;
        else if (unit === 'percent') text = `${value.toFixed(2)} %`;
        else text = String(value);
      }
      return [label, text];
    });
    sections.push(formatTable([currency, 'value'], rows, new Set([1])));
  }
  return sections.join('\n\n');
}
