import { parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import type { Reduction } from '../../shared/invoice-balance.ts';
import {
  collectionActivityMetrics,
  dsoAroundReminders,
  reminderDsoWindows,
  windowDays,
  type AutomatedReminderFact,
  type CollectionActivityMetrics,
  type DsoWindow,
  type DsoWindowFacts,
  type DueInvoiceFact,
  type InteractionFact,
  type InvoiceBalanceFact,
  type SentReminderFact,
} from '../../shared/metrics/collection-activity-metrics.ts';
import type { Ledger } from '../ledger/database.ts';
import { creditSales } from '../ledger/receivables.ts';
import { readRiskSettings } from '../ledger/risk-settings-store.ts';
import { riskReport, type RiskReport } from '../risk/risk-report.ts';
import { receivablesAt } from './aging-report.ts';
import {
  clientCurrencyFacts,
  metricGroups,
  type GroupedClient,
  type TierKey,
} from './metric-groups.ts';

export interface ActivityGroup {
  readonly currency: string;
  /** Number of clients counted in the group. */
  readonly clients: number;
  readonly metrics: CollectionActivityMetrics;
}

export interface ActivityTierGroup extends ActivityGroup {
  readonly tier: TierKey;
}

export interface ActivityClientGroup extends ActivityGroup {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  readonly tier: TierKey;
}

export interface CollectionActivityReport {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Sending day of the first reminder sent in the ledger by `to`, or null. */
  readonly firstReminderOn: IsoDate | null;
  /** Months the portfolio's DSO is compared over, or null without a sent reminder. */
  readonly dsoWindows: { readonly before: DsoWindow; readonly after: DsoWindow } | null;
  /** One group per currency, sorted by code. */
  readonly portfolio: ActivityGroup[];
  /** Groups per currency, then in the order of `tierKeys`, without tiers that have no client. */
  readonly tiers: ActivityTierGroup[];
  /** Every client invoiced by `to`, in its main currency, sorted by code. */
  readonly clients: ActivityClientGroup[];
}

/** The facts of one client in one currency. */
interface ClientFacts {
  remindedInvoices: InvoiceBalanceFact[];
  dueInvoices: DueInvoiceFact[];
  sentReminders: SentReminderFact[];
  automatedReminders: AutomatedReminderFact[];
  interactions: InteractionFact[];
}

interface ClientInfo extends GroupedClient {
  readonly currencies: Set<string>;
}

interface SentReminderRow {
  reminderId: number;
  clientId: number;
  channel: string;
  sentOn: IsoDate | null;
  automatedSend: number;
  answeredOn: IsoDate | null;
  replyOn: IsoDate | null;
}

interface ReminderInvoiceRow {
  reminderId: number;
  invoiceId: number;
  currency: string;
  amountCents: number;
}

/**
 * Computes the collection activity metrics of [from, to], as of the end of `to`, per client in
 * its main currency, per risk tier and currency, and per currency for the portfolio, grouped
 * as the management report groups them. Reminders and invoices count in their invoices'
 * currency. Interactions carry no currency, so they count in their client's main currency. A
 * reminder's sending day is the day of the interaction its delivery logged, or the day of its
 * `sent_at` when none was logged.
 */
export function collectionActivityReport(
  db: Ledger,
  from: IsoDate,
  to: IsoDate,
  risk: RiskReport = riskReport(db, to, readRiskSettings(db)),
): CollectionActivityReport {
  parseIsoDate(from, 'period start');
  parseIsoDate(to, 'period end');
  if (from > to) {
    throw new RangeError(`Invalid period: it starts on ${from}, after its end ${to}.`);
  }
  const facts = clientCurrencyFacts<ClientFacts>(() => ({
    remindedInvoices: [],
    dueInvoices: [],
    sentReminders: [],
    automatedReminders: [],
    interactions: [],
  }));
  const factsOf = facts.of;

  const clients = readClients(db, to, risk);
  const sent = readSentReminders(db).filter(
    (row): row is SentReminderRow & { sentOn: IsoDate } => row.sentOn !== null && row.sentOn <= to,
  );
  readReminderFacts(db, from, to, sent, factsOf);
  readDueInvoices(db, from, to, factsOf);
  readInteractions(db, from, to, clients, factsOf);

  const firstReminderOn = sent.reduce<IsoDate | null>(
    (first, row) => (first === null || row.sentOn < first ? row.sentOn : first),
    null,
  );
  const dsoWindows = firstReminderOn === null ? null : reminderDsoWindows(firstReminderOn);
  const dsoOf = dsoComparison(db, to, dsoWindows);

  const metricsOf = (members: readonly ClientInfo[], currency: string) => {
    const group = members.map((client) => facts.get(client.clientId, currency));
    return collectionActivityMetrics(
      {
        remindedInvoices: group.flatMap((entry) => entry?.remindedInvoices ?? []),
        dueInvoices: group.flatMap((entry) => entry?.dueInvoices ?? []),
        sentReminders: group.flatMap((entry) => entry?.sentReminders ?? []),
        automatedReminders: group.flatMap((entry) => entry?.automatedReminders ?? []),
        interactions: group.flatMap((entry) => entry?.interactions ?? []),
      },
      to,
    );
  };

  const groups = metricGroups(clients, (members, currency, scope) =>
    scope === 'portfolio'
      ? { ...metricsOf(members, currency), ...dsoOf(currency) }
      : metricsOf(members, currency),
  );
  return { from, to, firstReminderOn, dsoWindows, ...groups };
}

type FactsOf = (clientId: number, currency: string) => ClientFacts;

/** Reads the risk report's clients as of `to`, with their tiers and invoice currencies. */
function readClients(db: Ledger, to: IsoDate, risk: RiskReport): ClientInfo[] {
  const currenciesOf = new Map<number, Set<string>>();
  const rows = db
    .prepare(
      `SELECT DISTINCT client_id AS clientId, currency FROM invoices
       WHERE invoice_date <= ? AND voided_at IS NULL AND status = 'issued'`,
    )
    .all(to) as { clientId: number; currency: string }[];
  for (const row of rows) {
    const set = currenciesOf.get(row.clientId) ?? new Set<string>();
    set.add(row.currency);
    currenciesOf.set(row.clientId, set);
  }
  return risk.clients.map((client) => {
    const currencies = new Set(currenciesOf.get(client.clientId) ?? []);
    currencies.add(client.currency);
    return {
      clientId: client.clientId,
      code: client.code,
      name: client.name,
      currency: client.currency,
      tier: client.risk.status === 'scored' ? client.risk.tier : 'unscored',
      currencies,
    };
  });
}

/** Reads every sent reminder with its sending day, channel, automatic flag and first reply. */
function readSentReminders(db: Ledger): SentReminderRow[] {
  return db
    .prepare(
      `SELECT r.id AS reminderId, r.client_id AS clientId, r.channel,
              COALESCE((SELECT MIN(i.occurred_on) FROM interactions i WHERE i.reminder_id = r.id),
                       substr(r.sent_at, 1, 10)) AS sentOn,
              EXISTS (SELECT 1 FROM interactions i
                      WHERE i.reminder_id = r.id AND i.automated = 1) AS automatedSend,
              substr(r.answered_at, 1, 10) AS answeredOn,
              (SELECT MIN(i.occurred_on) FROM interactions i
               WHERE i.replies_to_reminder_id = r.id AND i.direction = 'inbound') AS replyOn
       FROM reminders r WHERE r.status = 'sent'`,
    )
    .all() as SentReminderRow[];
}

/**
 * Reads the reminders sent in the period, per currency of their sale invoices, and those
 * invoices with their allocations applied by `to`.
 */
function readReminderFacts(
  db: Ledger,
  from: IsoDate,
  to: IsoDate,
  sent: readonly (SentReminderRow & { sentOn: IsoDate })[],
  factsOf: FactsOf,
): void {
  const inPeriod = new Map(
    sent.filter((row) => row.sentOn >= from).map((row) => [row.reminderId, row]),
  );
  if (inPeriod.size === 0) return;
  const links = (
    db
      .prepare(
        `SELECT ri.reminder_id AS reminderId, i.id AS invoiceId, i.currency,
                i.amount_cents AS amountCents
         FROM reminder_invoices ri JOIN invoices i ON i.id = ri.invoice_id
         WHERE i.kind = 'sale' AND i.status = 'issued' AND i.voided_at IS NULL
         ORDER BY ri.reminder_id, i.id`,
      )
      .all() as ReminderInvoiceRow[]
  ).filter((link) => inPeriod.has(link.reminderId));
  const reductions = new Map<number, Reduction[]>();
  const allocations = db
    .prepare(
      `SELECT invoice_id AS invoiceId, applied_on AS date, amount_cents AS cents
       FROM allocations
       WHERE voided_at IS NULL AND applied_on <= ?
         AND invoice_id IN (SELECT invoice_id FROM reminder_invoices)`,
    )
    .all(to) as { invoiceId: number; date: IsoDate; cents: number }[];
  for (const { invoiceId, date, cents } of allocations) {
    const list = reductions.get(invoiceId) ?? [];
    list.push({ date, cents });
    reductions.set(invoiceId, list);
  }
  const balanceFact = (link: ReminderInvoiceRow): InvoiceBalanceFact => ({
    amountCents: link.amountCents,
    reductions: reductions.get(link.invoiceId) ?? [],
  });

  // Counts each reminded invoice once, however many reminders of the period covered it.
  const reminded = new Set<number>();
  const byReminder = new Map<string, ReminderInvoiceRow[]>();
  for (const link of links) {
    const reminder = inPeriod.get(link.reminderId) as SentReminderRow;
    if (!reminded.has(link.invoiceId)) {
      reminded.add(link.invoiceId);
      factsOf(reminder.clientId, link.currency).remindedInvoices.push(balanceFact(link));
    }
    const key = `${link.reminderId} ${link.currency}`;
    byReminder.set(key, [...(byReminder.get(key) ?? []), link]);
  }
  for (const [key, invoices] of byReminder) {
    const [reminderId, currency] = key.split(' ') as [string, string];
    const reminder = inPeriod.get(Number(reminderId)) as SentReminderRow & { sentOn: IsoDate };
    const facts = factsOf(reminder.clientId, currency);
    facts.sentReminders.push({ sentOn: reminder.sentOn, repliedOn: firstReply(reminder) });
    if (reminder.channel === 'email' && reminder.automatedSend === 1) {
      facts.automatedReminders.push({
        sentOn: reminder.sentOn,
        invoices: invoices.map(balanceFact),
      });
    }
  }
}

function firstReply(row: SentReminderRow): IsoDate | null {
  const days = [row.answeredOn, row.replyOn].filter((day): day is IsoDate => day !== null);
  return days.length === 0 ? null : days.reduce((a, b) => (a < b ? a : b));
}

/**
 * Reads the sale invoices due in the period, each with its client's first outbound contact on
 * or after its due date.
 */
function readDueInvoices(db: Ledger, from: IsoDate, to: IsoDate, factsOf: FactsOf): void {
  const rows = db
    .prepare(
      `SELECT i.client_id AS clientId, i.currency, i.due_date AS dueDate,
              (SELECT MIN(x.occurred_on) FROM interactions x
               WHERE x.client_id = i.client_id AND x.direction = 'outbound'
                 AND x.occurred_on BETWEEN i.due_date AND @to) AS firstContactOn
       FROM invoices i
       WHERE i.kind = 'sale' AND i.status = 'issued' AND i.voided_at IS NULL
         AND i.due_date BETWEEN @from AND @to AND i.invoice_date <= @to`,
    )
    .all({ from, to }) as {
    clientId: number;
    currency: string;
    dueDate: IsoDate;
    firstContactOn: IsoDate | null;
  }[];
  for (const row of rows) {
    factsOf(row.clientId, row.currency).dueInvoices.push({
      dueDate: row.dueDate,
      firstContactOn: row.firstContactOn,
    });
  }
}

/**
 * Reads the interactions dated in the period, in their client's main currency. The notes that
 * the promise follow-up writes by itself record a status change, not collection work, so they
 * are left out.
 */
function readInteractions(
  db: Ledger,
  from: IsoDate,
  to: IsoDate,
  clients: readonly ClientInfo[],
  factsOf: FactsOf,
): void {
  const mainCurrency = new Map(clients.map((client) => [client.clientId, client.currency]));
  const rows = db
    .prepare(
      `SELECT client_id AS clientId, kind, automated, minutes FROM interactions
       WHERE occurred_on BETWEEN ? AND ? AND NOT (automated = 1 AND direction = 'internal')`,
    )
    .all(from, to) as { clientId: number; kind: string; automated: number; minutes: number }[];
  for (const row of rows) {
    const currency = mainCurrency.get(row.clientId);
    if (currency === undefined) continue;
    factsOf(row.clientId, currency).interactions.push({
      kind: row.kind,
      automated: row.automated === 1,
      minutes: row.minutes,
    });
  }
}

/**
 * Returns a function that computes the portfolio's DSO before and after the first reminder for
 * one currency. A window lacks data
 * when the currency's first sale invoice is dated after the window starts, or when the window
 * ends after `to`.
 */
function dsoComparison(
  db: Ledger,
  to: IsoDate,
  windows: { before: DsoWindow; after: DsoWindow } | null,
): (
  currency: string,
) => Pick<CollectionActivityMetrics, 'dsoBeforeReminders' | 'dsoAfterReminders'> {
  const none = () => ({ dsoBeforeReminders: null, dsoAfterReminders: null });
  if (windows === null || windows.after.to > to) return none;
  const firstSales = new Map(
    (
      db
        .prepare(
          `SELECT currency, MIN(invoice_date) AS first FROM invoices
           WHERE kind = 'sale' AND status = 'issued' AND voided_at IS NULL GROUP BY currency`,
        )
        .all() as { currency: string; first: IsoDate }[]
    ).map((row) => [row.currency, row.first]),
  );
  const read = (window: DsoWindow) => ({
    receivables: receivablesAt(db, window.to),
    sales: creditSales(db, window.from, window.to),
  });
  const before = read(windows.before);
  const after = read(windows.after);
  const factsOf = (
    window: DsoWindow,
    data: ReturnType<typeof read>,
    currency: string,
  ): DsoWindowFacts => ({
    receivablesCents: data.receivables.get(currency)?.total ?? 0,
    creditSalesCents: data.sales.get(currency) ?? 0,
    days: windowDays(window),
  });
  return (currency) => {
    const first = firstSales.get(currency);
    if (first === undefined || first > windows.before.from) return none();
    return dsoAroundReminders(
      factsOf(windows.before, before, currency),
      factsOf(windows.after, after, currency),
    );
  };
}
