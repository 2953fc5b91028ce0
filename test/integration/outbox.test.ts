import { createTransport } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';

import {
  defaultDunningConfig,
  saveDunningConfig,
} from '../../electron/collections/dunning-store.ts';
import {
  approveReminder,
  editReminder,
  findReminder,
  listOutbox,
  markReminderDone,
  retryReminder,
  sendReminderNow,
  skipReminder,
} from '../../electron/collections/outbox.ts';
import {
  deliverReminders,
  type MailTransport,
} from '../../electron/collections/reminder-delivery.ts';
import { runReminderPass } from '../../electron/collections/reminder-pass.ts';
import { importFile } from '../../electron/import/import-file.ts';
import type { Ledger } from '../../electron/ledger/database.ts';
import type { DunningStage } from '../../shared/dunning/dunning-ladder.ts';
import { startSmtpRecorder, type SmtpRecorder } from '../support/smtp-recorder.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();
const servers: SmtpRecorder[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const sender = { from: 'Accounts <accounts@example.test>' };
const passAt = new Date('2026-03-08T09:00:00Z');
const later = new Date('2026-03-08T10:00:00Z');

function stage(
  id: string,
  offsetDays: number,
  channel: DunningStage['channel'] = 'email',
  automatic = true,
): DunningStage {
  return {
    id,
    name: `Stage ${id}`,
    offsetDays,
    channel,
    templateId: 'friendly',
    fee: null,
    automatic,
  };
}

/**
 * Builds a ledger where acme and bolt each owe one invoice due 2026-03-01 and both clients
 * reached `stages` on 2026-03-08. Only acme has an e-mail address. Returns the reminder ids by
 * client.
 */
async function outboxWith(stages: DunningStage[]) {
  const { db } = temp.ledger();
  const invoices = temp.file(
    'invoices.csv',
    'Date,Due date,Invoice,Customer,Amount\n' +
      '2026-01-30,2026-03-01,A-1,acme,400.00\n2026-01-30,2026-03-01,B-1,bolt,250.00\n',
  );
  expect((await importFile(db, invoices, { currency: 'USD' })).status).toBe('imported');
  db.prepare(`UPDATE clients SET email = 'acme@client.test' WHERE code = 'acme'`).run();
  const ladders = { low: stages, medium: stages, high: stages, unscored: stages };
  saveDunningConfig(db, { ...defaultDunningConfig(), ladders });
  const pass = runReminderPass(db, '2026-03-08', passAt);
  const idOf = (code: string) => {
    const found = pass.queued.find((reminder) => reminder.clientCode === code);
    if (found === undefined) throw new Error(`No reminder for ${code}.`);
    return found.reminderId;
  };
  return { db, acme: idOf('acme'), bolt: idOf('bolt') };
}

async function recorder(): Promise<{ smtp: SmtpRecorder; transport: MailTransport }> {
  const smtp = await startSmtpRecorder();
  servers.push(smtp);
  const transport = createTransport({ host: '127.0.0.1', port: smtp.port, ignoreTLS: true });
  return { smtp, transport };
}

function state(db: Ledger, reminderId: number) {
  const reminder = findReminder(db, reminderId);
  return { status: reminder?.status, reason: reminder?.statusReason };
}

/** Returns the audit log's entries about reminders, without delivery's own `send` entries. */
function audit(db: Ledger) {
  return db
    .prepare(
      `SELECT action, entity_id AS reminderId, details FROM audit_log
       WHERE entity = 'reminder' AND action != 'send' ORDER BY id`,
    )
    .all()
    .map((row) => {
      const { details, ...rest } = row as { action: string; reminderId: number; details: string };
      return { ...rest, details: JSON.parse(details) as unknown };
    });
}

describe('outbox approve', () => {
  it('approve queues reviewed e-mail', async () => {
    const { db, acme } = await outboxWith([stage('s7', 7, 'email', false)]);
    expect(state(db, acme)).toEqual({ status: 'review', reason: 'this stage waits for review' });
    approveReminder(db, acme, later);
    expect(state(db, acme)).toEqual({ status: 'queued', reason: null });
    expect(audit(db)).toEqual([
      { action: 'approve', reminderId: acme, details: { from: 'review' } },
    ]);
    const { smtp, transport } = await recorder();
    const delivered = await deliverReminders(db, transport, sender, '2026-03-08', later);
    expect(delivered.sent).toEqual([acme]);
    expect(smtp.mails.map((mail) => mail.to)).toEqual([['acme@client.test']]);
  });

  it('rejects approving a sent reminder', async () => {
    const { db, acme } = await outboxWith([stage('s7', 7)]);
    const { transport } = await recorder();
    await deliverReminders(db, transport, sender, '2026-03-08', later);
    expect(() => approveReminder(db, acme, later)).toThrow(
      new RangeError(
        'Reminder 1 (Stage s7 to acme) cannot be approved: it was sent on 2026-03-08, ' +
          'and only one waiting for review can be approved.',
      ),
    );
    expect(state(db, acme).status).toBe('sent');
    expect(audit(db)).toEqual([]);
  });

  it('rejects e-mail without client address', async () => {
    const { db, bolt } = await outboxWith([stage('s7', 7)]);
    expect(state(db, bolt)).toEqual({
      status: 'review',
      reason: 'no e-mail address on record for the client',
    });
    expect(() => approveReminder(db, bolt, later)).toThrow(
      'bolt has no e-mail address: add one to the client, or skip it.',
    );
    db.prepare(`UPDATE clients SET email = 'pay@bolt.test' WHERE code = 'bolt'`).run();
    approveReminder(db, bolt, later);
    expect(findReminder(db, bolt)).toMatchObject({ status: 'queued', recipient: 'pay@bolt.test' });
  });

  it('rejects approving a letter', async () => {
    const { db, acme } = await outboxWith([stage('s7', 7, 'letter')]);
    expect(() => approveReminder(db, acme, later)).toThrow(
      'cannot be approved: it is waiting for review (a letter to make), and it is a letter: ' +
        'mark it done once you have posted it, or skip it.',
    );
  });
});

describe('outbox mark done', () => {
  it('posted letter logged and sent', async () => {
    const { db, acme, bolt } = await outboxWith([stage('s7', 7, 'letter'), stage('s9', 9)]);
    markReminderDone(db, acme, { asOf: '2026-03-09' }, later);
    markReminderDone(db, bolt, { asOf: '2026-03-09', note: 'Signed for by reception' }, later);
    expect(findReminder(db, acme)).toMatchObject({
      status: 'sent',
      sentAt: '2026-03-08T10:00:00.000Z',
    });
    const logged = db
      .prepare(
        `SELECT client_id AS clientId, kind, direction, occurred_on AS day, outcome, automated,
                reminder_id AS reminderId, summary FROM interactions ORDER BY id`,
      )
      .all();
    expect(logged).toEqual([
      {
        clientId: 1,
        kind: 'letter',
        direction: 'outbound',
        day: '2026-03-09',
        outcome: 'posted',
        automated: 0,
        reminderId: acme,
        // The subject names the company, which Settings may not have yet.
        summary: expect.stringMatching(/^Stage s7: Payment reminder from /),
      },
      expect.objectContaining({ kind: 'letter', outcome: 'Signed for by reception' }),
    ]);
    expect(() => markReminderDone(db, acme, { asOf: '2026-03-09' }, later)).toThrow(
      'it was sent on 2026-03-08, and only one waiting for review can be marked done.',
    );
  });

  it('logs call, rejects e-mail', async () => {
    const { db, acme } = await outboxWith([stage('s7', 7, 'call')]);
    markReminderDone(db, acme, { asOf: '2026-03-08' }, later);
    expect(db.prepare('SELECT kind, outcome FROM interactions').get()).toEqual({
      kind: 'call',
      outcome: 'called',
    });
    const other = await outboxWith([stage('s7', 7)]);
    expect(() => markReminderDone(other.db, other.acme, { asOf: '2026-03-08' }, later)).toThrow(
      'it is an e-mail: approve it, and it is sent for you.',
    );
  });
});

describe('outbox edit', () => {
  it('sends edited e-mail as written', async () => {
    const { db, acme } = await outboxWith([stage('s7', 7)]);
    editReminder(
      db,
      acme,
      { subject: 'About invoice A-1', text: 'Dear Acme,\n\nPlease pay A-1 <today>.\nThanks' },
      later,
    );
    expect(findReminder(db, acme)).toMatchObject({
      status: 'queued',
      subject: 'About invoice A-1',
      bodyHtml: '<p>Dear Acme,</p><p>Please pay A-1 &lt;today&gt;.<br>Thanks</p>',
      editedAt: '2026-03-08T10:00:00.000Z',
    });
    const { smtp, transport } = await recorder();
    await deliverReminders(db, transport, sender, '2026-03-08', later);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]?.subject).toBe('About invoice A-1');
    expect(smtp.mails[0]?.raw).toContain('Please pay A-1 <today>.');
    expect(smtp.mails[0]?.raw).toContain('Please pay A-1 &lt;today&gt;.<br>Thanks');
    expect(smtp.mails[0]?.raw).not.toContain('Our records show');
    expect(findReminder(db, acme)).toMatchObject({ status: 'sent', subject: 'About invoice A-1' });
    expect(audit(db)).toEqual([
      { action: 'edit', reminderId: acme, details: { subjectChanged: true, textChanged: true } },
    ]);
  });

  it('cancels edited e-mail once paid', async () => {
    const { db, acme } = await outboxWith([stage('s7', 7)]);
    editReminder(db, acme, { subject: 'Invoice A-1', text: 'Please pay.' }, later);
    const payments = temp.file(
      'payments.csv',
      'Date,Customer,Invoice,Amount\n2026-03-08,acme,A-1,400.00\n',
    );
    expect((await importFile(db, payments, { kind: 'payments', currency: 'USD' })).status).toBe(
      'imported',
    );
    const { smtp, transport } = await recorder();
    const delivered = await deliverReminders(db, transport, sender, '2026-03-08', later);
    expect(delivered.cancelled).toEqual([acme]);
    expect(smtp.mails).toEqual([]);
  });

  it('rejects editing sent e-mail or letter', async () => {
    const { db, acme } = await outboxWith([stage('s7', 7)]);
    const { transport } = await recorder();
    await deliverReminders(db, transport, sender, '2026-03-08', later);
    const edit = { subject: 'Late', text: 'Too late.' };
    expect(() => editReminder(db, acme, edit, later)).toThrow(
      'it was sent on 2026-03-08, and only one not yet sent can be edited.',
    );
    const letters = await outboxWith([stage('s7', 7, 'letter')]);
    expect(() => editReminder(letters.db, letters.acme, edit, later)).toThrow(
      'and only e-mails are sent as written here.',
    );
  });
});

describe('outbox skip', () => {
  it('skip records reason, delivery ignores', async () => {
    const { db, acme, bolt } = await outboxWith([stage('s7', 7)]);
    skipReminder(db, acme, 'Paid by cheque in the post', later);
    skipReminder(db, bolt, 'Agreed a plan by phone', later);
    expect(state(db, acme)).toEqual({ status: 'skipped', reason: 'Paid by cheque in the post' });
    const { smtp, transport } = await recorder();
    await deliverReminders(db, transport, sender, '2026-03-08', later);
    expect(smtp.mails).toEqual([]);
    expect(() => skipReminder(db, acme, 'again', later)).toThrow(
      'cannot be skipped: it was skipped (Paid by cheque in the post), and only one not yet ' +
        'sent can be skipped.',
    );
    expect(audit(db).map((entry) => entry.details)).toEqual([
      { from: 'queued', reason: 'Paid by cheque in the post' },
      { from: 'review', reason: 'Agreed a plan by phone' },
    ]);
  });
});

describe('outbox send now and retry', () => {
  /** Returns acme's reminder after one failed attempt, made while the SMTP server was down. */
  async function failedOnce() {
    const setup = await outboxWith([stage('s7', 7)]);
    const down = await recorder();
    await down.smtp.close();
    servers.splice(servers.indexOf(down.smtp), 1);
    await deliverReminders(setup.db, down.transport, sender, '2026-03-08', passAt);
    expect(findReminder(setup.db, setup.acme)).toMatchObject({
      status: 'failed',
      attempts: 1,
      nextAttemptAt: '2026-03-08T09:05:00.000Z',
    });
    return setup;
  }

  it('send-now makes failed e-mail due', async () => {
    const { db, acme } = await failedOnce();
    const atOnce = new Date('2026-03-08T09:01:00Z');
    sendReminderNow(db, acme, atOnce);
    expect(findReminder(db, acme)).toMatchObject({ status: 'queued', nextAttemptAt: null });
    const { smtp, transport } = await recorder();
    const delivered = await deliverReminders(db, transport, sender, '2026-03-08', atOnce);
    expect(delivered.sent).toEqual([acme]);
    expect(smtp.mails).toHaveLength(1);
    expect(findReminder(db, acme)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('retries only failed e-mails', async () => {
    const { db, acme, bolt } = await failedOnce();
    retryReminder(db, acme, later);
    expect(findReminder(db, acme)).toMatchObject({ status: 'queued', nextAttemptAt: null });
    expect(() => retryReminder(db, acme, later)).toThrow(
      'cannot be retried: it is queued to go out, and only a failed one can be retried.',
    );
    expect(() => sendReminderNow(db, bolt, later)).toThrow(
      'cannot be sent now: it is waiting for review (no e-mail address on record for the ' +
        'client), and only a queued or failed one can be sent now.',
    );
    expect(audit(db).map((entry) => entry.action)).toEqual(['retry']);
  });
});

describe('outbox list', () => {
  it('lists newest first, filters, counts', async () => {
    const { db, acme, bolt } = await outboxWith([stage('s7', 7)]);
    const all = listOutbox(db);
    expect(all.rows.map((row) => row.reminderId)).toEqual([bolt, acme]);
    expect(all.rows[1]).toMatchObject({
      clientCode: 'acme',
      stageName: 'Stage s7',
      channel: 'email',
      status: 'queued',
      queuedOn: '2026-03-08',
      totals: { USD: 40_000 },
      invoiceCount: 1,
      attempts: 0,
    });
    expect(all.counts).toEqual({
      review: 1,
      queued: 1,
      sending: 0,
      failed: 0,
      sent: 0,
      skipped: 0,
      cancelled: 0,
      superseded: 0,
    });
    expect(listOutbox(db, 'review').rows.map((row) => row.clientCode)).toEqual(['bolt']);
    expect(findReminder(db, bolt)?.invoices).toEqual([
      { number: 'B-1', dueDate: '2026-03-01', currency: 'USD', balanceCents: 25_000 },
    ]);
  });
});
