import type { IsoDate } from '../../shared/calendar-date.ts';
import type {
  InteractionDirection,
  InteractionKind,
} from '../../shared/collections/interaction-rules.ts';
import type { PromiseStatus } from '../../shared/collections/promise-to-pay.ts';
import type { Ledger } from '../ledger/database.ts';
import { requireClient } from './interactions.ts';

export interface TimelineInteraction {
  readonly interactionId: number;
  readonly kind: InteractionKind;
  readonly direction: InteractionDirection;
  readonly occurredOn: IsoDate;
  readonly outcome: string | null;
  readonly minutes: number | null;
  readonly automated: boolean;
  readonly summary: string;
  /** The reminder whose sending this records, for automated e-mails. */
  readonly reminderId: number | null;
  readonly repliesToReminderId: number | null;
}

export interface TimelinePromise {
  readonly promiseId: number;
  readonly interactionId: number | null;
  readonly amountCents: number;
  readonly currency: string;
  readonly madeOn: IsoDate;
  readonly promisedFor: IsoDate;
  readonly status: PromiseStatus;
  /** The as-of day of the follow-up that marked it kept or broken. */
  readonly followedUpOn: IsoDate | null;
}

/** A sent reminder that a reply can answer. */
export interface TimelineReminder {
  readonly reminderId: number;
  readonly stageName: string;
  readonly channel: string;
  readonly queuedOn: IsoDate;
  readonly answered: boolean;
}

export interface ClientTimeline {
  readonly clientId: number;
  /** Newest first; entries of one day by the time they happened, then as logged. */
  readonly interactions: TimelineInteraction[];
  /** By promised date, newest first. */
  readonly promises: TimelinePromise[];
  /** Sent reminders, newest first. */
  readonly reminders: TimelineReminder[];
}

/** Reads the interactions, promises to pay and sent reminders of the client `clientId`. */
export function clientTimeline(db: Ledger, clientId: number): ClientTimeline {
  requireClient(db, clientId);
  const interactions = (
    db
      .prepare(
        `SELECT id AS interactionId, kind, direction, occurred_on AS occurredOn, outcome,
                minutes, automated, summary, reminder_id AS reminderId,
                replies_to_reminder_id AS repliesToReminderId
         FROM interactions WHERE client_id = ?
         ORDER BY occurred_on DESC, occurred_at DESC, id DESC`,
      )
      .all(clientId) as (Omit<TimelineInteraction, 'automated'> & { automated: number })[]
  ).map((row) => ({ ...row, automated: row.automated === 1 }));
  const promises = db
    .prepare(
      `SELECT id AS promiseId, interaction_id AS interactionId, amount_cents AS amountCents,
              currency, made_on AS madeOn, promised_for AS promisedFor, status,
              followed_up_on AS followedUpOn
       FROM promises_to_pay WHERE client_id = ?
       ORDER BY promised_for DESC, id DESC`,
    )
    .all(clientId) as TimelinePromise[];
  const reminders = (
    db
      .prepare(
        `SELECT r.id AS reminderId, r.stage_name AS stageName, r.channel,
                r.queued_on AS queuedOn,
                r.answered_at IS NOT NULL OR EXISTS (
                  SELECT 1 FROM interactions i
                  WHERE i.replies_to_reminder_id = r.id AND i.direction = 'inbound'
                ) AS answered
         FROM reminders r WHERE r.client_id = ? AND r.status = 'sent'
         ORDER BY r.queued_on DESC, r.id DESC`,
      )
      .all(clientId) as (Omit<TimelineReminder, 'answered'> & { answered: number })[]
  ).map((row) => ({ ...row, answered: row.answered === 1 }));
  return { clientId, interactions, promises, reminders };
}
