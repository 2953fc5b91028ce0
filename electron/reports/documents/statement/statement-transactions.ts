/**
 * The statement's transaction table for one currency: the opening balance, the period's
 * records with a running balance, and the closing balance. The running balance is checked
 * against the ledger's closing balance, because the period's records must explain the change.
 */

import type { IsoDate } from '../../../../shared/calendar-date.ts';
import { formatMoney, sumCents } from '../../../../shared/money.ts';
import type {
  ReportColumn,
  ReportRow,
  ReportTable,
} from '../../../../shared/reports/report-document.ts';
import type { ScopedClient } from '../../report-scope.ts';
import type { StatementEntry } from './statement-entries.ts';

export const transactionColumns: readonly ReportColumn[] = [
  { key: 'date', label: 'Date', kind: 'date', width: 1.25 },
  { key: 'type', label: 'Type', kind: 'text', width: 1.2, wrap: true },
  { key: 'reference', label: 'Reference', kind: 'text', width: 1.2, wrap: true },
  { key: 'description', label: 'Description', kind: 'text', width: 2.4, wrap: true },
  { key: 'debit', label: 'Debit', kind: 'money', width: 1.1 },
  { key: 'credit', label: 'Credit', kind: 'money', width: 1.1 },
  { key: 'balance', label: 'Balance', kind: 'money', width: 1.2 },
  { key: 'currency', label: 'Currency', kind: 'text', width: 1 },
];

/** The CSV's columns: the client's code first, then the PDF's. */
export const transactionCsvColumns: readonly ReportColumn[] = [
  { key: 'client_code', label: 'Client code', kind: 'text' },
  ...transactionColumns,
];

export interface TransactionTable {
  readonly block: ReportTable;
  /**
   * The CSV rows: the opening balance, the period's records and the closing balance with the
   * period's debits and credits, each with the client's code, so files of many clients can be
   * joined.
   */
  readonly csvRows: ReportRow[];
}

/**
 * Lays out one currency's records with a running balance that starts at `openingCents`. The
 * last balance must equal `closingCents`, the ledger's own figure. A mismatch means a record
 * changes the balance without appearing here, so the statement would mislead the client.
 */
export function transactionTable(
  client: ScopedClient,
  currency: string,
  openingCents: number,
  closingCents: number,
  period: { entries: readonly StatementEntry[]; dayBefore: IsoDate; to: IsoDate },
): TransactionTable {
  let balance = openingCents;
  const entryRows: ReportRow[] = period.entries.map((entry) => {
    balance = sumCents([balance, entry.debitCents ?? 0, -(entry.creditCents ?? 0)]);
    return {
      date: entry.date,
      type: entry.type,
      reference: entry.reference,
      description: entry.description,
      debit: entry.debitCents,
      credit: entry.creditCents,
      balance,
      currency,
    };
  });

  if (balance !== closingCents) {
    throw new Error(
      `The statement of client ${client.code} does not reconcile in ${currency}: the ` +
        `opening balance ${formatMoney(openingCents, currency)} and the records of the period ` +
        `give ${formatMoney(balance, currency)} on ${period.to}, but the ledger's balance is ` +
        `${formatMoney(closingCents, currency)}. A record kind is missing from the statement: ` +
        'report this as a bug.',
    );
  }

  const openingRow: ReportRow = {
    date: period.dayBefore,
    type: 'Opening balance',
    reference: '',
    description: `Balance at the end of ${period.dayBefore}`,
    debit: null,
    credit: null,
    balance: openingCents,
    currency,
  };
  const closingRow: ReportRow = {
    date: period.to,
    type: 'Closing balance',
    reference: '',
    description: `Balance at the end of ${period.to}`,
    debit: sumCents(period.entries.map((entry) => entry.debitCents ?? 0)),
    credit: sumCents(period.entries.map((entry) => entry.creditCents ?? 0)),
    balance: closingCents,
    currency,
  };

  return {
    block: {
      kind: 'table',
      title: `Transactions in ${currency}`,
      columns: transactionColumns,
      rows: [openingRow, ...entryRows],
      totals: [closingRow],
      rowCount: entryRows.length + 1,
    },
    csvRows: [openingRow, ...entryRows, closingRow].map((row) => ({
      client_code: client.code,
      ...row,
    })),
  };
}
