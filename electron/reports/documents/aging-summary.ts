import { bucketKeys, type AgingTotals } from '../../../shared/aging.ts';
import type {
  ReportBlock,
  ReportColumn,
  ReportRow,
} from '../../../shared/reports/report-document.ts';
import { readSettings } from '../../ledger/settings-store.ts';
import { agingReport } from '../aging-report.ts';
import type { ReportBuilder } from '../report-builder.ts';
import { bucketColumnKey, bucketColumns, bucketLabel } from './aging-columns.ts';

/**
 * Open receivables per client and currency at the as-of date, by aging bucket, with the
 * ledger's bucket bounds and basis. One table per currency with its totals, and a chart of
 * the buckets. The CSV contains the client rows only, so its columns add up to the totals.
 */
export const agingSummaryReport: ReportBuilder = ({ db, asOf, scope, header }) => {
  const settings = readSettings(db);
  const options = { basis: settings.agingBasis, bounds: settings.agingBounds };
  const report = agingReport(db, asOf, options, true, {
    clientIds: scope.clientIds,
    currency: scope.currency,
  });

  const buckets = bucketKeys(report.bounds);
  const columns: ReportColumn[] = [
    { key: 'client_code', label: 'Code', kind: 'text' },
    { key: 'client', label: 'Client', kind: 'text', width: 2.2 },
    ...bucketColumns(report.bounds),
    { key: 'unapplied', label: 'Unapplied', kind: 'money' },
    { key: 'total', label: 'Total', kind: 'money' },
    { key: 'invoices', label: 'Invoices', kind: 'count', width: 0.7 },
    { key: 'currency', label: 'Currency', kind: 'text', width: 0.8 },
  ];
  const row = (base: ReportRow, currency: string, totals: AgingTotals): ReportRow => ({
    ...base,
    ...Object.fromEntries(buckets.map((key) => [bucketColumnKey(key), totals.buckets[key] ?? 0])),
    unapplied: totals.unappliedPayments + totals.unappliedCredits,
    total: totals.total,
    invoices: totals.count,
    currency,
  });

  const clientRows: ReportRow[] = [];
  for (const client of report.clients ?? []) {
    for (const [currency, totals] of Object.entries(client.currencies)) {
      clientRows.push(row({ client_code: client.code, client: client.name }, currency, totals));
    }
  }

  const currencies = Object.entries(report.currencies);
  const basis = report.basis === 'due' ? 'days past the due date' : 'days since the invoice date';
  const blocks: ReportBlock[] = [
    {
      kind: 'text',
      style: 'note',
      text:
        `Balances open at the end of ${asOf}, by ${basis}. Unapplied payments and credits ` +
        'reduce the total.',
    },
  ];

  for (const [currency, totals] of currencies) {
    blocks.push({
      kind: 'chart',
      title: `Aging buckets in ${currency}`,
      type: 'bar',
      labels: buckets.map(bucketLabel),
      series: [{ label: currency, values: buckets.map((key) => totals.buckets[key] ?? 0) }],
      unit: 'money',
      currency,
      // Two currencies' charts share a landscape page's width.
      half: true,
    });
  }
  // The charts come first, so that they are seen before tables that may run over pages.
  for (const [currency, totals] of currencies) {
    blocks.push({
      kind: 'table',
      title: `Receivables in ${currency}`,
      columns,
      rows: clientRows.filter((candidate) => candidate['currency'] === currency),
      totals: [row({ client_code: '', client: 'Total' }, currency, totals)],
    });
  }
  if (currencies.length === 0) {
    blocks.push({ kind: 'text', text: `Nothing is owed at the end of ${asOf}.` });
  }

  return {
    header,
    blocks,
    csv: { kind: 'table', title: 'Aging summary', columns, rows: clientRows },
    fileStem: `aging-summary-${asOf}`,
    orientation: 'landscape',
  };
};
