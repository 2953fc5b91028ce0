import type { IsoDate } from '../../shared/calendar-date.ts';
import type { OpenInvoice, UnappliedAmount } from '../../shared/aging.ts';
import type { Ledger } from './database.ts';

/** An invoice with a balance at the end of the as-of day. */
export interface OpenInvoiceRow extends OpenInvoice {
  readonly invoiceId: number;
  readonly clientId: number;
  readonly number: string;
  readonly amountCents: number;
}

export interface UnappliedRow extends UnappliedAmount {
  readonly clientId: number;
}

export interface ReceivablesFilter {
  readonly clientId?: number;
  /** Only these clients; absent or null for every client. */
  readonly clientIds?: Iterable<number> | null;
  /** Only this currency; absent or null for every currency. */
  readonly currency?: string | null;
  /** Invoices by client code, then due date and number, as a detail report lists them. */
  readonly orderByClient?: boolean;
}

/** Orders open invoices by their client's code, then by due date and number. */
const ORDER_BY_CLIENT_CODE =
  'ORDER BY (SELECT code FROM clients WHERE clients.id = clientId), clientId, dueDate, number';

/** Returns the filter's values as named SQL parameters for the clauses of `filterClauses`. */
function filterParameters(filter: ReceivablesFilter) {
  return {
    clientId: filter.clientId ?? null,
    clientIds: filter.clientIds ? JSON.stringify([...filter.clientIds]) : null,
    currency: filter.currency ?? null,
  };
}

/** SQL conditions on `alias`'s client_id and currency that apply a `ReceivablesFilter`. */
function filterClauses(alias: string): string {
  const column = (name: string) => (alias === '' ? name : `${alias}.${name}`);
  return `AND (@clientId IS NULL OR ${column('client_id')} = @clientId)
      AND (@clientIds IS NULL OR ${column('client_id')} IN (SELECT value FROM json_each(@clientIds)))
      AND (@currency IS NULL OR ${column('currency')} = @currency)`;
}

/**
 * Invoices open at the end of `asOf`: issued on or before it, not voided, with a balance after
 * the allocations applied on or before it. Streams rows so that a million invoices never sit
 * in memory at once.
 */
export function* openInvoicesAt(
  db: Ledger,
  asOf: IsoDate,
  filter: ReceivablesFilter = {},
): Generator<OpenInvoiceRow> {
  const statement = db.prepare(`
    SELECT * FROM (
    SELECT i.id AS invoiceId, i.client_id AS clientId, i.number, i.currency,
           i.invoice_date AS invoiceDate, i.due_date AS dueDate, i.amount_cents AS amountCents,
           i.amount_cents - COALESCE((
             SELECT SUM(a.amount_cents) FROM allocations a
             WHERE a.invoice_id = i.id AND a.applied_on <= @asOf AND a.voided_at IS NULL
           ), 0) AS balanceCents
    FROM invoices i
    WHERE i.invoice_date <= @asOf AND i.voided_at IS NULL AND i.status = 'issued'
      ${filterClauses('i')}
    ) open_invoices
    WHERE balanceCents <> 0
    ${filter.orderByClient ? ORDER_BY_CLIENT_CODE : ''}
    `);
  yield* statement.iterate({ asOf, ...filterParameters(filter) }) as Iterable<OpenInvoiceRow>;
}

/** Open balances per client id, then per currency, as summed from `openInvoicesAt`. */
export type OpenBalances = Map<number, Map<string, number>>;

/**
 * Money received or credited on or before `asOf` and not allocated, by then, to an invoice
 * that existed by then: a client's credit on account, per client, currency and kind.
 * An allocation dated after `asOf`, or to an invoice issued after it, leaves the money
 * unapplied at `asOf`, so the buckets still add up to the net receivables on that day.
 *
 * Allocating payments one by one would join every allocation to its payment and invoice.
 * Instead the net receivables (invoiced − received − credited, three plain sums) are
 * compared with the open balances the caller already summed: what remains is unapplied.
 * Credit notes are few, so their unapplied part is computed directly and the rest is cash.
 */
export function unappliedAt(
  db: Ledger,
  asOf: IsoDate,
  openBalances: OpenBalances,
  filter: ReceivablesFilter = {},
): UnappliedRow[] {
  const params = { asOf, ...filterParameters(filter) };
  const net = new Map<string, { clientId: number; currency: string; cents: number }>();
  const addNet = (rows: { clientId: number; currency: string; cents: number }[], sign: number) => {
    for (const row of rows) {
      const key = `${row.clientId} ${row.currency}`;
      const entry = net.get(key) ?? { clientId: row.clientId, currency: row.currency, cents: 0 };
      entry.cents += sign * row.cents;
      net.set(key, entry);
    }
  };
  // Three grouped sums rather than one over a UNION, so that each reads its covering index.
  const grouped = (table: string, dateColumn: string, extra = '') =>
    db
      .prepare(
        `SELECT client_id AS clientId, currency, SUM(amount_cents) AS cents FROM ${table}
         WHERE ${dateColumn} <= @asOf AND voided_at IS NULL ${extra}
           ${filterClauses('')}
         GROUP BY client_id, currency`,
      )
      .all(params) as { clientId: number; currency: string; cents: number }[];
  addNet(grouped('invoices', 'invoice_date', "AND status = 'issued'"), 1);
  addNet(grouped('payments', 'payment_date'), -1);
  addNet(grouped('credit_notes', 'credit_date'), -1);
  const credits = db
    .prepare(
      `
    SELECT clientId, currency, SUM(cents) AS cents FROM (
      SELECT c.client_id AS clientId, c.currency,
             c.amount_cents - COALESCE((
               SELECT SUM(a.amount_cents) FROM allocations a
               JOIN invoices i ON i.id = a.invoice_id
               WHERE a.credit_note_id = c.id AND a.voided_at IS NULL AND a.applied_on <= @asOf
                 AND i.invoice_date <= @asOf AND i.status = 'issued'
             ), 0) AS cents
      FROM credit_notes c
      WHERE c.credit_date <= @asOf AND c.voided_at IS NULL
        ${filterClauses('c')}
    ) unapplied_credits GROUP BY clientId, currency`,
    )
    .all(params) as { clientId: number; currency: string; cents: number }[];
  const creditFor = new Map(credits.map((row) => [`${row.clientId} ${row.currency}`, row.cents]));

  const rows: UnappliedRow[] = [];
  for (const { clientId, currency, cents: receivables } of net.values()) {
    const open = openBalances.get(clientId)?.get(currency) ?? 0;
    const credit = creditFor.get(`${clientId} ${currency}`) ?? 0;
    const cash = open - receivables - credit;
    if (cash !== 0) rows.push({ clientId, currency, kind: 'payment', cents: cash });
    if (credit !== 0) rows.push({ clientId, currency, kind: 'credit', cents: credit });
  }
  return rows;
}

/**
 * Sale invoice totals per currency for invoices dated in [from, to]: the period's credit sales.
 * Late fees are owed but are not sales.
 */
export function creditSales(
  db: Ledger,
  from: IsoDate,
  to: IsoDate,
  filter: ReceivablesFilter = {},
): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT currency, SUM(amount_cents) AS cents FROM invoices
       WHERE invoice_date BETWEEN @from AND @to AND voided_at IS NULL AND status = 'issued'
         AND kind = 'sale' ${filterClauses('')}
       GROUP BY currency`,
    )
    .all({ from, to, ...filterParameters(filter) }) as { currency: string; cents: number }[];
  return new Map(rows.map((row) => [row.currency, row.cents]));
}

/** Credit sales per currency and calendar month (`YYYY-MM`) up to and including `to`. */
export function monthlyCreditSales(
  db: Ledger,
  from: IsoDate,
  to: IsoDate,
  filter: ReceivablesFilter = {},
): Map<string, Map<string, number>> {
  const rows = db
    .prepare(
      `SELECT currency, substr(invoice_date, 1, 7) AS month, SUM(amount_cents) AS cents
       FROM invoices
       WHERE invoice_date BETWEEN @from AND @to AND voided_at IS NULL AND status = 'issued'
         AND kind = 'sale' ${filterClauses('')}
       GROUP BY currency, month`,
    )
    .all({ from, to, ...filterParameters(filter) }) as {
    currency: string;
    month: string;
    cents: number;
  }[];
  const byCurrency = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const months = byCurrency.get(row.currency) ?? new Map<string, number>();
    months.set(row.month, row.cents);
    byCurrency.set(row.currency, months);
  }
  return byCurrency;
}

export interface SettledInvoiceRow {
  readonly invoiceId: number;
  readonly clientId: number;
  readonly currency: string;
  readonly invoiceDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly amountCents: number;
  readonly settledDate: IsoDate;
}

/**
 * Sale invoices paid off (not written off) on a day in [from, to], as the ledger read on `to`:
 * allocations applied after `to` are ignored. Allocations are positive, so the balance
 * reaches zero with the last allocation, or on the invoice date when it was paid in advance.
 */
export function settledInvoices(
  db: Ledger,
  from: IsoDate,
  to: IsoDate,
  filter: ReceivablesFilter = {},
): SettledInvoiceRow[] {
  return db
    .prepare(
      `
    SELECT invoiceId, clientId, currency, invoiceDate, dueDate, amountCents, settledDate FROM (
      SELECT i.id AS invoiceId, i.client_id AS clientId, i.currency,
             i.invoice_date AS invoiceDate, i.due_date AS dueDate, i.amount_cents AS amountCents,
             CASE WHEN s.last_applied < i.invoice_date THEN i.invoice_date
                  ELSE s.last_applied END AS settledDate
      FROM invoices i
      JOIN (SELECT invoice_id, SUM(amount_cents) AS allocated, MAX(applied_on) AS last_applied
            FROM allocations WHERE voided_at IS NULL AND applied_on <= @to
            GROUP BY invoice_id) s
        ON s.invoice_id = i.id
      WHERE i.voided_at IS NULL AND i.status = 'issued' AND i.kind = 'sale'
        AND s.allocated = i.amount_cents
        -- A written-off invoice was given up, not paid: it counts as a write-off instead.
        AND NOT EXISTS (
          SELECT 1 FROM allocations w JOIN credit_notes c ON c.id = w.credit_note_id
          WHERE w.invoice_id = i.id AND c.kind = 'write-off'
            AND w.voided_at IS NULL AND c.voided_at IS NULL
        )
        AND i.invoice_date <= @to
        ${filterClauses('i')}
    ) settled WHERE settledDate BETWEEN @from AND @to`,
    )
    .all({ from, to, ...filterParameters(filter) }) as SettledInvoiceRow[];
}
