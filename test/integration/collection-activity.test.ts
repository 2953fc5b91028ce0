import { describe, expect, it } from 'vitest';
import { logInteraction } from '../../electron/collections/interactions.ts';
import { followUpPromises, recordPromise } from '../../electron/collections/promises-to-pay.ts';
import type { Ledger } from '../../electron/ledger/database.ts';
import { collectionActivityReport } from '../../electron/reports/collection-activity-report.ts';
import type { InteractionInput } from '../../shared/collections/interaction-rules.ts';
import { clientId, importedLedger, insertSentReminder } from '../support/collection-ledger.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();
const now = new Date('2026-11-30T10:00:00Z');

const manual: InteractionInput = {
  kind: 'call',
  direction: 'outbound',
  occurredOn: '2026-03-05',
  minutes: null,
  outcome: null,
  summary: '',
  automated: false,
  repliesToReminderId: null,
};

/**
 * Builds a ledger of three clients for March 2026. Due in March: A-1 on 03-03, A-2 on 03-07,
 * B-1 on 03-12 and C-1 on 03-25. A-1 is paid on 03-15, A-2 on 03-25 and B-1 on 03-20. C-1 is
 * paid in April. Reminders: R0 to acme on 02-20, before the period. R1 to acme on 03-10 for
 * and R2 to bolt on 03-14 for B-1 are automatic e-mails. R3 is a letter to cora on
 * 03-20 for C-1 that took 5 minutes.
 */
async function marchLedger(): Promise<Ledger> {
  const { db } = await importedLedger(
    temp,
    '2026-02-01,2026-03-03,A-1,acme,400.00\n' +
      '2026-02-05,2026-03-07,A-2,acme,200.00\n' +
      '2026-02-10,2026-03-12,B-1,bolt,300.00\n' +
      '2026-02-23,2026-03-25,C-1,cora,100.00\n',
    '2026-03-15,acme,A-1,400.00\n2026-03-25,acme,A-2,200.00\n' +
      '2026-03-20,bolt,B-1,300.00\n2026-04-05,cora,C-1,100.00\n',
  );
  const acme = clientId(db, 'acme');
  const bolt = clientId(db, 'bolt');

  insertSentReminder(db, { client: 'acme', invoices: ['A-1'], sentOn: '2026-02-20' });
  const r1 = insertSentReminder(db, {
    client: 'acme',
    invoices: ['A-1', 'A-2'],
    sentOn: '2026-03-10',
  });
  insertSentReminder(db, { client: 'bolt', invoices: ['B-1'], sentOn: '2026-03-14' });
  const r3 = insertSentReminder(db, {
    client: 'cora',
    invoices: ['C-1'],
    sentOn: '2026-03-20',
    channel: 'letter',
    automated: false,
    minutes: 5,
  });

  logInteraction(db, acme, { ...manual, minutes: 10 }, now);
  logInteraction(
    db,
    acme,
    {
      ...manual,
      kind: 'email',
      direction: 'inbound',
      occurredOn: '2026-03-12',
      minutes: 4,
      repliesToReminderId: r1,
    },
    now,
  );
  logInteraction(
    db,
    bolt,
    { ...manual, kind: 'note', direction: 'internal', occurredOn: '2026-03-15', minutes: 6 },
    now,
  );

  // R3 is marked replied to only after the period, so the reply does not count for March.
  db.prepare(`UPDATE reminders SET answered_at = '2026-04-02T08:00:00.000Z' WHERE id = ?`).run(r3);

  // Broken on 03-20: its automated note is not collection work and is not counted.
  recordPromise(
    db,
    acme,
    {
      amountCents: 5_000,
      currency: 'USD',
      madeOn: '2026-03-05',
      promisedFor: '2026-03-08',
      interactionId: null,
    },
    now,
  );
  expect(followUpPromises(db, '2026-03-20', now).broken).toHaveLength(1);
  return db;
}

describe('collection activity metrics', () => {
  it('portfolio metrics for March', async () => {
    const db = await marchLedger();
    const report = collectionActivityReport(db, '2026-03-01', '2026-03-31');

    expect(report.firstReminderOn).toBe('2026-02-20');
    expect(report.portfolio).toHaveLength(1);
    const [usd] = report.portfolio;
    expect(usd?.currency).toBe('USD');
    expect(usd?.clients).toBe(3);
    const metrics = usd?.metrics;

    // and B-1 settled by 03-31, C-1 not: 3 of the 4 reminded invoices.
    expect(metrics?.collectionSuccessRate).toBe(75);
    // call on 03-05, 2 days. A-2: R1 on 03-10, 3 days. B-1: R2 on 03-14, 2 days.
    // C-1 is due 03-25 and cora's only contact, the letter, came on 03-20, so C-1 was not
    // contacted.
    expect(metrics?.timeToFirstContact).toBeCloseTo(7 / 3, 12);
    // R1 received a reply on 03-12. R2 received none, and R3 only in April.
    expect(metrics?.communicationResponseRate).toBeCloseTo(100 / 3, 12);
    // R1 (sent 03-10) needed A-2 paid by 03-24, but it was paid on 03-25. R2 (sent 03-14)
    // needed B-1 paid by 03-28, and it was paid on 03-20.
    expect(metrics?.automatedReminderSuccessRate).toBe(50);
    // Manual: call 10, reply 4, note 6, letter 5. Automated: R1 and R2, 0 minutes.
    expect(metrics?.manualCollectionMinutes).toBe(25);
    expect(metrics?.manualInteractions).toBe(4);
    expect(metrics?.automatedCollectionMinutes).toBe(0);
    expect(metrics?.automatedInteractions).toBe(2);

    // The first reminder was in February, so the 3 months after it end on 05-31, after the
    // period.
    expect(metrics?.dsoBeforeReminders).toBeNull();
    expect(metrics?.dsoAfterReminders).toBeNull();

    // No client has three settled invoices, so the one tier is the portfolio.
    expect(report.tiers.map((tier) => tier.tier)).toEqual(['unscored']);
    expect(report.tiers[0]?.metrics).toEqual(metrics);
  });

  it('per-client metrics for March', async () => {
    const db = await marchLedger();
    const report = collectionActivityReport(db, '2026-03-01', '2026-03-31');
    const byCode = Object.fromEntries(report.clients.map((client) => [client.code, client]));
    expect(Object.keys(byCode)).toEqual(['acme', 'bolt', 'cora']);

    expect(byCode.acme?.metrics).toEqual({
      collectionSuccessRate: 100,
      timeToFirstContact: 2.5,
      communicationResponseRate: 100,
      automatedReminderSuccessRate: 0,
      manualCollectionMinutes: 14,
      automatedCollectionMinutes: 0,
      manualInteractions: 2,
      automatedInteractions: 1,
      dsoBeforeReminders: null,
      dsoAfterReminders: null,
    });

    expect(byCode.bolt?.metrics).toEqual({
      collectionSuccessRate: 100,
      timeToFirstContact: 2,
      communicationResponseRate: 0,
      automatedReminderSuccessRate: 100,
      manualCollectionMinutes: 6,
      automatedCollectionMinutes: 0,
      manualInteractions: 1,
      automatedInteractions: 1,
      dsoBeforeReminders: null,
      dsoAfterReminders: null,
    });

    expect(byCode.cora?.metrics).toEqual({
      collectionSuccessRate: 0,
      timeToFirstContact: null,
      communicationResponseRate: 0,
      automatedReminderSuccessRate: null,
      manualCollectionMinutes: 5,
      automatedCollectionMinutes: 0,
      manualInteractions: 1,
      automatedInteractions: 0,
      dsoBeforeReminders: null,
      dsoAfterReminders: null,
    });
  });

  it('quiet period gives null, not 0', async () => {
    const db = await marchLedger();
    const report = collectionActivityReport(db, '2026-06-01', '2026-06-30');
    for (const group of [...report.portfolio, ...report.clients]) {
      expect(Object.values(group.metrics).every((value) => value === null)).toBe(true);
    }
    expect(report.clients).toHaveLength(3);
  });

  it('DSO before and after first reminder', async () => {
    const { db } = await importedLedger(
      temp,
      '2025-12-01,2025-12-31,D-1,dune,300.00\n' +
        '2026-01-15,2026-02-14,D-2,dune,300.00\n' +
        '2026-02-10,2026-03-12,D-3,dune,300.00\n' +
        '2026-04-10,2026-05-10,D-4,dune,600.00\n' +
        '2026-05-10,2026-06-09,D-5,dune,300.00\n' +
        '2026-06-15,2026-07-15,D-6,dune,300.00\n',
      '2026-01-20,dune,D-1,300.00\n2026-04-20,dune,D-2,300.00\n2026-03-20,dune,D-3,300.00\n' +
        '2026-05-05,dune,D-4,600.00\n2026-06-01,dune,D-5,300.00\n',
    );
    insertSentReminder(db, { client: 'dune', invoices: ['D-3'], sentOn: '2026-03-10' });

    const report = collectionActivityReport(db, '2026-06-01', '2026-06-30');
    expect(report.dsoWindows).toEqual({
      before: { from: '2025-12-01', to: '2026-02-28' },
      after: { from: '2026-04-01', to: '2026-06-30' },
    });

    const metrics = report.portfolio[0]?.metrics;
    // Before: D-2 and D-3 open at 02-28, 600.00 ÷ 900.00 of sales × 90 days.
    expect(metrics?.dsoBeforeReminders).toBe(60);
    // After: D-6 open at 06-30, 300.00 ÷ 1,200.00 of sales × 91 days.
    expect(metrics?.dsoAfterReminders).toBe(22.75);
    // A client or a tier has no DSO comparison.
    expect(report.clients[0]?.metrics.dsoBeforeReminders).toBeNull();

    // A day earlier the months after are not over yet.
    const early = collectionActivityReport(db, '2026-06-01', '2026-06-29').portfolio[0];
    expect(early?.metrics.dsoBeforeReminders).toBeNull();
    expect(early?.metrics.dsoAfterReminders).toBeNull();
  });

  it('DSO comparison needs a full window', async () => {
    const { db } = await importedLedger(
      temp,
      '2025-12-02,2026-01-01,D-1,dune,300.00\n2026-04-10,2026-05-10,D-4,dune,600.00\n',
    );
    insertSentReminder(db, { client: 'dune', invoices: ['D-1'], sentOn: '2026-03-10' });
    const metrics = collectionActivityReport(db, '2026-06-01', '2026-06-30').portfolio[0]?.metrics;
    expect(metrics?.dsoBeforeReminders).toBeNull();
    expect(metrics?.dsoAfterReminders).toBeNull();
  });
});
