import { readRiskSettings } from '../ledger/risk-settings-store.ts';
import {
  addMonths,
  firstOfMonth,
  lastOfMonth,
  minDate,
  parseIsoDate,
  type IsoDate,
} from '../../shared/calendar-date.ts';
import type { Reduction } from '../../shared/invoice-balance.ts';
import {
  managementMetrics,
  type FirstLateFeeFact,
  type LateFeeFact,
  type ManagementMetrics,
  type SettledSaleFact,
} from '../../shared/metrics/management-metrics.ts';
import { parseTermsSnapshot, type PaymentTerms } from '../../shared/terms/payment-terms.ts';
import type { Ledger } from '../ledger/database.ts';
import { settledInvoices } from '../ledger/receivables.ts';
import { riskReport, type RiskReport } from '../risk/risk-report.ts';
import {
  clientCurrencyFacts,
  metricGroups,
  type ClientCurrencyFacts,
  type GroupedClient,
  type TierKey,
} from './metric-groups.ts';

export { tierKeys, type TierKey } from './metric-groups.ts';

export interface ManagementGroup {
  readonly currency: string;
  /** Number of clients counted in the group. */
  readonly clients: number;
  readonly metrics: ManagementMetrics;
}

export interface TierGroup extends ManagementGroup {
  readonly tier: TierKey;
}

export interface ClientGroup extends ManagementGroup {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  readonly tier: TierKey;
}

export interface ManagementReport {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Last day of each month of the period, the last one being `to`. */
  readonly monthEnds: IsoDate[];
  /** One group per currency, sorted by code. */
  readonly portfolio: ManagementGroup[];
  /** Groups per currency, then in the order of `tierKeys`, without tiers that have no client. */
  readonly tiers: TierGroup[];
  /** Every client invoiced by `to`, in its main currency, sorted by code. */
  readonly clients: ClientGroup[];
}

/** The facts of one client in one currency. */
interface ClientFacts {
  settled: SettledSaleFact[];
  firstLateFees: FirstLateFeeFact[];
  lateFees: LateFeeFact[];
  monthEndBalances: number[];
}

interface ClientInfo extends GroupedClient {
  readonly score: number | null;
  readonly limit: { readonly cents: number; readonly currency: string } | null;
  /** Currencies of its invoices by `to`, and of its credit limit. */
  readonly currencies: Set<string>;
}

/**
 * Computes the management metrics of [from, to], as of the end of `to`, per client in its main
 * currency, per risk tier and currency, and per currency for the whole portfolio. Tiers and
 * scores are the risk report's as of `to`. A tier or the portfolio in a currency counts every
 * client with an invoice or a credit limit in that currency, and that client's facts in it. Its
 * mean score takes only the scored clients whose main currency it is, because a score is
 * measured in the main currency. A fixed handful of grouped queries read the ledger, however
 * many clients it contains.
 */
export function managementReport(
  db: Ledger,
  from: IsoDate,
  to: IsoDate,
  risk: RiskReport = riskReport(db, to, readRiskSettings(db)),
): ManagementReport {
  parseIsoDate(from, 'period start');
  parseIsoDate(to, 'period end');
  if (from > to) {
    throw new RangeError(`Invalid period: it starts on ${from}, after its end ${to}.`);
  }
  const monthEnds = periodMonthEnds(from, to);
  const params = { from, to };
  const facts = clientCurrencyFacts<ClientFacts>(() => ({
    settled: [],
    firstLateFees: [],
    lateFees: [],
    monthEndBalances: monthEnds.map(() => 0),
  }));
  const factsOf = facts.of;

  readMonthEndBalances(db, to, monthEnds, factsOf);
  readSettled(db, params, factsOf);
  readLateFees(db, params, factsOf);
  readFirstLateFees(db, params, factsOf);
  const clients = readClients(db, risk, facts);

  const metricsOf = (members: readonly ClientInfo[], currency: string, scoreCurrency: string) => {
    const group = members.map((client) => facts.get(client.clientId, currency));
    return managementMetrics(
      {
        scores: members
          .filter((client) => client.currency === scoreCurrency && client.score !== null)
          .map((client) => client.score as number),
        credit: members
          .filter((client) => client.limit?.currency === currency && client.limit.cents > 0)
          .map((client) => ({
            creditLimitCents: client.limit?.cents as number,
            monthEndBalancesCents:
              facts.get(client.clientId, currency)?.monthEndBalances ?? monthEnds.map(() => 0),
          })),
        settled: group.flatMap((entry) => entry?.settled ?? []),
        firstLateFees: group.flatMap((entry) => entry?.firstLateFees ?? []),
        lateFees: group.flatMap((entry) => entry?.lateFees ?? []),
      },
      to,
    );
  };

  const groups = metricGroups(clients, (members, currency, scope) => {
    const [client] = members;
    if (scope !== 'client' || client === undefined) return metricsOf(members, currency, currency);
    // A limit in another currency cannot be set against the main currency's balance.
    const limit = client.limit?.currency === client.currency ? client.limit : null;
    return metricsOf([{ ...client, limit }], currency, currency);
  });
  return { from, to, monthEnds, ...groups };
}

/** Returns the last day of each calendar month that overlaps [from, to], or `to` for the last. */
export function periodMonthEnds(from: IsoDate, to: IsoDate): IsoDate[] {
  const ends: IsoDate[] = [];
  for (let start = firstOfMonth(from); start <= to; start = addMonths(start, 1)) {
    ends.push(minDate(lastOfMonth(start), to));
  }
  return ends;
}

type FactsOf = (clientId: number, currency: string) => ClientFacts;

/** Reads the clients of the risk report as of `to`, with their limits and currencies. */
function readClients(
  db: Ledger,
  risk: RiskReport,
  facts: ClientCurrencyFacts<ClientFacts>,
): ClientInfo[] {
  const limits = new Map(
    (
      db
        .prepare(
          `SELECT id AS clientId, credit_limit_cents AS cents, credit_limit_currency AS currency
           FROM clients
           WHERE credit_limit_cents IS NOT NULL AND credit_limit_currency IS NOT NULL`,
        )
        .all() as { clientId: number; cents: number; currency: string }[]
    ).map((row) => [row.clientId, { cents: row.cents, currency: row.currency }]),
  );
  const currenciesOf = new Map<number, Set<string>>();
  for (const { clientId, currency } of facts.pairs()) {
    const set = currenciesOf.get(clientId) ?? new Set<string>();
    set.add(currency);
    currenciesOf.set(clientId, set);
  }
  return risk.clients.map((client) => {
    const limit = limits.get(client.clientId) ?? null;
    const currencies = new Set(currenciesOf.get(client.clientId) ?? []);
    currencies.add(client.currency);
    if (limit !== null && limit.cents > 0) currencies.add(limit.currency);
    const scored = client.risk.status === 'scored' ? client.risk : null;
    return {
      clientId: client.clientId,
      code: client.code,
      name: client.name,
      currency: client.currency,
      score: scored?.score ?? null,
      tier: scored?.tier ?? 'unscored',
      limit,
      currencies,
    };
  });
}

/**
 * Reads the open balances of sale invoices and late fees per client and currency at each month
 * end, from monthly movements. An invoice adds its amount in its month. An allocation subtracts
 * in the month it is applied, or in the invoice's month when applied before it, as
 * `openInvoicesAt` counts it.
 */
function readMonthEndBalances(
  db: Ledger,
  to: IsoDate,
  monthEnds: readonly IsoDate[],
  factsOf: FactsOf,
): void {
  const rows = db
    .prepare(
      `SELECT clientId, currency, month, SUM(cents) AS cents FROM (
         SELECT client_id AS clientId, currency, substr(invoice_date, 1, 7) AS month,
                amount_cents AS cents
         FROM invoices
         WHERE invoice_date <= @to AND voided_at IS NULL AND status = 'issued'
         UNION ALL
         SELECT i.client_id, i.currency,
                substr(CASE WHEN a.applied_on < i.invoice_date THEN i.invoice_date
                            ELSE a.applied_on END, 1, 7),
                -a.amount_cents
         FROM allocations a JOIN invoices i ON i.id = a.invoice_id
         WHERE a.applied_on <= @to AND a.voided_at IS NULL
           AND i.invoice_date <= @to AND i.voided_at IS NULL AND i.status = 'issued'
       ) movements
       GROUP BY clientId, currency, month`,
    )
    .all({ to }) as { clientId: number; currency: string; month: string; cents: number }[];
  const months = monthEnds.map((end) => end.slice(0, 7));
  for (const row of rows) {
    const balances = factsOf(row.clientId, row.currency).monthEndBalances;
    // A movement counts at every month end from its own month on, so one from before the
    // period counts at all of them.
    months.forEach((month, index) => {
      if (row.month <= month) balances[index] = (balances[index] as number) + row.cents;
    });
  }
}

/** Reads the sale invoices settled in the period, with their grace days and discounts. */
function readSettled(db: Ledger, params: { from: IsoDate; to: IsoDate }, factsOf: FactsOf) {
  // Reads a superset of the snapshots needed: invoices dated in the period or allocated in it.
  const snapshots = db
    .prepare(
      `SELECT i.id AS invoiceId, i.number, i.terms_snapshot AS snapshot,
              COALESCE((
                SELECT SUM(a.amount_cents) FROM allocations a
                JOIN credit_notes c ON c.id = a.credit_note_id
                WHERE a.invoice_id = i.id AND a.voided_at IS NULL AND a.applied_on <= @to
                  AND c.voided_at IS NULL AND c.kind = 'early-payment-discount'
              ), 0) AS discountCents
       FROM invoices i
       WHERE i.kind = 'sale' AND i.voided_at IS NULL AND i.status = 'issued'
         AND i.invoice_date <= @to AND i.terms_snapshot IS NOT NULL
         AND (i.invoice_date >= @from OR EXISTS (
           SELECT 1 FROM allocations a
           WHERE a.invoice_id = i.id AND a.applied_on BETWEEN @from AND @to
             AND a.voided_at IS NULL))`,
    )
    .all(params) as {
    invoiceId: number;
    number: string;
    snapshot: string;
    discountCents: number;
  }[];
  // Invoices share a few templates, so each distinct snapshot is parsed once.
  const parsed = new Map<string, PaymentTerms | null>();
  const terms = new Map<number, { terms: PaymentTerms | null; discountCents: number }>();
  for (const row of snapshots) {
    if (!parsed.has(row.snapshot)) {
      parsed.set(row.snapshot, parseTermsSnapshot(row.snapshot, row.number));
    }
    terms.set(row.invoiceId, {
      terms: parsed.get(row.snapshot) ?? null,
      discountCents: row.discountCents,
    });
  }
  for (const invoice of settledInvoices(db, params.from, params.to)) {
    const snapshot = terms.get(invoice.invoiceId);
    const offered = snapshot?.terms?.discount != null;
    factsOf(invoice.clientId, invoice.currency).settled.push({
      invoiceDate: invoice.invoiceDate,
      dueDate: invoice.dueDate,
      settledDate: invoice.settledDate,
      amountCents: invoice.amountCents,
      graceDays: snapshot?.terms?.graceDays ?? 0,
      discountOffered: offered,
      discountTakenCents: offered ? (snapshot?.discountCents ?? 0) : 0,
    });
  }
}

/**
 * Reads the late fees charged in the period, with the payments applied to each by `to`. A
 * credit note or write-off that waives a fee is not money collected, so only payments count.
 */
function readLateFees(db: Ledger, params: { from: IsoDate; to: IsoDate }, factsOf: FactsOf) {
  const rows = db
    .prepare(
      `SELECT f.client_id AS clientId, f.currency, f.amount_cents AS amountCents,
              COALESCE((
                SELECT SUM(a.amount_cents) FROM allocations a
                WHERE a.invoice_id = f.id AND a.voided_at IS NULL AND a.applied_on <= @to
                  AND a.payment_id IS NOT NULL
              ), 0) AS collectedCents
       FROM invoices f
       WHERE f.kind = 'late-fee' AND f.voided_at IS NULL AND f.status = 'issued'
         AND f.invoice_date BETWEEN @from AND @to`,
    )
    .all(params) as {
    clientId: number;
    currency: string;
    amountCents: number;
    collectedCents: number;
  }[];
  for (const row of rows) {
    factsOf(row.clientId, row.currency).lateFees.push({
      amountCents: row.amountCents,
      collectedCents: row.collectedCents,
    });
  }
}

/** Reads sale invoices whose first live late fee was charged in the period, with allocations. */
function readFirstLateFees(db: Ledger, params: { from: IsoDate; to: IsoDate }, factsOf: FactsOf) {
  const charged = `
    WITH first_fees AS (
      SELECT fee_for_invoice_id AS invoiceId, MIN(invoice_date) AS chargedOn FROM invoices
      WHERE kind = 'late-fee' AND voided_at IS NULL AND status = 'issued'
      GROUP BY fee_for_invoice_id
    ), charged AS (
      SELECT s.id AS invoiceId, s.client_id AS clientId, s.currency,
             s.amount_cents AS amountCents, f.chargedOn
      FROM invoices s JOIN first_fees f ON f.invoiceId = s.id
      WHERE f.chargedOn BETWEEN @from AND @to
        AND s.kind = 'sale' AND s.voided_at IS NULL AND s.status = 'issued'
    )`;
  const invoices = db.prepare(`${charged} SELECT * FROM charged`).all(params) as {
    invoiceId: number;
    clientId: number;
    currency: string;
    amountCents: number;
    chargedOn: IsoDate;
  }[];
  const allocations = db
    .prepare(
      `${charged}
       SELECT a.invoice_id AS invoiceId, a.applied_on AS date, a.amount_cents AS cents
       FROM allocations a JOIN charged c ON c.invoiceId = a.invoice_id
       WHERE a.voided_at IS NULL AND a.applied_on <= @to`,
    )
    .all(params) as { invoiceId: number; date: IsoDate; cents: number }[];
  const reductions = new Map<number, Reduction[]>();
  for (const { invoiceId, date, cents } of allocations) {
    const list = reductions.get(invoiceId) ?? [];
    list.push({ date, cents });
    reductions.set(invoiceId, list);
  }
  for (const invoice of invoices) {
    factsOf(invoice.clientId, invoice.currency).firstLateFees.push({
      chargedOn: invoice.chargedOn,
      amountCents: invoice.amountCents,
      reductions: reductions.get(invoice.invoiceId) ?? [],
    });
  }
}
