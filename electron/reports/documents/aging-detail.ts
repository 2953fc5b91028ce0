import { bucketKeyFor } from '../../../shared/aging.ts';
import { daysBetween } from '../../../shared/calendar-date.ts';
import type { ReportColumn, ReportRow } from '../../../shared/reports/report-document.ts';
import type { Ledger } from '../../ledger/database.ts';
import {
  openInvoicesAt,
  unappliedAt,
  type OpenBalances,
  type ReceivablesFilter,
} from '../../ledger/receivables.ts';
import { readSettings } from '../../ledger/settings-store.ts';
import { agingReport } from '../aging-report.ts';
import type { ReportBuilder } from '../report-builder.ts';
import { bucketLabel } from './aging-columns.ts';

const columns: readonly ReportColumn[] = [
  { key: 'client_code', label: 'Code', kind: 'text', width: 0.8 },
  { key: 'client', label: 'Client', kind: 'text', width: 1.7 },
  { key: 'type', label: 'Type', kind: 'text', width: 1.35 },
  { key: 'reference', label: 'Reference', kind: 'text', width: 1.1 },
  { key: 'invoice_date', label: 'Invoice date', kind: 'date', width: 0.95 },
  { key: 'due_date', label: 'Due date', kind: 'date', width: 0.95 },
  { key: 'days_past_due', label: 'Days', kind: 'days', width: 0.55 },
  { key: 'bucket', label: 'Bucket', kind: 'text', width: 0.95 },
  { key: 'amount', label: 'Amount', kind: 'money', width: 1.05 },
  { key: 'open_balance', label: 'Open', kind: 'money', width: 1.05 },
  { key: 'currency', label: 'Currency', kind: 'text', width: 0.75 },
];

/**
 * Lists every invoice open at the as-of date, by client, with its days past due and bucket,
 * then each client's unapplied payments and credits as negative lines, so the open balances
 * add up to the aging total of each currency. Rows stream from the ledger, so a million
 * invoices export with flat memory. The totals are computed only when the PDF or preview
 * requests them.
 */
export const agingDetailReport: ReportBuilder = ({ db, asOf, scope, header }) => {
  const settings = readSettings(db);
  const options = { basis: settings.agingBasis, bounds: settings.agingBounds };
  const filter: ReceivablesFilter = { clientIds: scope.clientIds, currency: scope.currency };
  const names = clientNames(db);
  const start = (row: { invoiceDate: string; dueDate: string }) =>
    options.basis === 'invoice' ? row.invoiceDate : row.dueDate;

  function* rows(): Generator<ReportRow> {
    const openBalances: OpenBalances = new Map();
    for (const invoice of openInvoicesAt(db, asOf, { ...filter, orderByClient: true })) {
      const client = names.get(invoice.clientId);
      const days = daysBetween(start(invoice), asOf);
      const balances = openBalances.get(invoice.clientId) ?? new Map<string, number>();
      balances.set(invoice.currency, (balances.get(invoice.currency) ?? 0) + invoice.balanceCents);
      openBalances.set(invoice.clientId, balances);
      yield {
        client_code: client?.code ?? '',
        client: client?.name ?? '',
        type: 'invoice',
        reference: invoice.number,
        invoice_date: invoice.invoiceDate,
        due_date: invoice.dueDate,
        days_past_due: Math.max(0, days),
        bucket: bucketLabel(bucketKeyFor(days, options.bounds)),
        amount: invoice.amountCents,
        open_balance: invoice.balanceCents,
        currency: invoice.currency,
      };
    }

    const unapplied = unappliedAt(db, asOf, openBalances, filter);
    const code = (clientId: number) => names.get(clientId)?.code ?? '';
    unapplied.sort(
      (a, b) =>
        // Plain character order, like the ORDER BY that sorts the invoices above.
        compareText(code(a.clientId), code(b.clientId)) ||
        a.clientId - b.clientId ||
        a.currency.localeCompare(b.currency),
    );
    for (const amount of unapplied) {
      const client = names.get(amount.clientId);
      yield {
        client_code: client?.code ?? '',
        client: client?.name ?? '',
        type: amount.kind === 'payment' ? 'unapplied payment' : 'unapplied credit',
        reference: null,
        invoice_date: null,
        due_date: null,
        days_past_due: null,
        bucket: null,
        amount: null,
        open_balance: -amount.cents,
        currency: amount.currency,
      };
    }
  }

  // One pass over the ledger serves either file: the PDF reads the table, the CSV its rows.
  const stream = rows();
  const title = 'Open invoices and unapplied amounts';
  const table = {
    kind: 'table' as const,
    title,
    columns,
    rows: stream,
    emptyText: `Nothing is owed at the end of ${asOf}.`,
    // A getter, so that a CSV export never pays for a second pass to total the rows.
    get totals(): ReportRow[] {
      const { currencies } = agingReport(db, asOf, options, false, filter);
      return Object.entries(currencies).map(([currency, totals]) => ({
        client: `Total ${currency}`,
        type: totals.count === 1 ? '1 invoice' : `${totals.count} invoices`,
        open_balance: totals.total,
        currency,
      }));
    },
  };

  return {
    header,
    blocks: [table],
    csv: { kind: 'table', title, columns, rows: stream },
    fileStem: `aging-detail-${asOf}`,
    orientation: 'landscape',
  };
};

function clientNames(db: Ledger): Map<number, { code: string; name: string }> {
  const rows = db.prepare('SELECT id, code, name FROM clients').all() as {
    id: number;
    code: string;
    name: string;
  }[];
  return new Map(rows.map((row) => [row.id, { code: row.code, name: row.name }]));
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
