import {
  addDays,
  addMonths,
  parseIsoDate,
  toDayNumber,
  type IsoDate,
} from '../../shared/calendar-date.ts';
import type { OpenInvoiceBalance, SettledInvoice, SizeBand } from '../../shared/risk/risk-score.ts';
import type { Ledger } from '../ledger/database.ts';
import type { ClientRiskInput } from './client-history.ts';

export interface DatedClientRiskInput extends ClientRiskInput {
  /** Sale invoices dated in the 12 months up to the date, in the client's main currency. */
  readonly twelveMonthSalesCents: number;
}

/** Issued, live invoices as columns, in id order. */
interface InvoiceColumns {
  readonly clientId: Int32Array;
  readonly currency: string[];
  readonly invoiceDate: string[];
  readonly invoiceDay: Int32Array;
  readonly dueDate: string[];
  readonly amount: Float64Array;
  readonly isSale: Uint8Array;
  /** 1 when a write-off settles the invoice: it was given up, never paid. */
  readonly writtenOff: Uint8Array;
  /** Allocations of invoice i are `allocationStart[i]` up to `allocationStart[i + 1]`. */
  readonly allocationStart: Int32Array;
  readonly allocationDay: number[];
  readonly allocationDate: string[];
  readonly allocationAmount: number[];
}

interface ClientRecord {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  readonly industry: string | null;
  readonly sizeBand: SizeBand | null;
  readonly creditLimitCents: number | null;
  readonly creditLimitCurrency: string | null;
}

const sizeBands: ReadonlySet<string> = new Set<SizeBand>(['small', 'medium', 'large']);

/**
 * Builds each client's history at each of `dates`, as `clientHistories` does for one date.
 * Invoices, allocations, disputes and write-offs are each read once, up to the latest date,
 * and every date is then computed in memory. A year of month ends
 * then costs about one grouped read instead of twelve.
 *
 * The rules are those of `clientHistories` and the receivables queries it calls: an invoice
 * is open with a non-zero balance after the allocations applied on or before the date, and a
 * sale invoice is settled on the day its allocations first add up exactly to its amount (its
 * invoice date when paid in advance). Amounts are those of the client's main currency at
 * that date.
 */
export function clientHistoriesAt(
  db: Ledger,
  dates: readonly IsoDate[],
): Map<IsoDate, DatedClientRiskInput[]> {
  for (const date of dates) parseIsoDate(date, 'as-of date');
  const result = new Map<IsoDate, DatedClientRiskInput[]>();
  if (dates.length === 0) return result;
  const latest = [...dates].sort().at(-1) as IsoDate;

  const invoices = readInvoices(db, latest);
  const clients = readClients(db);
  const disputes = readClientEvents(
    db,
    `SELECT i.client_id AS clientId, d.opened_on AS day FROM disputes d
     JOIN invoices i ON i.id = d.invoice_id
     WHERE i.voided_at IS NULL AND d.opened_on <= ?`,
    latest,
  );
  const writeOffs = readClientEvents(
    db,
    `SELECT client_id AS clientId, credit_date AS day FROM credit_notes
     WHERE voided_at IS NULL AND kind = 'write-off' AND credit_date <= ?`,
    latest,
  );

  for (const date of dates) {
    if (result.has(date)) continue;
    result.set(date, historiesOn(date, invoices, clients, disputes, writeOffs));
  }
  return result;
}

function historiesOn(
  asOf: IsoDate,
  invoices: InvoiceColumns,
  clients: readonly ClientRecord[],
  disputes: readonly ClientEvent[],
  writeOffs: readonly ClientEvent[],
): DatedClientRiskInput[] {
  const day = toDayNumber(asOf);
  // The 12 months up to and including `asOf`, as in clientHistories.
  const fromDay = toDayNumber(addDays(addMonths(asOf, -12), 1));
  const count = invoices.clientId.length;

  // Sale totals per client and currency up to the date pick the main currency.
  const totals = new Map<number, Map<string, number>>();
  const yearSales = new Map<number, Map<string, number>>();
  for (let i = 0; i < count; i += 1) {
    if (invoices.invoiceDay[i]! > day || invoices.isSale[i] === 0) continue;
    const clientId = invoices.clientId[i]!;
    const currency = invoices.currency[i]!;
    addTo(totals, clientId, currency, invoices.amount[i]!);
    if (invoices.invoiceDay[i]! >= fromDay)
      addTo(yearSales, clientId, currency, invoices.amount[i]!);
  }
  const mainCurrency = new Map<number, string>();
  for (const [clientId, byCurrency] of totals) {
    let best: [string, number] | null = null;
    for (const entry of byCurrency) {
      if (best === null || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) {
        best = entry;
      }
    }
    if (best !== null) mainCurrency.set(clientId, best[0]);
  }

  const open = new Map<number, OpenInvoiceBalance[]>();
  const openBalance = new Map<number, number>();
  const settled = new Map<number, SettledInvoice[]>();
  for (let i = 0; i < count; i += 1) {
    if (invoices.invoiceDay[i]! > day) continue;
    const clientId = invoices.clientId[i]!;
    if (invoices.currency[i] !== mainCurrency.get(clientId)) continue;
    let allocated = 0;
    let last = -1;
    for (let a = invoices.allocationStart[i]!; a < invoices.allocationStart[i + 1]!; a += 1) {
      if (invoices.allocationDay[a]! > day) break;
      allocated += invoices.allocationAmount[a]!;
      last = a;
    }
    const amount = invoices.amount[i]!;
    const balance = amount - allocated;
    if (balance !== 0) {
      push(open, clientId, { dueDate: invoices.dueDate[i]!, balanceCents: balance });
      openBalance.set(clientId, (openBalance.get(clientId) ?? 0) + balance);
    }
    // A written-off invoice was given up, not paid: it counts once, as a write-off.
    const paid = invoices.isSale[i] === 1 && invoices.writtenOff[i] === 0;
    if (paid && last >= 0 && allocated === amount) {
      const paidInAdvance = invoices.allocationDay[last]! < invoices.invoiceDay[i]!;
      const settledDay = paidInAdvance ? invoices.invoiceDay[i]! : invoices.allocationDay[last]!;
      if (settledDay >= fromDay) {
        push(settled, clientId, {
          invoiceDate: invoices.invoiceDate[i]!,
          dueDate: invoices.dueDate[i]!,
          settledDate: paidInAdvance ? invoices.invoiceDate[i]! : invoices.allocationDate[last]!,
          amountCents: amount,
        });
      }
    }
  }

  const disputeCounts = countInWindow(disputes, fromDay, day);
  const writeOffCounts = countInWindow(writeOffs, fromDay, day);
  const inputs: DatedClientRiskInput[] = [];
  for (const client of clients) {
    const currency = mainCurrency.get(client.clientId);
    if (currency === undefined) continue;
    inputs.push({
      clientId: client.clientId,
      code: client.code,
      name: client.name,
      currency,
      twelveMonthSalesCents: yearSales.get(client.clientId)?.get(currency) ?? 0,
      history: {
        settledInvoices: settled.get(client.clientId) ?? [],
        openInvoices: open.get(client.clientId) ?? [],
        disputesLast12Months: disputeCounts.get(client.clientId) ?? 0,
        writeOffsLast12Months: writeOffCounts.get(client.clientId) ?? 0,
        creditLimitCents: client.creditLimitCurrency === currency ? client.creditLimitCents : null,
        openBalanceCents: openBalance.get(client.clientId) ?? 0,
        industry: client.industry,
        sizeBand: client.sizeBand,
      },
    });
  }
  return inputs;
}

function readInvoices(db: Ledger, latest: IsoDate): InvoiceColumns {
  const rows = db
    .prepare(
      `SELECT id, client_id, currency, invoice_date, due_date, amount_cents, kind,
              EXISTS (
                SELECT 1 FROM allocations a JOIN credit_notes c ON c.id = a.credit_note_id
                WHERE a.invoice_id = invoices.id AND c.kind = 'write-off'
                  AND a.voided_at IS NULL AND c.voided_at IS NULL
              ) AS written_off
       FROM invoices
       WHERE voided_at IS NULL AND status = 'issued' AND invoice_date <= ? ORDER BY id`,
    )
    .raw()
    .all(latest) as [number, number, string, string, string, number, string, number][];
  const count = rows.length;
  const ids = new Float64Array(count);
  const columns: InvoiceColumns = {
    clientId: new Int32Array(count),
    currency: new Array<string>(count),
    invoiceDate: new Array<string>(count),
    invoiceDay: new Int32Array(count),
    dueDate: new Array<string>(count),
    amount: new Float64Array(count),
    isSale: new Uint8Array(count),
    writtenOff: new Uint8Array(count),
    allocationStart: new Int32Array(count + 1),
    allocationDay: [],
    allocationDate: [],
    allocationAmount: [],
  };
  rows.forEach(([id, clientId, currency, invoiceDate, dueDate, amount, kind, writtenOff], i) => {
    ids[i] = id;
    columns.clientId[i] = clientId;
    columns.currency[i] = currency;
    columns.invoiceDate[i] = invoiceDate;
    columns.invoiceDay[i] = toDayNumber(invoiceDate);
    columns.dueDate[i] = dueDate;
    columns.amount[i] = amount;
    columns.isSale[i] = kind === 'sale' ? 1 : 0;
    columns.writtenOff[i] = writtenOff;
  });

  // Both lists are in invoice id order, so one walk pairs each allocation with its invoice.
  // Allocations of voided, draft or later invoices find no partner and are skipped.
  const allocations = db
    .prepare(
      `SELECT invoice_id, applied_on, amount_cents FROM allocations
       WHERE voided_at IS NULL AND applied_on <= ? ORDER BY invoice_id, applied_on`,
    )
    .raw()
    .iterate(latest) as Iterable<[number, string, number]>;
  let invoice = 0;
  for (const [invoiceId, appliedOn, amount] of allocations) {
    while (invoice < count && ids[invoice]! < invoiceId) {
      invoice += 1;
      columns.allocationStart[invoice] = columns.allocationDay.length;
    }
    if (invoice === count || ids[invoice] !== invoiceId) continue;
    columns.allocationDay.push(toDayNumber(appliedOn));
    columns.allocationDate.push(appliedOn);
    columns.allocationAmount.push(amount);
  }
  while (invoice < count) {
    invoice += 1;
    columns.allocationStart[invoice] = columns.allocationDay.length;
  }
  return columns;
}

function readClients(db: Ledger): ClientRecord[] {
  const rows = db
    .prepare(
      `SELECT id AS clientId, code, name, industry, size_band AS sizeBand,
              credit_limit_cents AS creditLimitCents, credit_limit_currency AS creditLimitCurrency
       FROM clients ORDER BY id`,
    )
    .all() as (Omit<ClientRecord, 'sizeBand'> & { sizeBand: string | null })[];
  return rows.map((row) => {
    const sizeBand = row.sizeBand?.trim().toLowerCase() ?? '';
    return { ...row, sizeBand: sizeBands.has(sizeBand) ? (sizeBand as SizeBand) : null };
  });
}

interface ClientEvent {
  readonly clientId: number;
  readonly day: number;
}

function readClientEvents(db: Ledger, sql: string, latest: IsoDate): ClientEvent[] {
  return (db.prepare(sql).all(latest) as { clientId: number; day: string }[]).map((row) => ({
    clientId: row.clientId,
    day: toDayNumber(row.day),
  }));
}

function countInWindow(events: readonly ClientEvent[], fromDay: number, toDay: number) {
  const counts = new Map<number, number>();
  for (const event of events) {
    if (event.day < fromDay || event.day > toDay) continue;
    counts.set(event.clientId, (counts.get(event.clientId) ?? 0) + 1);
  }
  return counts;
}

function addTo(map: Map<number, Map<string, number>>, id: number, key: string, cents: number) {
  const inner = map.get(id) ?? new Map<string, number>();
  inner.set(key, (inner.get(key) ?? 0) + cents);
  map.set(id, inner);
}

function push<T>(map: Map<number, T[]>, id: number, value: T) {
  const list = map.get(id);
  if (list === undefined) map.set(id, [value]);
  else list.push(value);
}
