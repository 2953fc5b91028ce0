import type { IsoDate } from '../../../shared/calendar-date.ts';
import { collectionActivityRows } from '../../../shared/metrics/collection-activity-metrics.ts';
import {
  timeSpentOnCollections,
  type InteractionFact,
  type TimeSpent,
} from '../../../shared/metrics/collection-activity-metrics.ts';
import type {
  ReportBlock,
  ReportColumn,
  ReportRow,
} from '../../../shared/reports/report-document.ts';
import { readDunningConfig } from '../../collections/dunning-store.ts';
import type { Ledger } from '../../ledger/database.ts';
import { readRiskSettings } from '../../ledger/risk-settings-store.ts';
import { log } from '../../log.ts';
import { riskReport, type RiskReport } from '../../risk/risk-report.ts';
import { collectionActivityReport } from '../collection-activity-report.ts';
import type { ReportBuilder } from '../report-builder.ts';
import { clientIdsParameter, type ReportScope } from '../report-scope.ts';
import {
  formatMetricValue,
  metricGroupSelection,
  selectedGroupValue,
  valueKey,
} from './metrics-report.ts';

/** The SQL parameters every query of the report takes. */
interface QueryParams {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** The clients of the filters as JSON for `json_each`, or null for every client. */
  readonly clients: string | null;
  /** The same clients narrowed by the currency filter to those whose main currency it is. */
  readonly contactClients: string | null;
  readonly currency: string | null;
}

/** A condition that keeps the rows of `column` whose client is in the JSON list `parameter`. */
const clientCondition = (column: string, parameter: 'clients' | 'contactClients') =>
  `(@${parameter} IS NULL OR ${column} IN (SELECT value FROM json_each(@${parameter})))`;

const csvColumns: readonly ReportColumn[] = [
  { key: 'date', label: 'Date', kind: 'date' },
  { key: 'client_code', label: 'Code', kind: 'text' },
  { key: 'client', label: 'Client', kind: 'text' },
  { key: 'manager', label: 'Manager', kind: 'text' },
  { key: 'kind', label: 'Kind', kind: 'text' },
  { key: 'direction', label: 'Direction', kind: 'text' },
  { key: 'outcome', label: 'Outcome', kind: 'text' },
  { key: 'minutes', label: 'Minutes', kind: 'count' },
  { key: 'automated', label: 'Automated', kind: 'text' },
  { key: 'summary', label: 'Summary', kind: 'text' },
];

const timeColumns: readonly ReportColumn[] = [
  { key: 'manual_interactions', label: 'Manual', kind: 'count', width: 0.8 },
  { key: 'manual_minutes', label: 'Manual minutes', kind: 'count', width: 0.9 },
  { key: 'automated_interactions', label: 'Automated', kind: 'count', width: 0.9 },
  { key: 'automated_minutes', label: 'Automated minutes', kind: 'count', width: 1 },
];

/**
 * The collection work of a period: the activity metrics, the interactions by kind, direction
 * and outcome, the reminders by stage and status, what came of promises and reminders, and
 * the time spent per account manager and client. The CSV lists every interaction of the
 * period, one per row.
 *
 * Interactions carry no currency, so with a currency filter they count for the clients whose
 * main currency it is, as the activity metrics count them; reminders count when one of their
 * invoices is in the currency.
 */
export const collectionActivityReportDocument: ReportBuilder = (context) => {
  const { db, request, asOf: to, scope, header } = context;
  const from = request.from;
  if (from === undefined) {
    throw new RangeError('The collection activity report covers a period: give a from date.');
  }
  const risk = scope.risk ?? riskReport(db, to, readRiskSettings(db));
  const params: QueryParams = {
    from,
    to,
    clients: clientIdsParameter(scope),
    contactClients: contactClientsParameter(db, scope, risk),
    currency: scope.currency,
  };

  const blocks: ReportBlock[] = [
    {
      kind: 'text',
      style: 'note',
      text:
        `Collection work from ${from} to ${to}, both days included. Metrics are as of the end ` +
        `of ${to}, per currency. Reminders count by the day they were queued, with their ` +
        'status today.',
    },
    activityMetricsTable(context, from, risk),
    interactionsTable(db, params),
    remindersTable(db, params),
    outcomeFacts(db, params),
    ...timeSpentTables(db, params),
  ];
  return {
    header,
    blocks,
    csv: {
      kind: 'table',
      title: 'Interactions',
      columns: csvColumns,
      rows: interactionRows(db, params),
    },
    fileStem: `collection-activity-${from}-to-${to}`,
  };
};

/**
 * The client ids of the filters, narrowed by a currency filter to the clients whose main
 * currency it is, as JSON; null when no filter narrows the clients.
 */
function contactClientsParameter(db: Ledger, scope: ReportScope, risk: RiskReport): string | null {
  if (scope.clientIds === null && scope.currency === null) return null;
  const mainCurrency = new Map(risk.clients.map((client) => [client.clientId, client.currency]));
  const ids =
    scope.clientIds === null
      ? (db.prepare('SELECT id FROM clients').pluck().all() as number[])
      : [...scope.clientIds];
  return JSON.stringify(
    ids.filter((id) => scope.currency === null || mainCurrency.get(id) === scope.currency),
  );
}

/** The activity metrics of the filters' group, per currency, with their definitions. */
function activityMetricsTable(
  { db, request, asOf: to, scope }: Parameters<ReportBuilder>[0],
  from: IsoDate,
  risk: RiskReport,
): ReportBlock {
  const activity = collectionActivityReport(db, from, to, risk);
  const selection = metricGroupSelection(request, scope);
  const currencies =
    scope.currency === null ? activity.portfolio.map((group) => group.currency) : [scope.currency];
  const rows = collectionActivityRows.map(({ metric }) => {
    const values = currencies.map((currency) =>
      selectedGroupValue(activity, metric, currency, selection),
    );
    return {
      metric: metric.name,
      scope: values[0]?.scope ?? '',
      ...Object.fromEntries(
        currencies.map((currency, index) => [
          valueKey(currency),
          formatMetricValue(metric.unit, values[index]?.value ?? null, currency),
        ]),
      ),
      definition: metric.definition,
    };
  });
  return {
    kind: 'table',
    title: 'Activity metrics',
    columns: [
      { key: 'metric', label: 'Metric', kind: 'text', width: 1.6 },
      { key: 'scope', label: 'Scope', kind: 'text', width: 0.9 },
      ...currencies.map(
        (currency): ReportColumn => ({
          key: valueKey(currency),
          label: currency,
          kind: 'text',
          width: 1,
        }),
      ),
      { key: 'definition', label: 'Definition', kind: 'text', width: 5 },
    ],
    rows: currencies.length === 0 ? [] : rows,
    emptyText: `No client was invoiced by ${to}, so there is no activity to measure.`,
  };
}

function interactionsTable(db: Ledger, params: QueryParams): ReportBlock {
  const rows = db
    .prepare(
      `SELECT kind, direction, outcome, COUNT(*) AS interactions,
              SUM(automated = 0) AS manual, SUM(automated) AS automated,
              COALESCE(SUM(minutes), 0) AS minutes
       FROM interactions
       WHERE occurred_on BETWEEN @from AND @to AND ${clientCondition('client_id', 'contactClients')}
       GROUP BY kind, direction, outcome
       ORDER BY kind, direction, outcome`,
    )
    .all(params) as ReportRow[];
  return {
    kind: 'table',
    title: 'Interactions by kind, direction and outcome',
    columns: [
      { key: 'kind', label: 'Kind', kind: 'text', width: 0.8 },
      { key: 'direction', label: 'Direction', kind: 'text', width: 0.9 },
      { key: 'outcome', label: 'Outcome', kind: 'text', width: 2.2 },
      { key: 'interactions', label: 'Interactions', kind: 'count', width: 0.9 },
      { key: 'manual', label: 'Manual', kind: 'count', width: 0.8 },
      { key: 'automated', label: 'Automated', kind: 'count', width: 0.8 },
      { key: 'minutes', label: 'Minutes recorded', kind: 'count', width: 1 },
    ],
    rows,
    totals: totalsOf(rows, {
      kind: 'Total',
      ...sumColumns(rows, ['interactions', 'manual', 'automated', 'minutes']),
    }),
    emptyText: 'No interaction was logged in the period.',
  };
}

const reminderStatuses = ['sent', 'failed', 'skipped', 'cancelled', 'superseded'] as const;

const statusLabels: Readonly<Record<string, string>> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
  superseded: 'Superseded',
  pending: 'Not yet sent',
};

function remindersTable(db: Ledger, params: QueryParams): ReportBlock {
  const rows = db
    .prepare(
      `SELECT stage_id AS stageId, stage_name AS stage, COUNT(*) AS queued,
              ${reminderStatuses.map((status) => `SUM(status = '${status}') AS ${status}`).join(', ')},
              SUM(status IN ('queued', 'review', 'sending')) AS pending
       FROM reminders r
       WHERE queued_on BETWEEN @from AND @to AND ${clientCondition('client_id', 'clients')}
         AND (@currency IS NULL OR EXISTS (
           SELECT 1 FROM reminder_invoices ri JOIN invoices i ON i.id = ri.invoice_id
           WHERE ri.reminder_id = r.id AND i.currency = @currency))
       GROUP BY stage_id, stage_name`,
    )
    .all(params) as (ReportRow & { stageId: string; stage: string })[];
  const order = stageOrder(db);
  rows.sort(
    (a, b) =>
      (order.get(a.stageId) ?? Infinity) - (order.get(b.stageId) ?? Infinity) ||
      a.stage.localeCompare(b.stage),
  );
  const counts = ['queued', ...reminderStatuses, 'pending'];
  return {
    kind: 'table',
    title: 'Reminders queued in the period, by stage and status',
    columns: [
      { key: 'stage', label: 'Stage', kind: 'text', width: 2 },
      ...counts.map(
        (key): ReportColumn => ({
          key,
          label: statusLabels[key] ?? key,
          kind: 'count',
        }),
      ),
    ],
    rows,
    totals: totalsOf(rows, { stage: 'Total', ...sumColumns(rows, counts) }),
    emptyText: 'No reminder was queued in the period.',
  };
}

/**
 * Each stage id's place on the dunning ladders, by days from the due date, so that the table
 * lists stages in the order clients receive them. A damaged saved ladder leaves the stages in
 * name order rather than failing the report.
 */
function stageOrder(db: Ledger): Map<string, number> {
  const order = new Map<string, number>();
  try {
    for (const stages of Object.values(readDunningConfig(db).ladders)) {
      for (const stage of stages) {
        order.set(stage.id, Math.min(order.get(stage.id) ?? Infinity, stage.offsetDays));
      }
    }
  } catch (error) {
    log.warn('[reports] dunning ladder unreadable; listing reminder stages by name', error);
  }
  return order;
}

/**
 * What came of the collection work: the promises to pay falling due in the period, and the
 * invoices reminded in the period that were settled by its end, counted as the collection
 * success rate counts them.
 */
function outcomeFacts(db: Ledger, params: QueryParams): ReportBlock {
  const promises = db
    .prepare(
      `SELECT COUNT(*) AS due,
              COALESCE(SUM(status = 'kept' AND followed_up_on <= @to), 0) AS kept,
              COALESCE(SUM(status = 'broken' AND followed_up_on <= @to), 0) AS broken
       FROM promises_to_pay
       WHERE promised_for BETWEEN @from AND @to AND ${clientCondition('client_id', 'clients')}
         AND (@currency IS NULL OR currency = @currency)`,
    )
    .get(params) as { due: number; kept: number; broken: number };
  const reminded = db
    .prepare(
      `WITH sent AS (
         SELECT r.id, COALESCE((SELECT MIN(x.occurred_on) FROM interactions x
                                WHERE x.reminder_id = r.id),
                               substr(r.sent_at, 1, 10)) AS sentOn
         FROM reminders r WHERE r.status = 'sent' AND ${clientCondition('r.client_id', 'clients')}
       ), reminded AS (
         SELECT DISTINCT ri.invoice_id AS invoiceId FROM reminder_invoices ri
         JOIN sent ON sent.id = ri.reminder_id
         WHERE sent.sentOn BETWEEN @from AND @to
       )
       SELECT COUNT(*) AS invoices,
              COALESCE(SUM(i.amount_cents <= (
                SELECT COALESCE(SUM(a.amount_cents), 0) FROM allocations a
                WHERE a.invoice_id = i.id AND a.voided_at IS NULL AND a.applied_on <= @to)), 0)
                AS settled
       FROM reminded JOIN invoices i ON i.id = reminded.invoiceId
       WHERE i.kind = 'sale' AND i.status = 'issued' AND i.voided_at IS NULL
         AND (@currency IS NULL OR i.currency = @currency)`,
    )
    .get(params) as { invoices: number; settled: number };
  const open = promises.due - promises.kept - promises.broken;
  return {
    kind: 'facts',
    title: 'Outcomes',
    facts: [
      { label: 'Promises to pay falling due in the period', value: String(promises.due) },
      { label: 'Kept', value: String(promises.kept) },
      { label: 'Broken', value: String(promises.broken) },
      { label: 'Not decided by the period end', value: String(open) },
      {
        label: 'Invoices covered by a reminder sent in the period',
        value: String(reminded.invoices),
      },
      { label: 'Of those, settled by the period end', value: String(reminded.settled) },
    ],
  };
}

interface TimeRow {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  readonly manager: string | null;
  readonly facts: InteractionFact[];
}

/**
 * Time spent per account manager and per client, counted by `timeSpentOnCollections` like the
 * time metrics. The notes that the promise follow-up writes by itself are left out, as there.
 */
function timeSpentTables(db: Ledger, params: QueryParams): ReportBlock[] {
  const interactions = db
    .prepare(
      `SELECT x.client_id AS clientId, c.code, c.name, trim(c.account_manager) AS manager,
              x.kind, x.automated, x.minutes
       FROM interactions x JOIN clients c ON c.id = x.client_id
       WHERE x.occurred_on BETWEEN @from AND @to AND ${clientCondition('x.client_id', 'contactClients')}
         AND NOT (x.automated = 1 AND x.direction = 'internal')`,
    )
    .all(params) as {
    clientId: number;
    code: string;
    name: string;
    manager: string | null;
    kind: string;
    automated: number;
    minutes: number | null;
  }[];
  const clients = new Map<number, TimeRow>();
  for (const row of interactions) {
    let client = clients.get(row.clientId);
    if (client === undefined) {
      client = { ...row, manager: row.manager || null, facts: [] };
      clients.set(row.clientId, client);
    }
    client.facts.push({ kind: row.kind, automated: row.automated === 1, minutes: row.minutes });
  }
  const managers = new Map<string, { clients: number; facts: InteractionFact[] }>();
  for (const client of clients.values()) {
    const key = client.manager ?? '';
    const entry = managers.get(key) ?? { clients: 0, facts: [] };
    entry.clients += 1;
    entry.facts.push(...client.facts);
    managers.set(key, entry);
  }

  const byManual = (a: ReportRow, b: ReportRow) =>
    Number(b['manual_minutes']) - Number(a['manual_minutes']);
  const managerRows = [...managers].map(([manager, entry]) => ({
    manager: manager || 'No manager',
    clients: entry.clients,
    ...timeCells(timeSpentOnCollections(entry.facts)),
  }));
  const clientRows = [...clients.values()].map((client) => ({
    client_code: client.code,
    client: client.name,
    manager: client.manager,
    ...timeCells(timeSpentOnCollections(client.facts)),
  }));
  managerRows.sort((a, b) => byManual(a, b) || a.manager.localeCompare(b.manager));
  clientRows.sort((a, b) => byManual(a, b) || a.client_code.localeCompare(b.client_code));
  const total = timeCells(timeSpentOnCollections(interactions.map(interactionFact)));
  const timeKeys = timeColumns.map((column) => column.key);
  return [
    {
      kind: 'text',
      style: 'note',
      text:
        'Time spent counts the minutes people recorded. An automated e-mail, such as a sent ' +
        'reminder, counts 0 minutes, and the notes the promise follow-up writes are left out.',
    },
    {
      kind: 'table',
      title: 'Time spent per account manager',
      columns: [
        { key: 'manager', label: 'Account manager', kind: 'text', width: 2 },
        { key: 'clients', label: 'Clients', kind: 'count', width: 0.7 },
        ...timeColumns,
      ],
      rows: managerRows,
      totals: totalsOf(managerRows, {
        manager: 'Total',
        clients: clients.size,
        ...pick(total, timeKeys),
      }),
      emptyText: 'Nobody spent time on collections in the period.',
    },
    {
      kind: 'table',
      title: 'Time spent per client',
      columns: [
        { key: 'client_code', label: 'Code', kind: 'text', width: 0.8 },
        { key: 'client', label: 'Client', kind: 'text', width: 1.8 },
        { key: 'manager', label: 'Account manager', kind: 'text', width: 1.3 },
        ...timeColumns,
      ],
      rows: clientRows,
      totals: totalsOf(clientRows, { client: 'Total', ...pick(total, timeKeys) }),
      emptyText: 'Nobody spent time on collections in the period.',
    },
  ];
}

function interactionFact(row: {
  kind: string;
  automated: number;
  minutes: number | null;
}): InteractionFact {
  return { kind: row.kind, automated: row.automated === 1, minutes: row.minutes };
}

function timeCells(spent: TimeSpent): ReportRow {
  return {
    manual_interactions: spent.manualInteractions ?? 0,
    manual_minutes: spent.manualCollectionMinutes ?? 0,
    automated_interactions: spent.automatedInteractions ?? 0,
    automated_minutes: spent.automatedCollectionMinutes ?? 0,
  };
}

/** The totals row, left out under an empty table, which shows its empty text instead. */
function totalsOf(rows: readonly ReportRow[], totals: ReportRow): ReportRow[] {
  return rows.length === 0 ? [] : [totals];
}

function pick(row: ReportRow, keys: readonly string[]): ReportRow {
  return Object.fromEntries(keys.map((key) => [key, row[key] ?? null]));
}

function sumColumns(rows: readonly ReportRow[], keys: readonly string[]): ReportRow {
  return Object.fromEntries(
    keys.map((key) => [key, rows.reduce((sum, row) => sum + Number(row[key] ?? 0), 0)]),
  );
}

/** Every interaction of the period, oldest first, streamed from the ledger. */
function* interactionRows(db: Ledger, params: QueryParams): Generator<ReportRow> {
  const rows = db
    .prepare(
      `SELECT x.occurred_on AS date, c.code AS client_code, c.name AS client,
              c.account_manager AS manager, x.kind, x.direction, x.outcome, x.minutes,
              x.automated, x.summary
       FROM interactions x JOIN clients c ON c.id = x.client_id
       WHERE x.occurred_on BETWEEN @from AND @to AND ${clientCondition('x.client_id', 'contactClients')}
       ORDER BY x.occurred_on, x.id`,
    )
    .iterate(params) as Iterable<ReportRow & { automated: number }>;
  for (const row of rows) yield { ...row, automated: row.automated === 1 ? 'yes' : 'no' };
}
