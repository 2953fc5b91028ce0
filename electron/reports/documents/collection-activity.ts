import type { IsoDate } from '../../../shared/calendar-date.ts';
import { collectionActivityRows } from '../../../shared/metrics/collection-activity-metrics.ts';
import type {
  ReportBlock,
  ReportColumn,
  ReportRow,
} from '../../../shared/reports/report-document.ts';
import type { Ledger } from '../../ledger/database.ts';
import { readRiskSettings } from '../../ledger/risk-settings-store.ts';
import { riskReport, type RiskReport } from '../../risk/risk-report.ts';
import { collectionActivityReport } from '../collection-activity-report.ts';
import type { ReportBuilder, ReportContext } from '../report-builder.ts';
import { clientIdsParameter, type ReportScope } from '../report-scope.ts';
import { clientCondition, type QueryParams } from './activity/activity-query.ts';
import { interactionsTable, outcomeFacts, remindersTable } from './activity/activity-tables.ts';
import { timeSpentTables } from './activity/time-spent.ts';
import { metricDefinitionBlocks, metricValueTable } from './metrics/metric-table.ts';
import { metricGroupSelection, selectedGroupValue } from './metrics/metric-values.ts';

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

/**
 * Reports the collection work of a period: the activity metrics, the interactions by kind,
 * direction and outcome, the reminders by stage and status, the outcomes of promises and
 * reminders, and the time spent per account manager and client. The CSV lists every
 * interaction of the period, one per row.
 *
 * Interactions carry no currency, so with a currency filter they count for the clients whose
 * main currency it is, as the activity metrics count them. Reminders count when one of their
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

  const metrics = activityMetricsBlocks(context, from, risk);
  const blocks: ReportBlock[] = [
    {
      kind: 'text',
      style: 'note',
      text:
        `Collection work from ${from} to ${to}, both days included. Metrics are as of the end ` +
        `of ${to}, per currency. Reminders count by the day they were queued, with their ` +
        'status today. The definitions of the metrics close the report.',
    },
    metrics.table,
    interactionsTable(db, params),
    remindersTable(db, params),
    outcomeFacts(db, params),
    ...timeSpentTables(db, params),
    ...metrics.definitions,
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
 * Encodes the client ids of the filters as JSON, narrowed by a currency filter to the clients
 * whose main currency it is. Returns null when no filter narrows the clients.
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

/**
 * Builds the table of the activity metrics of the filters' group per currency, and the
 * metrics' definitions, which the report prints last. Without a currency nothing is defined.
 */
function activityMetricsBlocks(
  { db, request, asOf: to, scope }: ReportContext,
  from: IsoDate,
  risk: RiskReport,
): { readonly table: ReportBlock; readonly definitions: readonly ReportBlock[] } {
  const activity = collectionActivityReport(db, from, to, risk);
  const selection = metricGroupSelection(request, scope);
  const currencies =
    scope.currency === null ? activity.portfolio.map((group) => group.currency) : [scope.currency];
  const metrics = collectionActivityRows.map((row) => row.metric);
  const table = metricValueTable({
    title: 'Activity metrics',
    metrics,
    currencies,
    valueOf: (metric, currency) => selectedGroupValue(activity, metric, currency, selection),
    emptyText: `No client was invoiced by ${to}, so there is no activity to measure.`,
  });
  if (currencies.length === 0) return { table, definitions: [] };
  return {
    table,
    definitions: metricDefinitionBlocks('Definitions of the activity metrics', metrics),
  };
}

/** Streams every interaction of the period from the ledger, oldest first. */
function* interactionRows(db: Ledger, params: QueryParams): Generator<ReportRow> {
  const rows = db
    .prepare(
      `SELECT x.occurred_on AS date, c.code AS client_code, c.name AS client,
              c.account_manager AS manager, x.kind, x.direction, x.outcome, x.minutes,
              x.automated, x.summary
       FROM interactions x JOIN clients c ON c.id = x.client_id
       WHERE x.occurred_on BETWEEN @from AND @to
         AND ${clientCondition('x.client_id', 'contactClients')}
       ORDER BY x.occurred_on, x.id`,
    )
    .iterate(params) as Iterable<ReportRow & { automated: number }>;
  for (const row of rows) yield { ...row, automated: row.automated === 1 ? 'yes' : 'no' };
}
