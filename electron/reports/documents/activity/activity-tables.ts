/**
 * The collection activity report's counts: interactions by kind, direction and outcome,
 * reminders by stage and status, and what came of promises and reminders.
 */

import type {
  ReportBlock,
  ReportColumn,
  ReportRow,
} from '../../../../shared/reports/report-document.ts';
import { readDunningConfig } from '../../../collections/dunning-store.ts';
import type { Ledger } from '../../../ledger/database.ts';
import { log } from '../../../log.ts';
import { clientCondition, sumColumns, totalsOf, type QueryParams } from './activity-query.ts';

export function interactionsTable(db: Ledger, params: QueryParams): ReportBlock {
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

export function remindersTable(db: Ledger, params: QueryParams): ReportBlock {
  const statusCounts = reminderStatuses
    .map((status) => `SUM(status = '${status}') AS ${status}`)
    .join(', ');

  const rows = db
    .prepare(
      `SELECT stage_id AS stageId, stage_name AS stage, COUNT(*) AS queued, ${statusCounts},
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
 * Maps each stage id to its place on the dunning ladders, by days from the due date, so that
 * the table lists stages in the order clients receive them. A damaged saved ladder leaves the
 * stages in name order rather than failing the report.
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
 * Counts the outcomes of the collection work: the promises to pay falling due in the period,
 * and the invoices reminded in the period that were settled by its end. Invoices are counted
 * as the collection success rate counts them.
 */
export function outcomeFacts(db: Ledger, params: QueryParams): ReportBlock {
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
