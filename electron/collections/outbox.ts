/**
 * Outbox actions on reminders: approve an e-mail waiting for review, mark a letter or call
 * done, edit an e-mail before it goes, skip one, or have one go out now. Each
 * change checks the reminder's status first, raising a RangeError that states why, and is
 * recorded in the audit log in the transaction that makes it. Sending is left to
 * `deliverReminders`, so a reminder is only ever sent by one path.
 */

import type { IsoDate } from '../../shared/calendar-date.ts';
import { htmlFromText, type ReminderEdit } from '../../shared/dunning/reminder-edit.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';
import { listReminders, type ReminderRow, type ReminderStatus } from './reminder-list.ts';
import { reminderStatuses } from '../../shared/ipc/collections-contract.ts';

export interface ReminderDetail extends ReminderRow {
  readonly bodyText: string;
  readonly bodyHtml: string;
  readonly editedAt: string | null;
  /** The invoices it covers, with their balances when it was queued. */
  readonly invoices: {
    readonly number: string;
    readonly dueDate: IsoDate;
    readonly currency: string;
    readonly balanceCents: number;
  }[];
}

/** Lists the reminders of one status, or all, newest first, with a count of each status. */
export function listOutbox(
  db: Ledger,
  status?: ReminderStatus,
): { rows: ReminderRow[]; counts: Record<ReminderStatus, number> } {
  const counted = db
    .prepare('SELECT status, COUNT(*) AS count FROM reminders GROUP BY status')
    .all() as { status: ReminderStatus; count: number }[];
  const counts = Object.fromEntries(reminderStatuses.map((name) => [name, 0])) as Record<
    ReminderStatus,
    number
  >;
  for (const row of counted) counts[row.status] = row.count;
  return { rows: listReminders(db, status === undefined ? {} : { status }), counts };
}

/** Finds one reminder with its message and invoices; null when no reminder has that id. */
export function findReminder(db: Ledger, reminderId: number): ReminderDetail | null {
  const row = db
    .prepare(
      `SELECT r.id AS reminderId, r.client_id AS clientId, c.code AS clientCode,
              c.name AS clientName, r.stage_id AS stageId, r.stage_name AS stageName, r.channel,
              r.status, r.status_reason AS statusReason, r.queued_on AS queuedOn, r.recipient,
              r.subject, r.body_text AS bodyText, r.body_html AS bodyHtml, r.totals,
              r.attempts, r.next_attempt_at AS nextAttemptAt, r.last_error AS lastError,
              r.sent_at AS sentAt, r.edited_at AS editedAt
       FROM reminders r JOIN clients c ON c.id = r.client_id WHERE r.id = ?`,
    )
    .get(reminderId) as
    | (Omit<ReminderDetail, 'totals' | 'invoices'> & { totals: string })
    | undefined;
  if (row === undefined) return null;
  const invoices = db
    .prepare(
      `SELECT i.number, i.due_date AS dueDate, i.currency, ri.balance_cents AS balanceCents
       FROM reminder_invoices ri JOIN invoices i ON i.id = ri.invoice_id
       WHERE ri.reminder_id = ? ORDER BY i.due_date, i.number`,
    )
    .all(reminderId) as ReminderDetail['invoices'];
  return {
    ...row,
    totals: JSON.parse(row.totals) as Record<string, number>,
    invoiceCount: invoices.length,
    invoices,
  };
}

/** Puts an e-mail waiting for review in the queue, to the client's address on record. */
export function approveReminder(db: Ledger, reminderId: number, now: Date): void {
  change(db, reminderId, 'approve', (reminder) => {
    if (reminder.channel !== 'email') {
      reject(reminder, 'approved', `${doneHint(reminder)}, or skip it`);
    }
    requireStatus(reminder, ['review'], 'approved', 'only one waiting for review can be');
    const address = reminder.recipient ?? clientEmail(db, reminder.clientId);
    if (address === null || address.trim() === '') {
      reject(
        reminder,
        'approved',
        `${reminder.clientName} has no e-mail address: add one to the client, or skip it`,
      );
    }
    db.prepare(
      `UPDATE reminders SET status = 'queued', recipient = ?, status_reason = NULL,
         next_attempt_at = NULL, updated_at = ? WHERE id = ?`,
    ).run(address, now.toISOString(), reminderId);
    return { from: reminder.status };
  });
}

/**
 * Records that a person posted a reminder letter or made a reminder call: the reminder is sent,
 * and the client's timeline gets the letter or call on `asOf`.
 */
export function markReminderDone(
  db: Ledger,
  reminderId: number,
  done: { readonly asOf: IsoDate; readonly note?: string | undefined },
  now: Date,
): void {
  change(db, reminderId, 'mark-done', (reminder) => {
    if (reminder.channel === 'email') {
      reject(reminder, 'marked done', 'it is an e-mail: approve it, and it is sent for you');
    }
    requireStatus(reminder, ['review'], 'marked done', 'only one waiting for review can be');
    const stamp = now.toISOString();
    db.prepare(
      `UPDATE reminders SET status = 'sent', sent_at = ?, status_reason = NULL, updated_at = ?
       WHERE id = ?`,
    ).run(stamp, stamp, reminderId);

    let outcome = done.note?.trim() ?? '';
    if (outcome === '') outcome = reminder.channel === 'letter' ? 'posted' : 'called';

    db.prepare(
      `INSERT INTO interactions (client_id, kind, direction, occurred_on, occurred_at, outcome,
         automated, reminder_id, summary, created_at)
       VALUES (?, ?, 'outbound', ?, ?, ?, 0, ?, ?, ?)`,
    ).run(
      reminder.clientId,
      reminder.channel,
      done.asOf,
      stamp,
      outcome,
      reminderId,
      `${reminder.stageName}: ${reminder.subject}`,
      stamp,
    );
    return { from: reminder.status, asOf: done.asOf };
  });
}

/**
 * Replaces the subject and text of an e-mail waiting for review or queued, and its HTML body
 * with the text as paragraphs. Delivery then sends it as written instead of from its template.
 */
export function editReminder(db: Ledger, reminderId: number, edit: ReminderEdit, now: Date): void {
  change(db, reminderId, 'edit', (reminder) => {
    if (reminder.channel !== 'email') {
      reject(reminder, 'edited', 'only e-mails are sent as written here');
    }
    requireStatus(reminder, ['review', 'queued'], 'edited', 'only one not yet sent can be');
    db.prepare(
      `UPDATE reminders SET subject = ?, body_text = ?, body_html = ?, edited_at = ?,
         updated_at = ? WHERE id = ?`,
    ).run(
      edit.subject,
      edit.text,
      htmlFromText(edit.text),
      now.toISOString(),
      now.toISOString(),
      reminderId,
    );
    // The audit log records which parts changed, not the words, because the ledger keeps those
    // on the reminder.
    return {
      subjectChanged: edit.subject !== reminder.subject,
      textChanged: edit.text !== reminder.bodyText,
    };
  });
}

/** Leaves a reminder unsent for good, for `reason`. */
export function skipReminder(db: Ledger, reminderId: number, reason: string, now: Date): void {
  change(db, reminderId, 'skip', (reminder) => {
    requireStatus(
      reminder,
      ['review', 'queued', 'failed'],
      'skipped',
      'only one not yet sent can be',
    );
    db.prepare(
      `UPDATE reminders SET status = 'skipped', status_reason = ?, next_attempt_at = NULL,
         updated_at = ? WHERE id = ?`,
    ).run(reason, now.toISOString(), reminderId);
    return { from: reminder.status, reason };
  });
}

/** Makes a queued or failed e-mail due now, for the delivery that the caller runs next. */
export function sendReminderNow(db: Ledger, reminderId: number, now: Date): void {
  dueNow(db, reminderId, 'send-now', ['queued', 'failed'], now);
}

/** Makes a failed e-mail due again now, without waiting for its next attempt. */
export function retryReminder(db: Ledger, reminderId: number, now: Date): void {
  dueNow(db, reminderId, 'retry', ['failed'], now);
}

function dueNow(
  db: Ledger,
  reminderId: number,
  action: 'send-now' | 'retry',
  allowed: readonly ReminderStatus[],
  now: Date,
): void {
  const verb = action === 'retry' ? 'retried' : 'sent now';
  change(db, reminderId, action, (reminder) => {
    if (reminder.channel !== 'email') reject(reminder, verb, `${doneHint(reminder)}`);
    const rule =
      action === 'retry' ? 'only a failed one can be' : 'only a queued or failed one can be';
    requireStatus(reminder, allowed, verb, rule);
    db.prepare(
      `UPDATE reminders SET status = 'queued', next_attempt_at = NULL, status_reason = NULL,
         updated_at = ? WHERE id = ?`,
    ).run(now.toISOString(), reminderId);
    return { from: reminder.status };
  });
}

/** Runs `apply` on the reminder in one transaction and records its details in the audit log. */
function change(
  db: Ledger,
  reminderId: number,
  action: string,
  apply: (reminder: ReminderDetail) => Record<string, unknown>,
): void {
  db.transaction(() => {
    const reminder = findReminder(db, reminderId);
    if (reminder === null) throw new RangeError(`There is no reminder ${reminderId}.`);
    const details = apply(reminder);
    recordAudit(db, { action, entity: 'reminder', entityId: reminderId, details });
  }).immediate();
}

function requireStatus(
  reminder: ReminderDetail,
  allowed: readonly ReminderStatus[],
  verb: string,
  rule: string,
): void {
  if (!allowed.includes(reminder.status)) reject(reminder, verb, `${rule} ${verb}`);
}

function reject(reminder: ReminderDetail, verb: string, reason: string): never {
  throw new RangeError(
    `Reminder ${reminder.reminderId} (${reminder.stageName} to ${reminder.clientName}) ` +
      `cannot be ${verb}: ${statusText(reminder)}, and ${reason}.`,
  );
}

/** Describes a reminder's status in words, for a rejection message. */
function statusText(reminder: ReminderDetail): string {
  const reason = reminder.statusReason === null ? '' : ` (${reminder.statusReason})`;
  switch (reminder.status) {
    case 'review':
      return `it is waiting for review${reason}`;
    case 'queued':
      return 'it is queued to go out';
    case 'sending':
      return 'it is being sent';
    case 'failed':
      return `sending it failed (${reminder.lastError ?? 'no error recorded'})`;
    case 'sent':
      return `it was sent on ${(reminder.sentAt ?? '').slice(0, 10)}`;
    case 'skipped':
      return `it was skipped${reason}`;
    case 'cancelled':
      return `it was cancelled${reason}`;
    case 'superseded':
      return 'a higher stage took its place';
  }
}

function doneHint(reminder: ReminderDetail): string {
  return reminder.channel === 'letter'
    ? 'it is a letter: mark it done once you have posted it'
    : 'it is a call: mark it done once you have made it';
}

function clientEmail(db: Ledger, clientId: number): string | null {
  return db.prepare('SELECT email FROM clients WHERE id = ?').pluck().get(clientId) as
    | string
    | null;
}
