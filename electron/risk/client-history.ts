import { addDays, addMonths, parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import type { ClientHistory, SizeBand } from '../../shared/risk/risk-score.ts';
import type { Ledger } from '../ledger/database.ts';
import { openInvoicesAt, settledInvoices } from '../ledger/receivables.ts';

export interface ClientRiskInput {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  /** The currency of `history`'s amounts and credit limit. */
  readonly currency: string;
  readonly history: ClientHistory;
}

const sizeBands: ReadonlySet<string> = new Set<SizeBand>(['small', 'medium', 'large']);

/**
 * Builds each client's `ClientHistory` as of the end of `asOf`, for every client with an
 * issued invoice dated on or before it, ordered by client id. A handful of grouped queries
 * read the whole ledger rather than one query per client.
 *
 * Amounts are those of the client's main currency: the currency of the largest invoiced total
 * up to `asOf` (ties go to the alphabetically first code). Invoices in the client's other
 * currencies are left out, because days late weighted by amount cannot mix currencies.
 * The credit limit counts only when it is set in that main currency.
 */
export function clientHistories(db: Ledger, asOf: IsoDate): ClientRiskInput[] {
  parseIsoDate(asOf, 'as-of date');
  // The 12 months up to and including `asOf`: 2025-04-01 to 2026-03-31 for 2026-03-31.
  const from = addDays(addMonths(asOf, -12), 1);
  const params = { asOf, from };

  const mainCurrency = new Map<number, string>();
  const totals = db
    .prepare(
      `SELECT client_id AS clientId, currency, SUM(amount_cents) AS cents FROM invoices
       WHERE invoice_date <= @asOf AND voided_at IS NULL AND status = 'issued' AND kind = 'sale'
       GROUP BY client_id, currency
       ORDER BY client_id, cents DESC, currency`,
    )
    .all(params) as { clientId: number; currency: string; cents: number }[];
  for (const row of totals) {
    if (!mainCurrency.has(row.clientId)) mainCurrency.set(row.clientId, row.currency);
  }

  const clients = db
    .prepare(
      `SELECT id AS clientId, code, name, industry, size_band AS sizeBand,
              credit_limit_cents AS creditLimitCents, credit_limit_currency AS creditLimitCurrency
       FROM clients ORDER BY id`,
    )
    .all() as {
    clientId: number;
    code: string;
    name: string;
    industry: string | null;
    sizeBand: string | null;
    creditLimitCents: number | null;
    creditLimitCurrency: string | null;
  }[];

  const settled = groupByClient(settledInvoices(db, from, asOf));

  const open = new Map<number, { dueDate: IsoDate; balanceCents: number }[]>();
  const openBalance = new Map<number, number>();
  for (const invoice of openInvoicesAt(db, asOf)) {
    if (invoice.currency !== mainCurrency.get(invoice.clientId)) continue;
    const list = open.get(invoice.clientId) ?? [];
    list.push({ dueDate: invoice.dueDate, balanceCents: invoice.balanceCents });
    open.set(invoice.clientId, list);
    openBalance.set(
      invoice.clientId,
      (openBalance.get(invoice.clientId) ?? 0) + invoice.balanceCents,
    );
  }

  const disputes = countsByClient(
    db
      .prepare(
        `SELECT i.client_id AS clientId, COUNT(*) AS count FROM disputes d
         JOIN invoices i ON i.id = d.invoice_id
         WHERE d.opened_on BETWEEN @from AND @asOf AND i.voided_at IS NULL
         GROUP BY i.client_id`,
      )
      .all(params) as { clientId: number; count: number }[],
  );
  const writeOffs = countsByClient(
    db
      .prepare(
        `SELECT client_id AS clientId, COUNT(*) AS count FROM credit_notes
         WHERE credit_date BETWEEN @from AND @asOf AND voided_at IS NULL AND kind = 'write-off'
         GROUP BY client_id`,
      )
      .all(params) as { clientId: number; count: number }[],
  );

  const inputs: ClientRiskInput[] = [];
  for (const client of clients) {
    const currency = mainCurrency.get(client.clientId);
    if (currency === undefined) continue;
    const sizeBand = client.sizeBand?.trim().toLowerCase() ?? '';
    inputs.push({
      clientId: client.clientId,
      code: client.code,
      name: client.name,
      currency,
      history: {
        settledInvoices: (settled.get(client.clientId) ?? [])
          .filter((invoice) => invoice.currency === currency)
          .map(({ invoiceDate, dueDate, settledDate, amountCents }) => ({
            invoiceDate,
            dueDate,
            settledDate,
            amountCents,
          })),
        openInvoices: open.get(client.clientId) ?? [],
        disputesLast12Months: disputes.get(client.clientId) ?? 0,
        writeOffsLast12Months: writeOffs.get(client.clientId) ?? 0,
        creditLimitCents: client.creditLimitCurrency === currency ? client.creditLimitCents : null,
        openBalanceCents: openBalance.get(client.clientId) ?? 0,
        industry: client.industry,
        sizeBand: sizeBands.has(sizeBand) ? (sizeBand as SizeBand) : null,
      },
    });
  }
  return inputs;
}

function groupByClient<T extends { clientId: number }>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(row.clientId) ?? [];
    list.push(row);
    groups.set(row.clientId, list);
  }
  return groups;
}

function countsByClient(rows: readonly { clientId: number; count: number }[]) {
  return new Map(rows.map((row) => [row.clientId, row.count]));
}
