import { addDays, fromDayNumber, toDayNumber } from '../../shared/calendar-date.ts';

/** One generated invoice row of the benchmark file, in the IBM sample's layout. */
export interface BenchRow {
  client: string;
  number: string;
  invoiceDate: string;
  dueDate: string;
  amountCents: number;
  settledDate: string | null;
}

export const benchHeader =
  'countryCode,customerID,PaperlessDate,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,' +
  'Disputed,SettledDate,PaperlessBill,DaysToSettle,DaysLate';

const start = toDayNumber('2024-01-01');
const historyDays = 730;

/**
 * Deterministic rows: 10,000 clients, two years of invoices on 30-day terms, settled 0 to 90
 * days after the invoice date; invoices of the last 90 days are partly unsettled so that
 * aging has work to do.
 */
export function* benchRows(count: number): Generator<BenchRow> {
  let state = 0x2545f491;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  for (let index = 0; index < count; index += 1) {
    const day = start + Math.floor((index / count) * historyDays);
    const invoiceDate = fromDayNumber(day);
    const settleAfter = Math.floor(random() * 90);
    const settled = day + settleAfter < start + historyDays - 1 && random() > 0.02;
    yield {
      client: `C${String(Math.floor(random() * 10_000)).padStart(5, '0')}`,
      number: String(index + 1).padStart(10, '0'),
      invoiceDate,
      dueDate: addDays(invoiceDate, 30),
      amountCents: 1000 + Math.floor(random() * 500_000),
      settledDate: settled ? fromDayNumber(day + settleAfter) : null,
    };
  }
}

/** The row as a line of the IBM layout, with month-first dates as in the original file. */
export function benchLine(row: BenchRow): string {
  const us = (iso: string) =>
    `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}`;
  const cents = String(row.amountCents % 100).padStart(2, '0');
  const amount = `${Math.floor(row.amountCents / 100)}.${cents}`;
  const settled = row.settledDate ? us(row.settledDate) : '';
  return (
    `391,${row.client},,${row.number},${us(row.invoiceDate)},${us(row.dueDate)},${amount},No,` +
    `${settled},Paper,,`
  );
}
