import { createTransport } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';

import {
  defaultDunningConfig,
  saveDunningConfig,
} from '../../electron/collections/dunning-store.ts';
import {
  deliverReminders,
  recoverInterruptedSends,
  type MailTransport,
} from '../../electron/collections/reminder-delivery.ts';
import { holdInvoice } from '../../electron/collections/collection-holds.ts';
import { recordPromise } from '../../electron/collections/promises-to-pay.ts';
import { runReminderPass } from '../../electron/collections/reminder-pass.ts';
import { importFile } from '../../electron/import/import-file.ts';
import type { Ledger } from '../../electron/ledger/database.ts';
import type { DunningStage } from '../../shared/dunning/dunning-ladder.ts';
import { addDays } from '../../shared/calendar-date.ts';
import { startSmtpRecorder, type SmtpRecorder } from '../support/smtp-recorder.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();
const servers: SmtpRecorder[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const sender = { from: 'Accounts <accounts@example.test>' };

function stage(id: string, offsetDays: number, fee: DunningStage['fee'] = null): DunningStage {
  return {
    id,
    name: `Stage ${id}`,
    offsetDays,
    channel: 'email',
    templateId: 'friendly',
    fee,
    automatic: true,
  };
}

/** Gives every tier the same ladder of `stages`, so the client's tier does not matter. */
function useLadder(db: Ledger, stages: DunningStage[]): void {
  const ladders = { low: stages, medium: stages, high: stages, unscored: stages };
  saveDunningConfig(db, { ...defaultDunningConfig(), ladders });
}

async function ledgerWith(invoiceRows: string, paymentRows = ''): Promise<Ledger> {
  const { db } = temp.ledger();
  const invoices = temp.file(
    'invoices.csv',
    `Date,Due date,Invoice,Customer,Amount,Status\n${invoiceRows}`,
  );
  expect((await importFile(db, invoices, { currency: 'USD' })).status).toBe('imported');
  if (paymentRows) {
    const payments = temp.file('payments.csv', `Date,Customer,Invoice,Amount\n${paymentRows}`);
    expect((await importFile(db, payments, { kind: 'payments', currency: 'USD' })).status).toBe(
      'imported',
    );
  }
  db.prepare(`UPDATE clients SET email = code || '@client.test'`).run();
  return db;
}

async function recorder(port = 0, mails?: SmtpRecorder['mails']): Promise<SmtpRecorder> {
  const server = await startSmtpRecorder(port, mails);
  servers.push(server);
  return server;
}

function transportTo(port: number): MailTransport {
  return createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
}

/** Runs one pass as the scheduler does: queue as of the local date of `at`, then deliver. */
async function pass(db: Ledger, transport: MailTransport, at: string) {
  const now = new Date(at);
  const asOf = at.slice(0, 10);
  const queued = runReminderPass(db, asOf, now);
  const delivered = await deliverReminders(db, transport, sender, asOf, now);
  return { queued, delivered };
}

function statuses(db: Ledger) {
  return db.prepare(`SELECT stage_id AS stage, status FROM reminders ORDER BY id`).all() as {
    stage: string;
    status: string;
  }[];
}

describe('reminder passes', () => {
  it('sends one reminder however often the pass runs on a day', async () => {
    const db = await ledgerWith('2026-01-30,2026-03-01,A-1,acme,400.00,\n');
    useLadder(db, [stage('s7', 7), stage('s14', 14), stage('s30', 30)]);
    const smtp = await recorder();
    const transport = transportTo(smtp.port);
    for (const at of ['2026-03-08T09:00:00Z', '2026-03-08T09:15:00Z', '2026-03-08T13:00:00Z']) {
      await pass(db, transport, at);
    }
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]?.to).toEqual(['acme@client.test']);
    expect(smtp.mails[0]?.raw).toContain('Invoice A-1, due 2026-03-01: $400.00');
    expect(statuses(db)).toEqual([{ stage: 's7', status: 'sent' }]);
    const logged = db
      .prepare(`SELECT kind, direction, automated, occurred_on AS day FROM interactions`)
      .all();
    expect(logged).toEqual([
      { kind: 'email', direction: 'outbound', automated: 1, day: '2026-03-08' },
    ]);
  });

  it('sends only the highest stage after days off', async () => {
    const db = await ledgerWith('2026-01-30,2026-03-01,A-1,acme,400.00,\n');
    useLadder(db, [stage('s7', 7), stage('s14', 14), stage('s30', 30)]);
    const smtp = await recorder();
    const transport = transportTo(smtp.port);
    await pass(db, transport, '2026-03-05T09:00:00Z');
    expect(smtp.mails).toHaveLength(0);
    // Closed from 2026-03-06 to 2026-03-20, opened on 2026-03-21.
    await pass(db, transport, '2026-03-21T08:30:00Z');
    expect(smtp.mails).toHaveLength(1);
    expect(statuses(db)).toEqual([
      { stage: 's7', status: 'superseded' },
      { stage: 's14', status: 'sent' },
    ]);
    for (let day = 22; day <= 30; day += 1) {
      await pass(db, transport, `2026-03-${day}T09:00:00Z`);
    }
    expect(smtp.mails).toHaveLength(1);
    await pass(db, transport, '2026-03-31T09:00:00Z');
    await pass(db, transport, '2026-04-01T09:00:00Z');
    expect(smtp.mails).toHaveLength(2);
    expect(statuses(db).at(-1)).toEqual({ stage: 's30', status: 'sent' });
  });

  it('reminds only about balances owed, and for what is left', async () => {
    const db = await ledgerWith(
      '2026-03-02,2026-04-01,P-1,acme,300.00,\n' +
        '2026-03-02,2026-04-01,P-2,acme,300.00,\n' +
        '2026-03-02,2026-04-01,D-1,acme,300.00,draft\n' +
        '2026-03-16,2026-04-15,L-1,acme,300.00,\n' +
        '2026-03-02,2026-04-01,M-1,bolt,300.00,\n',
      '2026-04-10,acme,P-1,300.00\n2026-04-10,acme,P-2,120.00\n2026-04-20,bolt,M-1,300.00\n',
    );
    useLadder(db, [stage('s7', 7)]);
    const smtp = await recorder();
    // Bolt paid M-1 on the morning of 2026-04-20, before the 09:00 pass.
    await pass(db, transportTo(smtp.port), '2026-04-20T09:00:00Z');
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail?.to).toEqual(['acme@client.test']);
    expect(mail?.raw).toContain('Invoice P-2, due 2026-04-01: $180.00');
    expect(mail?.raw).toContain('Total due: $180.00');
    // Named as invoice lines: a bare number could turn up in a random MIME boundary.
    for (const number of ['P-1', 'D-1', 'L-1', 'M-1']) {
      expect(mail?.raw).not.toContain(`Invoice ${number},`);
    }
  });

  it('posts each stage fee once and shows it in the reminder', async () => {
    const db = await ledgerWith(
      '2026-01-30,2026-03-01,F-1,acme,1000.00,\n',
      '2026-03-03,acme,F-1,200.00\n',
    );
    useLadder(db, [
      stage('s7', 7, { kind: 'percent', basisPoints: 150 }),
      stage('s21', 21, { kind: 'flat', amountCents: 2_500 }),
    ]);
    const smtp = await recorder();
    const transport = transportTo(smtp.port);
    // Three passes a day for six weeks.
    for (let day = 0; day < 42; day += 1) {
      const date = addDays('2026-03-02', day);
      for (const hour of ['08', '12', '17']) await pass(db, transport, `${date}T${hour}:00:00Z`);
    }
    const fees = db
      .prepare(`SELECT amount_cents FROM invoices WHERE kind = 'late-fee' ORDER BY id`)
      .pluck()
      .all();
    // 1.5% of the original 1,000.00 is 15.00, then the flat 25.00.
    expect(fees).toEqual([1_500, 2_500]);
    expect(smtp.mails.map((mail) => /Total due: (\S+)/.exec(mail.raw)?.[1])).toEqual([
      '$815.00',
      '$840.00',
    ]);
    const balance = db
      .prepare(
        `SELECT SUM(i.amount_cents) - COALESCE((SELECT SUM(amount_cents) FROM allocations), 0)
         FROM invoices i`,
      )
      .pluck()
      .get();
    expect(balance).toBe(84_000);
  });

  it('retries while the SMTP server is down and delivers each reminder once', async () => {
    const db = await ledgerWith(
      '2026-01-30,2026-03-01,A-1,acme,400.00,\n2026-01-30,2026-03-01,B-1,bolt,250.00,\n',
    );
    useLadder(db, [stage('s7', 7)]);
    const first = await recorder();
    const { port } = first;
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    const transport = transportTo(port);
    // Down for a day: a pass every hour from 2026-03-08 09:00.
    for (let hour = 0; hour < 24; hour += 1) {
      const at = new Date(Date.parse('2026-03-08T09:00:00Z') + hour * 3_600_000).toISOString();
      await pass(db, transport, at);
    }
    const waiting = db.prepare(`SELECT status, attempts FROM reminders ORDER BY id`).all() as {
      status: string;
      attempts: number;
    }[];
    expect(waiting.map((row) => row.status)).toEqual(['failed', 'failed']);
    expect(waiting.every((row) => row.attempts >= 3 && row.attempts <= 24)).toBe(true);
    const smtp = await recorder(port);
    await pass(db, transport, '2026-03-09T21:00:00Z');
    await pass(db, transport, '2026-03-10T09:00:00Z');
    expect(smtp.mails.map((mail) => mail.to[0]).sort()).toEqual([
      'acme@client.test',
      'bolt@client.test',
    ]);
    expect(statuses(db).map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('puts a reminder interrupted while sending up for review, never resending it', async () => {
    const db = await ledgerWith('2026-01-30,2026-03-01,A-1,acme,400.00,\n');
    useLadder(db, [stage('s7', 7)]);
    runReminderPass(db, '2026-03-08', new Date('2026-03-08T09:00:00Z'));
    // The process died after marking the reminder as sending, before the outcome was stored.
    db.prepare(`UPDATE reminders SET status = 'sending', attempts = 1`).run();
    expect(recoverInterruptedSends(db)).toBe(1);
    const smtp = await recorder();
    await pass(db, transportTo(smtp.port), '2026-03-08T10:00:00Z');
    expect(smtp.mails).toHaveLength(0);
    expect(db.prepare('SELECT status, status_reason AS reason FROM reminders').get()).toEqual({
      status: 'review',
      reason: 'interrupted while sending: check your sent mail, then send or skip it',
    });
  });
});

describe('held and disputed invoices', () => {
  it('are never reminded about while held, and are once the hold ends', async () => {
    const db = await ledgerWith(
      '2026-01-30,2026-03-01,H-1,acme,100.00,\n2026-01-30,2026-03-01,H-2,bolt,200.00,\n' +
        '2026-01-30,2026-03-01,H-3,cove,300.00,\n',
    );
    useLadder(db, [stage('s7', 7), stage('s30', 30)]);
    holdInvoice(db, 'H-1', 'payment-plan', '2026-03-05', '2026-03-20');
    holdInvoice(db, 'H-2', 'agency', '2026-03-05', null);
    db.prepare(
      `INSERT INTO disputes (invoice_id, opened_on, created_at)
       SELECT id, '2026-03-02', 'now' FROM invoices WHERE number = 'H-3'`,
    ).run();
    expect(() => holdInvoice(db, 'H-1', 'agency', '2026-04-02', '2026-04-01')).toThrow(
      'The hold ends on 2026-04-01, before it starts on 2026-04-02: swap the dates.',
    );
    const smtp = await recorder();
    const transport = transportTo(smtp.port);
    await pass(db, transport, '2026-03-10T09:00:00Z');
    expect(smtp.mails).toHaveLength(0);
    // The plan's hold ended on 2026-03-20; the agency's has no end; the dispute is open.
    await pass(db, transport, '2026-03-21T09:00:00Z');
    expect(smtp.mails.map((mail) => mail.to[0])).toEqual(['acme@client.test']);
    expect(smtp.mails[0]?.raw).toContain('Invoice H-1, due 2026-03-01: $100.00');
  });
});

describe('promises to pay in a reminder pass', () => {
  it('marks a promise broken once, with a note on the timeline', async () => {
    const db = await ledgerWith('2026-01-30,2026-03-01,A-1,acme,400.00,\n');
    useLadder(db, [stage('s7', 7)]);
    recordPromise(db, 1, {
      amountCents: 40_000,
      currency: 'USD',
      promisedFor: '2026-03-12',
      madeOn: '2026-03-05',
      interactionId: null,
    });
    const smtp = await recorder();
    const transport = transportTo(smtp.port);
    const early = await pass(db, transport, '2026-03-12T09:00:00Z');
    expect(early.queued.promises).toEqual({ kept: [], broken: [] });
    const late = await pass(db, transport, '2026-03-13T09:00:00Z');
    expect(late.queued.promises.broken).toHaveLength(1);
    await pass(db, transport, '2026-03-14T09:00:00Z');
    const notes = db
      .prepare(`SELECT kind, direction, summary FROM interactions WHERE kind = 'note'`)
      .all() as { kind: string; direction: string; summary: string }[];
    expect(notes).toHaveLength(1);
    expect(notes[0]?.summary).toContain('$400.00');
  });
});

describe('reminders that need a person first', () => {
  it('waits for review when money sits unapplied on the account', async () => {
    const db = await ledgerWith(
      '2026-01-30,2026-03-01,U-1,acme,400.00,\n',
      '2026-03-03,acme,,100.00\n',
    );
    useLadder(db, [stage('s7', 7)]);
    const smtp = await recorder();
    await pass(db, transportTo(smtp.port), '2026-03-08T09:00:00Z');
    expect(smtp.mails).toHaveLength(0);
    expect(db.prepare('SELECT status, status_reason AS reason FROM reminders').get()).toEqual({
      status: 'review',
      reason: "unapplied on the client's account: $100.00; apply it first",
    });
  });

  it('waits for review when the e-mail is not one plain address', async () => {
    const db = await ledgerWith('2026-01-30,2026-03-01,E-1,acme,400.00,\n');
    db.prepare(`UPDATE clients SET email = 'ap@acme.test\nBcc: x@other.test'`).run();
    useLadder(db, [stage('s7', 7)]);
    const smtp = await recorder();
    await pass(db, transportTo(smtp.port), '2026-03-08T09:00:00Z');
    expect(smtp.mails).toHaveLength(0);
    expect(db.prepare('SELECT status, status_reason AS reason FROM reminders').get()).toEqual({
      status: 'review',
      reason: 'the client’s e-mail is not one plain address: correct it',
    });
  });

  it('leaves out an invoice held after the reminder was queued', async () => {
    const db = await ledgerWith('2026-01-30,2026-03-01,Q-1,acme,400.00,\n');
    useLadder(db, [stage('s7', 7)]);
    runReminderPass(db, '2026-03-08', new Date('2026-03-08T09:00:00Z'));
    holdInvoice(db, 'Q-1', 'agency', '2026-03-08', null);
    const smtp = await recorder();
    await pass(db, transportTo(smtp.port), '2026-03-08T10:00:00Z');
    expect(smtp.mails).toHaveLength(0);
    expect(db.prepare('SELECT status, status_reason AS reason FROM reminders').get()).toEqual({
      status: 'cancelled',
      reason: 'held or disputed before it was sent',
    });
  });
});

describe('a courtesy stage', () => {
  it('goes out before the due date, and is passed over once the invoice is overdue', async () => {
    const db = await ledgerWith('2026-01-30,2026-03-01,C-1,acme,100.00,\n');
    useLadder(db, [stage('before', -3), stage('s7', 7)]);
    const smtp = await recorder();
    const transport = transportTo(smtp.port);
    await pass(db, transport, '2026-02-27T09:00:00Z');
    expect(smtp.mails).toHaveLength(1);

    // A ledger first run after the due date: no "falls due soon" for an overdue invoice.
    const late = await ledgerWith('2026-01-30,2026-03-01,C-2,bolt,200.00,\n');
    useLadder(late, [stage('before', -3), stage('s7', 7)]);
    await pass(late, transport, '2026-03-03T09:00:00Z');
    expect(smtp.mails).toHaveLength(1);
    expect(statuses(late)).toEqual([{ stage: 'before', status: 'superseded' }]);
    await pass(late, transport, '2026-03-08T09:00:00Z');
    expect(smtp.mails.map((mail) => mail.to[0])).toEqual(['acme@client.test', 'bolt@client.test']);
  });
});
