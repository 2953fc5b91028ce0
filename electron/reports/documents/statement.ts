/**
 * The client statement: one client's balance at the start of a period, every invoice,
 * payment and credit of the period with a running balance, the balance at its end, what is
 * open on its last day with its aging, and how the client may pay.
 *
 * Both balances come from `agingReport`, the function the aging reports and the rest of the
 * ledger read, so a statement's closing balance is the ledger's balance for that client. The
 * running balance is then checked against it: the period's records must explain the change.
 */

import {
  bucketKeyFor,
  bucketKeys,
  type AgingOptions,
  type AgingTotals,
} from '../../../shared/aging.ts';
import { addDays, daysBetween, type IsoDate } from '../../../shared/calendar-date.ts';
import { formatMoney, sumCents } from '../../../shared/money.ts';
import type {
  ReportBlock,
  ReportColumn,
  ReportRow,
  ReportTable,
} from '../../../shared/reports/report-document.ts';
import { termsLabel } from '../../../shared/terms/payment-terms.ts';
import type { Ledger } from '../../ledger/database.ts';
import { openInvoicesAt } from '../../ledger/receivables.ts';
import { readSettings } from '../../ledger/settings-store.ts';
import { clientTerms } from '../../terms/terms-store.ts';
import { agingReport } from '../aging-report.ts';
import type { ReportBuilder } from '../report-builder.ts';
import { ReportScopeError, type ScopedClient } from '../report-scope.ts';

/** One invoice, payment or credit note dated in the period, as a line of the statement. */
export interface StatementEntry {
  readonly date: IsoDate;
  /** Orders records of one day: invoices, then fees, credits, discounts, write-offs, payments. */
  readonly rank: number;
  readonly type: string;
  readonly reference: string;
  readonly description: string;
  readonly currency: string;
  /** What the record adds to the balance (invoices) or takes off it (payments and credits). */
  readonly debitCents: number | null;
  readonly creditCents: number | null;
  readonly id: number;
}

/** Balances per currency, in minor units; a currency the client never used is absent. */
export type Balances = ReadonlyMap<string, number>;

const transactionColumns: readonly ReportColumn[] = [
  { key: 'date', label: 'Date', kind: 'date', width: 1.1 },
  { key: 'type', label: 'Type', kind: 'text', width: 1.3 },
  { key: 'reference', label: 'Reference', kind: 'text', width: 1.1 },
  { key: 'description', label: 'Description', kind: 'text', width: 2.6 },
  { key: 'debit', label: 'Debit', kind: 'money', width: 1.2 },
  { key: 'credit', label: 'Credit', kind: 'money', width: 1.2 },
  { key: 'balance', label: 'Balance', kind: 'money', width: 1.3 },
  { key: 'currency', label: 'Currency', kind: 'text', width: 0.8 },
];

const openInvoiceColumns: readonly ReportColumn[] = [
  { key: 'invoice', label: 'Invoice', kind: 'text', width: 1.4 },
  { key: 'invoice_date', label: 'Invoice date', kind: 'date' },
  { key: 'due_date', label: 'Due date', kind: 'date' },
  { key: 'days_past_due', label: 'Days past due', kind: 'days', width: 0.9 },
  { key: 'bucket', label: 'Bucket', kind: 'text', width: 0.8 },
  { key: 'balance', label: 'Balance', kind: 'money', width: 1.3 },
  { key: 'currency', label: 'Currency', kind: 'text', width: 0.8 },
];

/**
 * The client's balance per currency at the end of `date`: open invoice balances less the
 * payments and credits not yet applied, exactly as the aging report totals them.
 */
export function clientBalances(db: Ledger, clientId: number, date: IsoDate): Balances {
  const report = agingReport(db, date, undefined, true, { clientId });
  const client = report.clients?.find((entry) => entry.clientId === clientId);
  return new Map(Object.entries(client?.currencies ?? {}).map(([code, t]) => [code, t.total]));
}

/**
 * Turns a client code into a file-name part: ASCII letters, digits and hyphens are kept,
 * accents are dropped and anything else (a slash, a space, a dot) becomes `_`. Codes are unique, but
 * two may map to one name here or differ only in case, which Windows and macOS file
 * systems treat as one name: the statement batch resolves such clashes.
 */
export function fileSafeCode(code: string): string {
  const safe = code
    // Accented letters lose their accents (é → e) rather than the whole letter.
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]/g, '_')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 60);
  return safe === '' ? 'client' : safe;
}

/** The statement's file name without extension, such as `statement-ACME-2026-03-31`. */
export function statementFileStem(code: string, to: IsoDate): string {
  return `statement-${fileSafeCode(code)}-${to}`;
}

export const statementReport: ReportBuilder = (context) => {
  const { db, request, scope } = context;
  const client = scope.client;
  if (client === null) {
    throw new ReportScopeError("The client statement is about one client: give the client's code.");
  }
  const from = request.from;
  const to = request.to;
  if (from === undefined || to === undefined) {
    throw new ReportScopeError('The client statement covers a period: give a from and a to date.');
  }
  const wanted = (currency: string) => scope.currency === null || scope.currency === currency;

  const dayBefore = addDays(from, -1);
  const opening = clientBalances(db, client.id, dayBefore);
  const closing = clientBalances(db, client.id, to);
  const entries = statementEntries(db, client.id, from, to).filter((entry) =>
    wanted(entry.currency),
  );
  const currencies = [
    ...new Set([...opening.keys(), ...closing.keys(), ...entries.map((entry) => entry.currency)]),
  ]
    .filter(wanted)
    .sort();

  const tables = currencies.map((currency) =>
    transactionTable(client, currency, opening.get(currency) ?? 0, closing.get(currency) ?? 0, {
      entries: entries.filter((entry) => entry.currency === currency),
      dayBefore,
      to,
    }),
  );
  const csvRows = tables.flatMap((table) => table.csvRows);

  const blocks: ReportBlock[] = [
    clientFacts(db, client, { from, to, dayBefore, currencies, opening, closing }),
  ];
  if (tables.length === 0) {
    blocks.push({
      kind: 'table',
      title: 'Transactions',
      columns: transactionColumns,
      rows: [],
      emptyText: `No transactions from ${from} to ${to}, and nothing owed.`,
    });
  }
  for (const table of tables) blocks.push(table.block);
  blocks.push(...openItems(db, client.id, to, wanted));
  blocks.push(termsFacts(db, client.id, currencies));
  if (currencies.some((currency) => (closing.get(currency) ?? 0) < 0)) {
    blocks.push({
      kind: 'text',
      style: 'note',
      text: 'A negative balance is money in your favour: payments or credits not yet used.',
    });
  }

  return {
    header: context.header,
    blocks,
    csv: {
      kind: 'table',
      title: 'Transactions',
      columns: transactionColumns,
      rows: csvRows,
      rowCount: csvRows.length,
    },
    fileStem: statementFileStem(client.code, to),
  };
};

interface TransactionTable {
  readonly block: ReportTable;
  /** The period's records only, without the opening-balance line, for the CSV. */
  readonly csvRows: ReportRow[];
}

/**
 * Lays out one currency's records with a running balance that starts at `openingCents`. The
 * last balance must equal `closingCents`, the ledger's own figure: a mismatch means a record
 * changes the balance without appearing here, so the statement would mislead the client.
 */
function transactionTable(
  client: ScopedClient,
  currency: string,
  openingCents: number,
  closingCents: number,
  period: { entries: readonly StatementEntry[]; dayBefore: IsoDate; to: IsoDate },
): TransactionTable {
  let balance = openingCents;
  const csvRows: ReportRow[] = period.entries.map((entry) => {
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
      rows: [openingRow, ...csvRows],
      totals: [closingRow],
      rowCount: csvRows.length + 1,
    },
    csvRows,
  };
}

const creditNoteTypes: Record<string, { type: string; rank: number }> = {
  credit: { type: 'Credit note', rank: 2 },
  'early-payment-discount': { type: 'Early-payment discount', rank: 3 },
  'write-off': { type: 'Write-off', rank: 4 },
};
const PAYMENT_RANK = 5;

/**
 * Reads the client's issued invoices, payments and credit notes dated from `from` to `to`,
 * voided ones left out, in statement order: by date, then kind, then number. These are the
 * records that change the balance `agingReport` totals, and nothing else changes it.
 */
export function statementEntries(
  db: Ledger,
  clientId: number,
  from: IsoDate,
  to: IsoDate,
): StatementEntry[] {
  const params = { clientId, from, to };
  const applied = appliedInvoices(db, params);
  const entries: StatementEntry[] = [];

  const invoices = db
    .prepare(
      `SELECT i.id, i.number, i.invoice_date AS date, i.due_date AS dueDate,
              i.amount_cents AS cents, i.currency, i.kind, i.memo, f.number AS feeFor
       FROM invoices i LEFT JOIN invoices f ON f.id = i.fee_for_invoice_id
       WHERE i.client_id = @clientId AND i.invoice_date BETWEEN @from AND @to
         AND i.voided_at IS NULL AND i.status = 'issued'`,
    )
    .all(params) as {
    id: number;
    number: string;
    date: IsoDate;
    dueDate: IsoDate;
    cents: number;
    currency: string;
    kind: 'sale' | 'late-fee';
    memo: string | null;
    feeFor: string | null;
  }[];
  for (const invoice of invoices) {
    const fee = invoice.kind === 'late-fee';
    const about = fee ? `Late fee on invoice ${invoice.feeFor ?? '?'}` : invoice.memo?.trim();
    entries.push({
      date: invoice.date,
      rank: fee ? 1 : 0,
      type: fee ? 'Late fee' : 'Invoice',
      reference: invoice.number,
      description: [about, `due ${invoice.dueDate}`].filter(Boolean).join(', '),
      currency: invoice.currency,
      debitCents: invoice.cents,
      creditCents: null,
      id: invoice.id,
    });
  }

  const payments = db
    .prepare(
      `SELECT id, payment_date AS date, amount_cents AS cents, currency, method, reference
       FROM payments
       WHERE client_id = @clientId AND payment_date BETWEEN @from AND @to AND voided_at IS NULL`,
    )
    .all(params) as {
    id: number;
    date: IsoDate;
    cents: number;
    currency: string;
    method: string | null;
    reference: string | null;
  }[];
  for (const payment of payments) {
    const description = [
      payment.method?.trim(),
      applicationText(applied.get(`payment ${payment.id}`), payment.cents, payment.currency, to),
    ];
    entries.push({
      date: payment.date,
      rank: PAYMENT_RANK,
      type: 'Payment',
      reference: payment.reference?.trim() ?? '',
      description: description.filter(Boolean).join(', '),
      currency: payment.currency,
      debitCents: null,
      creditCents: payment.cents,
      id: payment.id,
    });
  }

  const credits = db
    .prepare(
      `SELECT id, number, credit_date AS date, amount_cents AS cents, currency, kind, reason
       FROM credit_notes
       WHERE client_id = @clientId AND credit_date BETWEEN @from AND @to AND voided_at IS NULL`,
    )
    .all(params) as {
    id: number;
    number: string | null;
    date: IsoDate;
    cents: number;
    currency: string;
    kind: string;
    reason: string | null;
  }[];
  for (const credit of credits) {
    const kind = creditNoteTypes[credit.kind] ?? { type: 'Credit note', rank: 2 };
    const description = [
      credit.reason?.trim(),
      applicationText(applied.get(`credit ${credit.id}`), credit.cents, credit.currency, to),
    ];
    entries.push({
      date: credit.date,
      rank: kind.rank,
      type: kind.type,
      reference: credit.number?.trim() ?? '',
      description: description.filter(Boolean).join(', '),
      currency: credit.currency,
      debitCents: null,
      creditCents: credit.cents,
      id: credit.id,
    });
  }

  return entries.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.rank - b.rank ||
      a.reference.localeCompare(b.reference, 'en', { numeric: true }) ||
      a.id - b.id,
  );
}

interface Application {
  readonly numbers: string[];
  cents: number;
}

/**
 * The invoices each payment and credit note of the period was applied to by the end of `to`,
 * keyed `payment ID` or `credit ID`. An allocation dated later, or to an invoice issued
 * later, leaves the money unapplied on `to`, as the aging report counts it.
 */
function appliedInvoices(
  db: Ledger,
  params: { clientId: number; from: IsoDate; to: IsoDate },
): Map<string, Application> {
  const rows = db
    .prepare(
      `SELECT CASE WHEN a.payment_id IS NOT NULL THEN 'payment ' || a.payment_id
                   ELSE 'credit ' || a.credit_note_id END AS source,
              i.number, a.amount_cents AS cents
       FROM allocations a JOIN invoices i ON i.id = a.invoice_id
       LEFT JOIN payments p ON p.id = a.payment_id
       LEFT JOIN credit_notes c ON c.id = a.credit_note_id
       WHERE a.voided_at IS NULL AND a.applied_on <= @to
         AND i.invoice_date <= @to AND i.voided_at IS NULL AND i.status = 'issued'
         AND (p.client_id = @clientId AND p.payment_date BETWEEN @from AND @to
              OR c.client_id = @clientId AND c.credit_date BETWEEN @from AND @to)
       ORDER BY a.applied_on, i.number, a.id`,
    )
    .all(params) as { source: string; number: string; cents: number }[];
  const applied = new Map<string, Application>();
  for (const row of rows) {
    const entry = applied.get(row.source) ?? { numbers: [], cents: 0 };
    if (!entry.numbers.includes(row.number)) entry.numbers.push(row.number);
    entry.cents += row.cents;
    applied.set(row.source, entry);
  }
  return applied;
}

/** "applied to A1 and A2, $50.00 unapplied on 2026-03-31", or "unapplied on …" alone. */
function applicationText(
  application: Application | undefined,
  amountCents: number,
  currency: string,
  to: IsoDate,
): string {
  const parts: string[] = [];
  if (application !== undefined) parts.push(`applied to ${listText(application.numbers)}`);
  const left = amountCents - (application?.cents ?? 0);
  if (left > 0) {
    parts.push(
      application === undefined
        ? `unapplied on ${to}`
        : `${formatMoney(left, currency)} unapplied on ${to}`,
    );
  }
  return parts.join(', ');
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function clientFacts(
  db: Ledger,
  client: ScopedClient,
  period: {
    from: IsoDate;
    to: IsoDate;
    dayBefore: IsoDate;
    currencies: readonly string[];
    opening: Balances;
    closing: Balances;
  },
): ReportBlock {
  const address = db.prepare('SELECT address FROM clients WHERE id = ?').pluck().get(client.id) as
    | string
    | null;
  const addressText = (address ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(', ');
  const facts = [
    { label: 'Client', value: client.name },
    { label: 'Client code', value: client.code },
    { label: 'Address', value: addressText || 'No address on file' },
    { label: 'Period', value: `${period.from} to ${period.to}` },
  ];
  if (period.currencies.length === 0) {
    facts.push({ label: 'Balance', value: 'Nothing owed at the start or the end of the period' });
  }
  for (const currency of period.currencies) {
    facts.push({
      label: `Opening balance, ${currency} (end of ${period.dayBefore})`,
      value: formatMoney(period.opening.get(currency) ?? 0, currency),
    });
  }
  for (const currency of period.currencies) {
    facts.push({
      label: `Closing balance, ${currency} (end of ${period.to})`,
      value: formatMoney(period.closing.get(currency) ?? 0, currency),
    });
  }
  return { kind: 'facts', title: 'Statement of account', facts };
}

/** The ledger's aging settings, so the statement's buckets match the aging reports. */
function agingOptions(db: Ledger): AgingOptions {
  const settings = readSettings(db);
  return { basis: settings.agingBasis, bounds: settings.agingBounds };
}

/**
 * The invoices open at the end of `to` with their days past due and bucket, then one aging
 * row per currency. Its balance column is the closing balance, because the aging total is.
 */
function openItems(
  db: Ledger,
  clientId: number,
  to: IsoDate,
  wanted: (currency: string) => boolean,
): ReportTable[] {
  const options = agingOptions(db);
  const dayCount = (invoice: { dueDate: IsoDate; invoiceDate: IsoDate }) =>
    daysBetween(options.basis === 'invoice' ? invoice.invoiceDate : invoice.dueDate, to);
  const open = [...openInvoicesAt(db, to, { clientId })]
    .filter((invoice) => wanted(invoice.currency))
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
  ).filter(([currency]) => wanted(currency));
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

/** `current` → "Current"; `1-30` and `90+` read as they are. */
function bucketLabel(key: string): string {
  return key === 'current' ? 'Current' : key;
}

/** `1-30` → `days_1_30`, `90+` → `days_90_plus`: column keys are snake_case. */
function bucketColumnKey(key: string): string {
  if (key === 'current') return key;
  return `days_${key.replace('+', '_plus').replace('-', '_')}`;
}

function termsFacts(db: Ledger, clientId: number, currencies: readonly string[]): ReportBlock {
  const terms = clientTerms(db, clientId);
  const methods = terms.paymentMethods;
  return {
    kind: 'facts',
    title: 'How to pay',
    facts: [
      {
        label: 'Payment terms',
        value: termsLabel(terms, currencies.length === 1 ? currencies[0]! : null),
      },
      {
        label: 'Payment methods accepted',
        value: methods.length === 0 ? 'Ask us how to pay' : methods.join(', '),
      },
    ],
  };
}
