import { localToday, type IsoDate } from '../../shared/calendar-date.ts';
import {
  checkInteraction,
  type InteractionInput,
} from '../../shared/collections/interaction-rules.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';

/**
 * Logs one interaction with the client `clientId` and returns its id. The input is checked
 * first, and a reply must name a sent reminder of the same client that was queued on or before
 * the reply's day. A reply sets the reminder's `answered_at` when it has none yet. Raises a
 * RangeError naming the value and the fix when something is wrong, and then writes nothing.
 */
export function logInteraction(
  db: Ledger,
  clientId: number,
  input: InteractionInput,
  now: Date = new Date(),
): number {
  const checked = checkInteraction(input, localToday(now));
  return db
    .transaction(() => {
      requireClient(db, clientId);
      if (checked.repliesToReminderId !== null) {
        checkRepliedReminder(db, clientId, checked.repliesToReminderId, checked.occurredOn);
      }
      const occurredAt = occurredAtOf(checked.occurredOn, now);
      const result = db
        .prepare(
          `INSERT INTO interactions (client_id, kind, direction, occurred_on, occurred_at,
             outcome, minutes, automated, replies_to_reminder_id, summary, created_at)
           VALUES (@clientId, @kind, @direction, @occurredOn, @occurredAt, @outcome, @minutes,
             @automated, @repliesTo, @summary, @stamp)`,
        )
        .run({
          clientId,
          kind: checked.kind,
          direction: checked.direction,
          occurredOn: checked.occurredOn,
          occurredAt,
          outcome: checked.outcome,
          minutes: checked.minutes,
          automated: checked.automated ? 1 : 0,
          repliesTo: checked.repliesToReminderId,
          summary: checked.summary,
          stamp: now.toISOString(),
        });
      const interactionId = Number(result.lastInsertRowid);
      if (checked.repliesToReminderId !== null) {
        db.prepare(
          `UPDATE reminders SET answered_at = ?, updated_at = ?
           WHERE id = ? AND answered_at IS NULL`,
        ).run(occurredAt, now.toISOString(), checked.repliesToReminderId);
      }
      recordAudit(db, {
        action: 'log',
        entity: 'interaction',
        entityId: interactionId,
        details: { clientId, kind: checked.kind, direction: checked.direction },
      });
      return interactionId;
    })
    .immediate();
}

/** Returns the id of the client with `code`, or raises a RangeError naming the code. */
export function clientIdOf(db: Ledger, code: string): number {
  const id = db.prepare('SELECT id FROM clients WHERE code = ?').pluck().get(code) as
    | number
    | undefined;
  if (id === undefined) {
    throw new RangeError(`No client with code "${code}": check the code in duedesk aging.`);
  }
  return id;
}

export function requireClient(db: Ledger, clientId: number): void {
  const found = db.prepare('SELECT 1 FROM clients WHERE id = ?').pluck().get(clientId);
  if (found === undefined) throw new RangeError(`No client with id ${clientId}.`);
}

function checkRepliedReminder(
  db: Ledger,
  clientId: number,
  reminderId: number,
  occurredOn: IsoDate,
): void {
  const reminder = db
    .prepare(
      'SELECT client_id AS clientId, status, queued_on AS queuedOn FROM reminders WHERE id = ?',
    )
    .get(reminderId) as { clientId: number; status: string; queuedOn: IsoDate } | undefined;
  if (reminder === undefined) {
    throw new RangeError(`No reminder ${reminderId}: check the number on the client's timeline.`);
  }
  if (reminder.clientId !== clientId) {
    throw new RangeError(
      `Reminder ${reminderId} went to another client: name the reminder this client answers.`,
    );
  }
  if (reminder.status !== 'sent') {
    throw new RangeError(
      `Reminder ${reminderId} was not sent (it is ${reminder.status}), so nothing can answer ` +
        'it: leave out the reminder.',
    );
  }
  if (occurredOn < reminder.queuedOn) {
    throw new RangeError(
      `Invalid date ${occurredOn}: reminder ${reminderId} was only queued on ` +
        `${reminder.queuedOn}. Give the day of the reply.`,
    );
  }
}

/**
 * Returns the time stored beside the day, because the schema keeps both. An interaction logged
 * on its own day gets the time of logging, so the timeline orders a day's entries. One logged
 * later has no known time of day and gets noon UTC, which falls on the same calendar day in
 * most time zones.
 */
function occurredAtOf(occurredOn: IsoDate, now: Date): string {
  return localToday(now) === occurredOn ? now.toISOString() : `${occurredOn}T12:00:00.000Z`;
}
