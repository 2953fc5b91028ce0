/**
 * The open items on a statement's last day: each open invoice with its days past due and aging
 * bucket, then one aging row per currency. The buckets follow the ledger's aging settings, so
 * their bounds match the aging reports.
 */

import {
  bucketKeyFor,
  bucketKeys,
  type AgingOptions,
  type AgingTotals,
} from '../../../../shared/aging.ts';
import { daysBetween, type IsoDate } from '../../../../shared/calendar-date.ts';
import type {
  ReportColumn,
  ReportRow,
  ReportTable,
} from '../../../../shared/reports/report-document.ts';
import type { Ledger } from '../../../ledger/database.ts';
import { openInvoicesAt } from '../../../ledger/receivables.ts';
import { readSettings } from '../../../ledger/settings-store.ts';
import { agingReport } from '../../aging-report.ts';
import { bucketColumnKey, bucketLabel } from '../aging-columns.ts';

const openInvoiceColumns: readonly ReportColumn[] = [
  { key: 'invoice', label: 'Invoice', kind: 'text', width: 1.4, wrap: true },
  { key: 'invoice_date', label: 'Invoice date', kind: 'date' },
  { key: 'due_date', label: 'Due date', kind: 'date' },
  { key: 'days_past_due', label: 'Days past due', kind: 'days', width: 1.1 },
  { key: 'bucket', label: 'Bucket', kind: 'text', width: 1.1 },
  { key: 'balance', label: 'Balance', kind: 'money', width: 1.3 },
  { key: 'currency', label: 'Currency', kind: 'text', width: 0.8 },
];

/** Reads the ledger's aging settings, so that the statement's buckets match the aging reports. */
function agingOptions(db: Ledger): AgingOptions {
  const settings = readSettings(db);
  return { basis: settings.agingBasis, bounds: settings.agingBounds };
}

/**
 * Builds two tables: the invoices open at the end of `to` with their days past due and bucket,
 * then one aging row per currency. The aging table's balance column is the closing balance,
 * because it is the aging total.
 */
export function openItems(
  db: Ledger,
  clientId: number,
  to: IsoDate,
  inCurrency: (currency: string) => boolean,
): ReportTable[] {
  const options = agingOptions(db);
  const dayCount = (invoice: { dueDate: IsoDate; invoiceDate: IsoDate }) =>
    daysBetween(options.basis === 'invoice' ? invoice.invoiceDate : invoice.dueDate, to);
  const open = [...openInvoicesAt(db, to, { clientId })]
    .filter((invoice) => inCurrency(invoice.currency))
    .sort(
      (a, b) =>
        a.currency.localeCompare(b.currency) ||
        a.dueDate.localeCompare(b.dueDate) ||
        a.number.localeCompare(b.number, 'en', { numeric: true }),
    );

  const keys = bucketKeys(options.bounds);
  const rows: ReportRow[] = open.map((invoice) => ({
    invoice: invoice.number,
    invoice_date: invoice.invoiceDate,
    due_date: invoice.dueDate,
    days_past_due: Math.max(0, daysBetween(invoice.dueDate, to)),
    bucket: bucketLabel(bucketKeyFor(dayCount(invoice), options.bounds)),
    balance: invoice.balanceCents,
    currency: invoice.currency,
  }));

  const openTotals = new Map<string, number>();
  for (const invoice of open) {
    openTotals.set(
      invoice.currency,
      (openTotals.get(invoice.currency) ?? 0) + invoice.balanceCents,
    );
  }

  const openTable: ReportTable = {
    kind: 'table',
    title: `What is open on ${to}`,
    columns: openInvoiceColumns,
    rows,
    totals: [...openTotals].map(([currency, cents]) => ({
      invoice: `Open invoices in ${currency}`,
      balance: cents,
      currency,
    })),
    rowCount: rows.length,
    emptyText: `No invoice is open on ${to}.`,
  };

  const aging = agingReport(db, to, options, true, { clientId });
  const byCurrency = Object.entries(
    aging.clients?.find((entry) => entry.clientId === clientId)?.currencies ?? {},
  ).filter(([currency]) => inCurrency(currency));
  const agingRows = byCurrency.map(([currency, totals]) => agingRow(currency, totals, keys));
  const agingTable: ReportTable = {
    kind: 'table',
    title:
      options.basis === 'invoice'
        ? `Aging on ${to}, by days since the invoice date`
        : `Aging on ${to}, by days past due`,
    columns: [
      { key: 'currency', label: 'Currency', kind: 'text', width: 0.8 },
      ...keys.map(
        (key): ReportColumn => ({
          key: bucketColumnKey(key),
          label: bucketLabel(key),
          kind: 'money',
        }),
      ),
      { key: 'unapplied', label: 'Unapplied', kind: 'money' },
      { key: 'balance', label: 'Balance', kind: 'money', width: 1.2 },
    ],
    rows: agingRows,
    rowCount: agingRows.length,
    emptyText: `Nothing owed on ${to}.`,
  };

  return [openTable, agingTable];
}

function agingRow(currency: string, totals: AgingTotals, keys: readonly string[]): ReportRow {
  const row: Record<string, string | number> = { currency };
  for (const key of keys) row[bucketColumnKey(key)] = totals.buckets[key] ?? 0;
  row['unapplied'] = totals.unappliedPayments + totals.unappliedCredits;
  row['balance'] = totals.total;
  return row;
}
