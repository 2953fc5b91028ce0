/** The metrics report's collection funnel: how far the invoices due in the period got. */

import type { IsoDate } from '../../../../shared/calendar-date.ts';
import type { ReportBlock } from '../../../../shared/reports/report-document.ts';
import type { Ledger } from '../../../ledger/database.ts';
import { clientIdsParameter, type ReportScope } from '../../report-scope.ts';

/**
 * The collection funnel's stages, in order, each defined once for the chart and its text. Each
 * definition completes "sale invoices due in the period ...".
 */
export const funnelStages = [
  { key: 'due', label: 'Due', definition: 'all of them' },
  {
    key: 'reminded',
    label: 'Reminded',
    definition: 'covered by a reminder sent by the period end',
  },
  {
    key: 'contacted',
    label: 'Contacted',
    definition:
      'whose client had an outbound call, e-mail, letter or meeting, sent reminders ' +
      'included, from the due date to the period end',
  },
  {
    key: 'promised',
    label: 'Promised',
    definition:
      "whose client promised, from the invoice date to the period end, to pay in the invoice's " +
      'currency',
  },
  {
    key: 'paid',
    label: 'Paid',
    definition: 'settled by the period end by payments and by credits other than write-offs',
  },
] as const;

export type FunnelCounts = Record<(typeof funnelStages)[number]['key'], number>;

/** Builds the funnel's chart and the text that defines its stages. */
export function funnelBlocks(
  db: Ledger,
  from: IsoDate,
  to: IsoDate,
  scope: ReportScope,
): ReportBlock[] {
  const counts = funnelCounts(db, from, to, scope);
  if (counts.due === 0) {
    return [
      {
        kind: 'text',
        text:
          `No sale invoice of the report was due from ${from} to ${to}, so there is no ` +
          'collection funnel to chart.',
      },
    ];
  }

  const definitions = funnelStages.map((stage) => `${stage.label}: ${stage.definition}.`);
  return [
    {
      kind: 'chart',
      title: 'Funnel of the invoices due in the period',
      type: 'bar',
      labels: funnelStages.map((stage) => stage.label),
      series: [{ label: 'Invoices', values: funnelStages.map((stage) => counts[stage.key]) }],
      unit: 'count',
    },
    {
      kind: 'text',
      style: 'note',
      text:
        'Every stage counts sale invoices due in the period, so a later stage need not be ' +
        `part of the one before: a client may pay without a reminder. ${definitions.join(' ')}`,
    },
  ];
}

/**
 * Counts the funnel's stages in one query. A reminder's sending day is the day its delivery
 * was logged, or the day of its sent time, as the collection activity metrics take it.
 */
export function funnelCounts(
  db: Ledger,
  from: IsoDate,
  to: IsoDate,
  scope: ReportScope,
): FunnelCounts {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS due,
              COALESCE(SUM(EXISTS (
                SELECT 1 FROM reminder_invoices ri JOIN reminders r ON r.id = ri.reminder_id
                WHERE ri.invoice_id = i.id AND r.status = 'sent'
                  AND COALESCE((SELECT MIN(x.occurred_on) FROM interactions x
                                WHERE x.reminder_id = r.id),
                               substr(r.sent_at, 1, 10)) <= @to)), 0) AS reminded,
              COALESCE(SUM(EXISTS (
                SELECT 1 FROM interactions x
                WHERE x.client_id = i.client_id AND x.direction = 'outbound'
                  AND x.occurred_on BETWEEN i.due_date AND @to)), 0)
                AS contacted,
              COALESCE(SUM(EXISTS (
                SELECT 1 FROM promises_to_pay p
                WHERE p.client_id = i.client_id AND p.currency = i.currency
                  AND p.made_on BETWEEN i.invoice_date AND @to)), 0) AS promised,
              COALESCE(SUM(i.amount_cents <= (
                SELECT COALESCE(SUM(a.amount_cents), 0) FROM allocations a
                LEFT JOIN credit_notes c ON c.id = a.credit_note_id
                WHERE a.invoice_id = i.id AND a.voided_at IS NULL AND a.applied_on <= @to
                  AND (c.id IS NULL OR c.kind <> 'write-off'))), 0) AS paid
       FROM invoices i
       WHERE i.kind = 'sale' AND i.status = 'issued' AND i.voided_at IS NULL
         AND i.due_date BETWEEN @from AND @to AND i.invoice_date <= @to
         AND (@clientIds IS NULL OR i.client_id IN (SELECT value FROM json_each(@clientIds)))
         AND (@currency IS NULL OR i.currency = @currency)`,
    )
    .get({ from, to, clientIds: clientIdsParameter(scope), currency: scope.currency });
  return row as FunnelCounts;
}
