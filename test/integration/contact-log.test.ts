import { describe, expect, it } from 'vitest';
import { clientTimeline } from '../../electron/collections/client-timeline.ts';
import { logInteraction } from '../../electron/collections/interactions.ts';
import { followUpPromises, recordPromise } from '../../electron/collections/promises-to-pay.ts';
import type { Ledger } from '../../electron/ledger/database.ts';
import type { InteractionInput } from '../../shared/collections/interaction-rules.ts';
import { clientId, importedLedger, insertSentReminder } from '../support/collection-ledger.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();
const now = new Date('2026-04-01T10:00:00Z');

const call: InteractionInput = {
  kind: 'call',
  direction: 'outbound',
  occurredOn: '2026-03-05',
  minutes: 12,
  outcome: 'promised to pay',
  summary: 'Spoke to accounts payable.',
  automated: false,
  repliesToReminderId: null,
};

async function twoClients(paymentRows = ''): Promise<Ledger> {
  const { db } = await importedLedger(
    temp,
    '2026-01-30,2026-03-01,A-1,acme,400.00\n2026-01-30,2026-03-01,B-1,bolt,250.00\n',
    paymentRows,
  );
  return db;
}

function promiseRows(db: Ledger) {
  return db
    .prepare(`SELECT id, status, followed_up_on AS followedUpOn FROM promises_to_pay ORDER BY id`)
    .all();
}

function notes(db: Ledger) {
  return db
    .prepare(
      `SELECT occurred_on AS day, summary, automated FROM interactions
       WHERE kind = 'note' ORDER BY id`,
    )
    .all();
}

describe('logging interactions', () => {
  it('stores call, lists newest first', async () => {
    const db = await twoClients();
    const acme = clientId(db, 'acme');

    const first = logInteraction(db, acme, call, now);
    const second = logInteraction(
      db,
      acme,
      { ...call, kind: 'meeting', occurredOn: '2026-03-09', minutes: null, outcome: null },
      now,
    );

    const timeline = clientTimeline(db, acme);
    expect(timeline.interactions.map((row) => row.interactionId)).toEqual([second, first]);
    expect(timeline.interactions[1]).toEqual({
      interactionId: first,
      kind: 'call',
      direction: 'outbound',
      occurredOn: '2026-03-05',
      outcome: 'promised to pay',
      minutes: 12,
      automated: false,
      summary: 'Spoke to accounts payable.',
      reminderId: null,
      repliesToReminderId: null,
    });
    expect(clientTimeline(db, clientId(db, 'bolt')).interactions).toEqual([]);

    const audit = db.prepare(`SELECT COUNT(*) FROM audit_log WHERE entity = 'interaction'`);
    expect(audit.pluck().get()).toBe(2);
  });

  it('inbound reply marks reminder answered', async () => {
    const db = await twoClients();
    const acme = clientId(db, 'acme');
    const reminderId = insertSentReminder(db, {
      client: 'acme',
      invoices: ['A-1'],
      sentOn: '2026-03-08',
    });

    logInteraction(
      db,
      acme,
      {
        ...call,
        kind: 'email',
        direction: 'inbound',
        occurredOn: '2026-03-10',
        repliesToReminderId: reminderId,
      },
      now,
    );
    const answered = db.prepare('SELECT answered_at FROM reminders WHERE id = ?').pluck();
    // Logged on a later day, so the reply gets noon UTC of its own day.
    expect(answered.get(reminderId)).toBe('2026-03-10T12:00:00.000Z');

    // A second reply leaves the time of the first reply unchanged.
    logInteraction(
      db,
      acme,
      { ...call, direction: 'inbound', occurredOn: '2026-03-12', repliesToReminderId: reminderId },
      now,
    );
    expect(answered.get(reminderId)).toBe('2026-03-10T12:00:00.000Z');

    expect(clientTimeline(db, acme).reminders).toEqual([
      {
        reminderId,
        stageName: 'Stage stage-2026-03-08',
        channel: 'email',
        queuedOn: '2026-03-08',
        answered: true,
      },
    ]);
  });

  it('rejects invalid interaction input', async () => {
    const db = await twoClients();
    const acme = clientId(db, 'acme');
    const reminderId = insertSentReminder(db, {
      client: 'bolt',
      invoices: ['B-1'],
      sentOn: '2026-03-08',
    });
    const attempt = (input: Partial<InteractionInput>) => () =>
      logInteraction(db, acme, { ...call, ...input }, now);

    expect(attempt({ kind: 'note' })).toThrow(
      'A note is an internal record, not outbound: give direction internal, or log a call, ' +
        'e-mail, letter or meeting.',
    );
    expect(attempt({ minutes: 1.5 })).toThrow(
      'Invalid minutes 1.5: give whole minutes from 0 to 1440, or leave them out.',
    );
    expect(attempt({ occurredOn: '2026-04-02' })).toThrow(
      'Invalid date 2026-04-02: it is after today, 2026-04-01.',
    );
    expect(attempt({ repliesToReminderId: reminderId })).toThrow(
      `Only the client's reply answers reminder ${reminderId}: give direction inbound`,
    );
    expect(attempt({ direction: 'inbound', repliesToReminderId: reminderId })).toThrow(
      `Reminder ${reminderId} went to another client: name the reminder this client answers.`,
    );
    expect(attempt({ direction: 'inbound', repliesToReminderId: 99 })).toThrow(
      "No reminder 99: check the number on the client's timeline.",
    );

    const own = insertSentReminder(db, { client: 'acme', invoices: ['A-1'], sentOn: '2026-03-08' });
    expect(attempt({ direction: 'inbound', repliesToReminderId: own })).toThrow(
      `Invalid date 2026-03-05: reminder ${own} was only queued on 2026-03-08.`,
    );
    db.prepare(`UPDATE reminders SET status = 'review' WHERE id = ?`).run(own);
    expect(
      attempt({ direction: 'inbound', occurredOn: '2026-03-09', repliesToReminderId: own }),
    ).toThrow(`Reminder ${own} was not sent (it is review), so nothing can answer it`);

    // Only the two reminders' own send records were written.
    expect(db.prepare('SELECT COUNT(*) FROM interactions').pluck().get()).toBe(2);
    expect(
      db.prepare('SELECT COUNT(*) FROM reminders WHERE answered_at IS NOT NULL').pluck().get(),
    ).toBe(0);
  });
});

describe('promises to pay', () => {
  it('records and validates a promise', async () => {
    const db = await twoClients();
    const acme = clientId(db, 'acme');
    const bolt = clientId(db, 'bolt');
    const interactionId = logInteraction(db, acme, call, now);
    const promise = {
      amountCents: 40_000,
      currency: 'USD',
      promisedFor: '2026-03-15',
      madeOn: '2026-03-05',
      interactionId,
    };

    const promiseId = recordPromise(db, acme, promise, now);
    expect(clientTimeline(db, acme).promises).toEqual([
      {
        promiseId,
        interactionId,
        amountCents: 40_000,
        currency: 'USD',
        madeOn: '2026-03-05',
        promisedFor: '2026-03-15',
        status: 'open',
        followedUpOn: null,
      },
    ]);

    expect(() => recordPromise(db, bolt, promise, now)).toThrow(
      `No interaction ${interactionId} with this client: pick one from its timeline`,
    );
    expect(() => recordPromise(db, acme, { ...promise, currency: 'EUR' }, now)).toThrow(
      'Invalid currency EUR: the client is invoiced in USD. Give the currency it will pay in.',
    );
    expect(() => recordPromise(db, acme, { ...promise, promisedFor: '2026-03-04' }, now)).toThrow(
      'Invalid promised date 2026-03-04: it is before the day the promise was made, ' +
        '2026-03-05. Give that day or a later one.',
    );
    expect(() => recordPromise(db, acme, { ...promise, amountCents: 0 }, now)).toThrow(
      'Invalid amount 0: a promise is for more than zero',
    );
    expect(db.prepare('SELECT COUNT(*) FROM promises_to_pay').pluck().get()).toBe(1);
  });

  it('follow-up marks promises kept or broken', async () => {
    // Client acme pays 150.00 on 03-05 and 250.00 on 03-12. Client bolt paid 250.00 before its
    // promise.
    const db = await twoClients(
      '2026-03-05,acme,A-1,150.00\n2026-03-12,acme,A-1,250.00\n2026-02-25,bolt,B-1,250.00\n',
    );
    const acme = clientId(db, 'acme');
    const bolt = clientId(db, 'bolt');
    const standing = { interactionId: null, currency: 'USD' };

    // 400.00 by 03-15: covered by 150.00 + 250.00 once the 03-12 payment is in.
    const full = recordPromise(
      db,
      acme,
      { ...standing, amountCents: 40_000, madeOn: '2026-03-03', promisedFor: '2026-03-15' },
      now,
    );
    // 100.00 by 03-20: the same payments went to the earlier promise, so nothing is left.
    const extra = recordPromise(
      db,
      acme,
      { ...standing, amountCents: 10_000, madeOn: '2026-03-03', promisedFor: '2026-03-20' },
      now,
    );
    // 250.00 by 03-10, made on 03-01: bolt's payment of 02-25 came before the promise.
    const early = recordPromise(
      db,
      bolt,
      { ...standing, amountCents: 25_000, madeOn: '2026-03-01', promisedFor: '2026-03-10' },
      now,
    );

    expect(followUpPromises(db, '2026-03-10', now)).toEqual({ kept: [], broken: [] });
    expect(followUpPromises(db, '2026-03-11', now)).toEqual({ kept: [], broken: [early] });
    expect(followUpPromises(db, '2026-03-12', now)).toEqual({ kept: [full], broken: [] });
    expect(followUpPromises(db, '2026-03-20', now)).toEqual({ kept: [], broken: [] });
    expect(followUpPromises(db, '2026-03-21', now)).toEqual({ kept: [], broken: [extra] });
    expect(followUpPromises(db, '2026-03-22', now)).toEqual({ kept: [], broken: [] });

    expect(promiseRows(db)).toEqual([
      { id: full, status: 'kept', followedUpOn: '2026-03-12' },
      { id: extra, status: 'broken', followedUpOn: '2026-03-21' },
      { id: early, status: 'broken', followedUpOn: '2026-03-11' },
    ]);
    expect(notes(db)).toEqual([
      { day: '2026-03-11', summary: 'Promise of $250.00 due 2026-03-10 broken', automated: 1 },
      { day: '2026-03-21', summary: 'Promise of $100.00 due 2026-03-20 broken', automated: 1 },
    ]);
    expect(clientTimeline(db, bolt).interactions.map((row) => row.direction)).toEqual(['internal']);
    expect(clientTimeline(db, acme).promises.map((row) => row.status)).toEqual(['broken', 'kept']);
  });

  it('promise paid on last day kept', async () => {
    const db = await twoClients('2026-03-10,bolt,B-1,100.00\n2026-03-11,bolt,B-1,150.00\n');
    const bolt = clientId(db, 'bolt');
    const promise = recordPromise(
      db,
      bolt,
      {
        amountCents: 25_000,
        currency: 'USD',
        madeOn: '2026-03-10',
        promisedFor: '2026-03-11',
        interactionId: null,
      },
      now,
    );

    // The follow-up runs only after the promised date, and the payments dated by then still
    // keep the promise.
    expect(followUpPromises(db, '2026-03-31', now)).toEqual({ kept: [promise], broken: [] });
    expect(notes(db)).toEqual([]);
  });
});
