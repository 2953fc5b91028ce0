import {
  bucketKeys,
  DEFAULT_AGING_OPTIONS,
  parseBucketBounds,
  type AgingOptions,
  type AgingTotals,
} from '../../../shared/aging.ts';
import { localToday } from '../../../shared/calendar-date.ts';
import { formatMoney } from '../../../shared/money.ts';
import { openLedger } from '../../ledger/database.ts';
import { agingReport, type AgingReport } from '../../reports/aging-report.ts';
import { UsageError } from '../cli-error.ts';
import type { CliIo } from '../io.ts';
import { dateOption, parseCommandArgs, requireOption } from '../options.ts';
import { formatTable } from '../text-table.ts';

export const agingUsage = `duedesk aging --db PATH [--as-of DATE] [options]

Ages open invoices at the end of the as-of date, per currency.

  --db PATH           ledger file
  --as-of DATE        YYYY-MM-DD; today's local date by default
  --basis BASIS       due (days past the due date, default) or invoice (days since issue)
  --buckets BOUNDS    upper bounds of the overdue buckets in days (default 30,60,90)
  --by client         add one line per client
  --json              amounts in integer minor units, as JSON`;

export function runAging(args: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    basis: { type: 'string' },
    buckets: { type: 'string' },
    by: { type: 'string' },
    json: { type: 'boolean' },
  });
  const asOf = dateOption(values['as-of'], '--as-of', localToday());
  const options = agingOptions(values.basis, values.buckets);
  if (values.by !== undefined && values.by !== 'client') {
    throw new UsageError(`Invalid --by "${values.by}": the only grouping is --by client.`);
  }
  const db = openLedger(requireOption(values.db, '--db', 'ledger.db'), { readOnly: true });
  try {
    const report = agingReport(db, asOf, options, values.by === 'client');
    io.out(values.json ? JSON.stringify(report, null, 2) : describeAging(report));
    return 0;
  } finally {
    db.close();
  }
}

export function agingOptions(basis: string | undefined, buckets: string | undefined): AgingOptions {
  if (basis !== undefined && basis !== 'due' && basis !== 'invoice') {
    throw new UsageError(`Invalid --basis "${basis}": expected due or invoice.`);
  }
  let bounds = DEFAULT_AGING_OPTIONS.bounds;
  if (buckets !== undefined) {
    try {
      bounds = parseBucketBounds(buckets);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  return { basis: basis ?? DEFAULT_AGING_OPTIONS.basis, bounds };
}

/** The aging as tables a bookkeeper reads: one per currency, clients first when asked. */
export function describeAging(report: AgingReport): string {
  const keys = bucketKeys(report.bounds);
  const basis = report.basis === 'due' ? 'days past due' : 'days since invoice date';
  const sections = [`Aging as of ${report.asOf} (${basis})`];
  const currencies = Object.keys(report.currencies);
  if (currencies.length === 0) sections.push('No open receivables.');
  for (const currency of currencies) {
    const header = ['', ...keys, 'unapplied', 'total', 'invoices'];
    const row = (label: string, totals: AgingTotals) => [
      label,
      ...keys.map((key) => formatMoney(totals.buckets[key] ?? 0, currency)),
      formatMoney(totals.unappliedPayments + totals.unappliedCredits, currency),
      formatMoney(totals.total, currency),
      String(totals.count),
    ];
    const rows = (report.clients ?? [])
      .filter((client) => client.currencies[currency])
      .map((client) => row(client.name, client.currencies[currency] as AgingTotals));
    rows.push(row(`Total ${currency}`, report.currencies[currency] as AgingTotals));
    const right = new Set(header.map((_, index) => index).filter((index) => index > 0));
    sections.push(formatTable(header, rows, right));
  }
  return sections.join('\n\n');
}
