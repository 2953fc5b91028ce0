import { stringify } from 'csv-stringify';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import { daysLate, daysPastDue } from '../../shared/invoice-balance.ts';
import { formatDecimal } from '../../shared/money.ts';
import { spreadsheetSafeText } from '../../shared/spreadsheet-text.ts';
import type { Ledger } from '../ledger/database.ts';
import { openPartialFile } from './output/partial-file.ts';

export const invoiceExportColumns = [
  'invoice_number',
  'client_code',
  'client',
  'invoice_date',
  'due_date',
  'amount',
  'currency',
  'status',
  'settled_date',
  'days_late',
  'open_balance',
  'days_past_due',
] as const;

interface InvoiceExportRow {
  number: string;
  clientCode: string;
  clientName: string;
  invoiceDate: IsoDate;
  dueDate: IsoDate;
  amountCents: number;
  currency: string;
  status: string;
  allocatedCents: number;
  lastApplied: IsoDate | null;
}

/**
 * Writes one CSV row per invoice (voided ones excluded) as of the end of `asOf`: its
 * settled date and days late once paid in full, otherwise its open balance and days past
 * due. Rows stream from SQLite to the file; the file appears complete or not at all.
 */
export async function exportInvoicesCsv(db: Ledger, outFile: string, asOf: IsoDate) {
  parseIsoDate(asOf, 'as-of date');
  const statement = db.prepare(`
    SELECT i.number, c.code AS clientCode, c.name AS clientName, i.invoice_date AS invoiceDate,
           i.due_date AS dueDate, i.amount_cents AS amountCents, i.currency, i.status,
           COALESCE(a.allocated, 0) AS allocatedCents, a.last_applied AS lastApplied
    FROM invoices i
    JOIN clients c ON c.id = i.client_id
    LEFT JOIN (
      SELECT invoice_id, SUM(amount_cents) AS allocated, MAX(applied_on) AS last_applied
      FROM allocations WHERE voided_at IS NULL AND applied_on <= ? GROUP BY invoice_id
    ) a ON a.invoice_id = i.id
    WHERE i.voided_at IS NULL AND i.invoice_date <= ?
    ORDER BY i.invoice_date, i.number`);
  let rows = 0;
  function* records() {
    for (const row of statement.iterate(asOf, asOf) as Iterable<InvoiceExportRow>) {
      rows += 1;
      yield toRecord(row, asOf);
    }
  }
  const partial = await openPartialFile(outFile);
  try {
    await pipeline(
      Readable.from(records()),
      stringify({
        header: true,
        columns: [...invoiceExportColumns],
        bom: true,
        // A lone CR or LF in a name must be quoted, or the row would split. The default LF
        // record end already quotes both in csv-stringify 6.9, and this keeps it so for any end.
        quoted_match: /[\r\n]/,
      }),
      partial.stream,
    );
    await partial.commit();
  } catch (error) {
    throw await partial.discard(error);
  }
  return { rows, file: outFile };
}

function toRecord(row: InvoiceExportRow, asOf: IsoDate) {
  const balance = row.amountCents - row.allocatedCents;
  const settled =
    balance === 0 && row.lastApplied !== null
      ? row.lastApplied < row.invoiceDate
        ? row.invoiceDate
        : row.lastApplied
      : null;
  const open = row.status === 'issued' && balance !== 0;
  return {
    invoice_number: spreadsheetSafeText(row.number),
    client_code: spreadsheetSafeText(row.clientCode),
    client: spreadsheetSafeText(row.clientName),
    invoice_date: row.invoiceDate,
    due_date: row.dueDate,
    amount: formatDecimal(row.amountCents, row.currency),
    currency: row.currency,
    status: row.status,
    settled_date: settled ?? '',
    days_late: settled ? String(daysLate(row.dueDate, settled)) : '',
    open_balance: formatDecimal(balance, row.currency),
    days_past_due: open ? String(Math.max(0, daysPastDue(row.dueDate, asOf))) : '',
  };
}
