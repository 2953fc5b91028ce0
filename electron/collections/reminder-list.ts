import type { reminderStatuses } from '../../shared/ipc/collections-contract.ts';
import type { Ledger } from '../ledger/database.ts';

/** A reminder's state in the outbox, as the IPC contract lists them. */
export type ReminderStatus = (typeof reminderStatuses)[number];

export interface ReminderRow {
  readonly reminderId: number;
  readonly clientId: number;
  readonly clientCode: string;
  readonly clientName: string;
  readonly stageId: string;
  readonly stageName: string;
  readonly channel: 'email' | 'letter' | 'call';
  readonly status: ReminderStatus;
  readonly statusReason: string | null;
  readonly queuedOn: string;
  readonly recipient: string | null;
  readonly subject: string;
  /** The amount the reminder requests, per currency, in minor units. */
  readonly totals: Record<string, number>;
  readonly invoiceCount: number;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
  readonly sentAt: string | null;
}

/** Lists reminders newest first, optionally of one status and one client. */
export function listReminders(
  db: Ledger,
  filter: { readonly status?: ReminderStatus; readonly clientId?: number } = {},
): ReminderRow[] {
  const rows = db
    .prepare(
      `SELECT r.id AS reminderId, r.client_id AS clientId, c.code AS clientCode,
              c.name AS clientName, r.stage_id AS stageId, r.stage_name AS stageName, r.channel,
              r.status, r.status_reason AS statusReason, r.queued_on AS queuedOn, r.recipient,
              r.subject, r.totals, r.attempts, r.next_attempt_at AS nextAttemptAt,
              r.last_error AS lastError, r.sent_at AS sentAt,
              (SELECT COUNT(*) FROM reminder_invoices ri WHERE ri.reminder_id = r.id)
                AS invoiceCount
       FROM reminders r JOIN clients c ON c.id = r.client_id
       WHERE (@status IS NULL OR r.status = @status)
         AND (@clientId IS NULL OR r.client_id = @clientId)
       ORDER BY r.id DESC`,
    )
    .all({ status: filter.status ?? null, clientId: filter.clientId ?? null }) as (Omit<
    ReminderRow,
    'totals'
  > & { totals: string })[];
  return rows.map((row) => ({ ...row, totals: JSON.parse(row.totals) as Record<string, number> }));
}
