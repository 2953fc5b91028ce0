import { roundMetric } from '../../../shared/collection-metrics.ts';
import type { MonthlyTrend } from '../../../shared/trends/payment-trends.ts';
import { openLedger } from '../../ledger/database.ts';
import { trendReport, type TrendReport } from '../../trends/trend-report.ts';
import type { CliIo } from '../io.ts';
import { dateOption, parseCommandArgs, requireOption } from '../options.ts';
import { formatTable } from '../text-table.ts';

export const trendsUsage = `duedesk trends --db PATH --from DATE --to DATE [--json]

Payment trends in each calendar month of the period [from, to], both days included, per
currency for all clients and per client in its main currency: DSO, average payment time
(invoice date to settled date) and days against terms (due date to settled date, negative
when early), both weighted by amount, the share of invoices settled late, and use of the
credit limit. Then alerts for clients whose average days late over the last 3 months exceeds
the 3 months before by more than 10 days, or whose late share rose by 25 points or more.

  --db PATH        ledger file
  --from DATE      YYYY-MM-DD, first day of the period
  --to DATE        YYYY-MM-DD, last day of the period
  --json           the full report, with every client's months, unrounded`;

export function runTrends(args: readonly string[], io: CliIo): number {
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
    const report = trendReport(db, from, to);
    io.out(values.json ? JSON.stringify(report, null, 2) : describeTrends(report));
    return 0;
  } finally {
    db.close();
  }
}

export function describeTrends(report: TrendReport): string {
  const sections = [`Payment trends ${report.from} to ${report.to}`];
  const currencies = Object.keys(report.portfolio);
  if (currencies.length === 0) sections.push('No invoices in the ledger by the end date.');
  for (const currency of currencies) {
    const rows = (report.portfolio[currency] ?? []).map((month: MonthlyTrend) => [
      month.month,
      days(month.dso),
      days(month.averagePaymentDays),
      days(month.averageDaysLate),
      month.lateShare === null ? 'n/a' : `${Math.round(month.lateShare * 100)} %`,
      String(month.settledInvoices),
    ]);
    const header = [currency, 'DSO', 'avg payment time', 'days vs terms', 'late', 'settled'];
    sections.push(formatTable(header, rows, new Set([1, 2, 3, 4, 5])));
  }
  if (report.alerts.length === 0) {
    sections.push('Alerts: none.');
  } else {
    const lines = report.alerts.map(
      (alert) => `  ${alert.code} ${alert.name} (${alert.currency}): ${alert.message}`,
    );
    sections.push([`Alerts (${report.alerts.length}):`, ...lines].join('\n'));
  }
  return sections.join('\n\n');
}

function days(value: number | null): string {
  const rounded = roundMetric(value, 1);
  return rounded === null ? 'n/a' : rounded.toFixed(1);
}
