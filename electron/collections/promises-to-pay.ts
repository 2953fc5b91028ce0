import { localToday, parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import {
  brokenPromiseNote,
  checkPromise,
  decidePromises,
  type PaymentFact,
  type PromiseFact,
  type PromiseInput,
} from '../../shared/collections/promise-to-pay.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';
import { requireClient } from './interactions.ts';

export interface NewPromise extends PromiseInput {
  /** The interaction in which the client made the promise, or null. */
  readonly interactionId: number | null;
}

export interface FollowUpResult {
  readonly kept: number[];
  readonly broken: number[];
}

/**
 * Records a promise to pay of the client `clientId` and returns its id. The client must be
 * invoiced in the promise's currency, and a promise from an interaction names one of the
 * client's. Raises a RangeError naming the value and the fix, and then writes nothing.
 */
export function recordPromise(
  db: Ledger,
  clientId: number,
  promise: NewPromise,
  now: Date = new Date(),
): number {
  const checked = checkPromise(promise, localToday(now));
  return db
    .transaction(() => {
      requireClient(db, clientId);
      const currencies = db
        .prepare('SELECT DISTINCT currency FROM invoices WHERE client_id = ? ORDER BY currency')
        .pluck()
        .all(clientId) as string[];
      if (!currencies.includes(checked.currency)) {
        throw new RangeError(
          `Invalid currency ${checked.currency}: the client is invoiced in ` +
            `${currencies.join(', ') || 'no currency yet'}. Give the currency it will pay in.`,
        );
      }
      if (promise.interactionId !== null) {
        const owner = db
          .prepare('SELECT client_id FROM interactions WHERE id = ?')
          .pluck()
          .get(promise.interactionId) as number | undefined;
        if (owner !== clientId) {
          throw new RangeError(
            `No interaction ${promise.interactionId} with this client: pick one from its ` +
              'timeline, or record the promise alone.',
          );
        }
      }
      const result = db
        .prepare(
          `INSERT INTO promises_to_pay (client_id, interaction_id, amount_cents, currency,
             promised_for, made_on, status, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 'open', ?)`,
        )
        .run(
          clientId,
          promise.interactionId,
          checked.amountCents,
          checked.currency,
          checked.promisedFor,
          checked.madeOn,
          now.toISOString(),
        );
      const promiseId = Number(result.lastInsertRowid);
      recordAudit(db, {
        action: 'record',
        entity: 'promise-to-pay',
        entityId: promiseId,
        details: { clientId, amountCents: checked.amountCents, currency: checked.currency },
      });
      return promiseId;
    })
    .immediate();
}

/**
 * Follows up every open promise as of the end of `asOf`, in one transaction: marks each kept
 * or broken as `decidePromises` rules, and logs an internal note on the client's timeline for
 * each broken one. A promise leaves `open` once, so running this again changes nothing and
 * logs no second note. Every reminder pass runs it first (see `runReminderPass`).
 */
export function followUpPromises(
  db: Ledger,
  asOf: IsoDate,
  now: Date = new Date(),
): FollowUpResult {
  parseIsoDate(asOf, 'as-of date');
  return db
    .transaction(() => {
      const clients = db
        .prepare(`SELECT DISTINCT client_id FROM promises_to_pay WHERE status = 'open'`)
        .pluck()
        .all() as number[];
      const result: FollowUpResult = { kept: [], broken: [] };
      for (const clientId of clients) {
        const promises = db
          .prepare(
            `SELECT id, amount_cents AS amountCents, currency, made_on AS madeOn,
                    promised_for AS promisedFor, status
             FROM promises_to_pay WHERE client_id = ?`,
          )
          .all(clientId) as PromiseFact[];
        const payments = db
          .prepare(
            `SELECT payment_date AS date, amount_cents AS amountCents, currency FROM payments
             WHERE client_id = ? AND voided_at IS NULL AND payment_date <= ?`,
          )
          .all(clientId, asOf) as PaymentFact[];
        for (const decision of decidePromises(promises, payments, asOf)) {
          const promise = promises.find((candidate) => candidate.id === decision.id);
          if (promise === undefined) continue;
          settle(db, clientId, promise, decision.status, asOf, now);
          result[decision.status].push(promise.id);
        }
      }
      return result;
    })
    .immediate();
}

function settle(
  db: Ledger,
  clientId: number,
  promise: PromiseFact,
  status: 'kept' | 'broken',
  asOf: IsoDate,
  now: Date,
): void {
  const stamp = now.toISOString();
  // The status guard keeps a second, concurrent follow-up from deciding the promise again.
  const changed = db
    .prepare(
      `UPDATE promises_to_pay SET status = ?, followed_up_on = ?
       WHERE id = ? AND status = 'open'`,
    )
    .run(status, asOf, promise.id).changes;
  if (changed === 0) return;
  if (status === 'broken') {
    db.prepare(
      `INSERT INTO interactions (client_id, kind, direction, occurred_on, occurred_at, outcome,
         automated, summary, created_at)
       VALUES (?, 'note', 'internal', ?, ?, 'promise broken', 1, ?, ?)`,
    ).run(clientId, asOf, stamp, brokenPromiseNote(promise), stamp);
  }
  recordAudit(db, { action: status, entity: 'promise-to-pay', entityId: promise.id });
}
