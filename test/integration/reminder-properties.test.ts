import fc from 'fast-check';
import { createTransport } from 'nodemailer';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  defaultDunningConfig,
  saveDunningConfig,
} from '../../electron/collections/dunning-store.ts';
import {
  deliverReminders,
  recoverInterruptedSends,
  type MailTransport,
} from '../../electron/collections/reminder-delivery.ts';
import { runReminderPass } from '../../electron/collections/reminder-pass.ts';
import { openLedger, type Ledger } from '../../electron/ledger/database.ts';
import type { DunningStage } from '../../shared/dunning/dunning-ladder.ts';
import { addDays, daysBetween } from '../../shared/calendar-date.ts';
import {
  startSmtpRecorder,
  type RecordedMail,
  type SmtpRecorder,
} from '../support/smtp-recorder.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();

const stages: DunningStage[] = [
  { id: 'courtesy', offsetDays: -3 },
  { id: 'friendly', offsetDays: 7 },
  { id: 'firm', offsetDays: 14 },
  { id: 'final', offsetDays: 30 },
].map(({ id, offsetDays }) => ({
  id,
  name: id,
  offsetDays,
  channel: 'email' as const,
  templateId: 'friendly',
  fee: null,
  automatic: true,
}));
const stageOrder = new Map(stages.map((stage, index) => [stage.id, index]));

/** Five invoices of 100.00 to 500.00, due from 2026-03-01 to 2026-03-21, over two clients. */
const invoices = [0, 1, 2, 3, 4].map((index) => ({
  number: `P-${index + 1}`,
  client: index % 2 === 0 ? 1 : 2,
  dueDate: addDays('2026-03-01', index * 5),
  amountCents: (index + 1) * 10_000,
}));

type Step =
  | { readonly kind: 'pass' }
  | { readonly kind: 'wait'; readonly hours: number }
  | { readonly kind: 'clock-back'; readonly hours: number }
  | { readonly kind: 'pay'; readonly invoice: number; readonly whole: boolean }
  | { readonly kind: 'smtp'; readonly up: boolean }
  | { readonly kind: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'pass' as const }) },
  {
    weight: 4,
    arbitrary: fc.integer({ min: 1, max: 240 }).map((hours) => ({ kind: 'wait' as const, hours })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 72 })
      .map((hours) => ({ kind: 'clock-back' as const, hours })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ invoice: fc.integer({ min: 0, max: 4 }), whole: fc.boolean() })
      .map((pay) => ({ kind: 'pay' as const, ...pay })),
  },
  { weight: 1, arbitrary: fc.boolean().map((up) => ({ kind: 'smtp' as const, up })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

function createLedger(): { db: Ledger; path: string } {
  const { db, path } = temp.ledger();
  const now = '2026-01-01T00:00:00.000Z';
  for (const client of [1, 2]) {
    db.prepare(
      `INSERT INTO clients (id, code, name, email, created_at) VALUES (?, ?, ?, ?, ?)`,
    ).run(client, `c${client}`, `Client ${client}`, `c${client}@client.test`, now);
  }
  for (const invoice of invoices) {
    db.prepare(
      `INSERT INTO invoices (client_id, number, invoice_date, due_date, amount_cents, currency,
         created_at) VALUES (?, ?, ?, ?, ?, 'USD', ?)`,
    ).run(
      invoice.client,
      invoice.number,
      addDays(invoice.dueDate, -30),
      invoice.dueDate,
      invoice.amountCents,
      now,
    );
  }
  const ladders = { low: stages, medium: stages, high: stages, unscored: stages };
  saveDunningConfig(db, { ...defaultDunningConfig(), ladders });
  return { db, path };
}

/** Returns the balance of an invoice now: its amount less every payment recorded. */
function balanceNow(db: Ledger, number: string): number {
  return db
    .prepare(
      `SELECT i.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM allocations a
         WHERE a.invoice_id = i.id AND a.voided_at IS NULL), 0)
       FROM invoices i WHERE i.number = ?`,
    )
    .pluck()
    .get(number) as number;
}

function pay(db: Ledger, number: string, cents: number, date: string): void {
  if (cents <= 0) return;
  const invoice = db.prepare('SELECT id, client_id FROM invoices WHERE number = ?').get(number) as {
    id: number;
    client_id: number;
  };
  const payment = db
    .prepare(
      `INSERT INTO payments (client_id, payment_date, amount_cents, currency, created_at)
       VALUES (?, ?, ?, 'USD', ?)`,
    )
    .run(invoice.client_id, date, cents, new Date().toISOString());
  db.prepare(
    `INSERT INTO allocations (invoice_id, payment_id, amount_cents, applied_on, created_at)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(invoice.id, payment.lastInsertRowid, cents, date, new Date().toISOString());
}

/** Finds a port with nothing listening: a real refusal, as when the server is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('reminder passes under random histories', () => {
  let smtp: SmtpRecorder;
  let up: MailTransport;
  let down: MailTransport;
  let runs = 0;
  let checked = 0;

  beforeAll(async () => {
    smtp = await startSmtpRecorder();
    up = createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
    down = createTransport({
      host: '127.0.0.1',
      port: await closedPort(),
      secure: false,
      ignoreTLS: true,
    });
  });
  afterAll(async () => {
    await smtp.close();
    // A property test that ran nothing, or sent nothing, proves nothing.
    expect(runs).toBeGreaterThanOrEqual(60);
    // Runs of 60 random histories have delivered between 54 and 104 mails: 20 is a floor that
    // only a run that stopped sending would fall under.
    expect(checked).toBeGreaterThan(20);
    console.info(`reminder properties: ${runs} runs, ${checked} delivered mails checked`);
  });

  it('delivers each reminder once, for owed invoices, stages rising', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
        runs += 1;
        const { db, path } = createLedger();
        let ledger = db;
        let clock = Date.parse('2026-02-20T08:00:00Z');
        let transport = up;
        // Per invoice, the highest stage delivered so far and the mails naming it.
        const delivered = new Map<string, number>();
        const seen = new Set<string>();
        const before = smtp.mails.length;
        try {
          for (const action of steps) {
            if (action.kind === 'wait') clock += action.hours * 3_600_000;
            if (action.kind === 'clock-back') clock -= action.hours * 3_600_000;
            if (action.kind === 'smtp') transport = action.up ? up : down;
            if (action.kind === 'pay') {
              const invoice = invoices[action.invoice]!;
              const owed = balanceNow(ledger, invoice.number);
              const date = new Date(clock).toISOString().slice(0, 10);
              pay(ledger, invoice.number, action.whole ? owed : Math.floor(owed / 2), date);
            }
            if (action.kind === 'restart') {
              ledger.close();
              ledger = openLedger(path);
              recoverInterruptedSends(ledger, new Date(clock));
            }
            if (action.kind !== 'pass') continue;
            const now = new Date(clock);
            const asOf = now.toISOString().slice(0, 10);
            runReminderPass(ledger, asOf, now);
            const mailsBefore = smtp.mails.length;
            await deliverReminders(ledger, transport, { from: 'ar@example.test' }, asOf, now);
            for (const mail of smtp.mails.slice(mailsBefore)) {
              checkMail(ledger, mail, delivered, seen);
            }
          }
        } finally {
          ledger.close();
          smtp.mails.splice(before);
        }
      }),
      { numRuns: 60 },
    );
  }, 240_000);

  function checkMail(
    db: Ledger,
    mail: RecordedMail,
    delivered: Map<string, number>,
    seen: Set<string>,
  ): void {
    checked += 1;
    const reminderId = /^X-Duedesk-Reminder: (\d+)$/m.exec(mail.raw)?.[1];
    expect(reminderId, 'every reminder mail names its reminder').toBeDefined();
    expect(seen.has(reminderId!), `reminder ${reminderId} delivered twice`).toBe(false);
    seen.add(reminderId!);
    const stage = db
      .prepare('SELECT stage_id FROM reminders WHERE id = ?')
      .pluck()
      .get(reminderId) as string;
    const rank = stageOrder.get(stage) ?? -1;
    const named = invoices.filter((invoice) => mail.raw.includes(`Invoice ${invoice.number},`));
    expect(named.length, `reminder ${reminderId} names an invoice`).toBeGreaterThan(0);
    for (const invoice of named) {
      // The amounts the mail requests were owed when it was sent: payments are only ever added, so a
      // balance above zero now was above zero then.
      expect(
        balanceNow(db, invoice.number),
        `${invoice.number} reminded while settled`,
      ).toBeGreaterThan(0);
      const previous = delivered.get(invoice.number) ?? -1;
      expect(rank, `${invoice.number} reminded at ${stage} after a higher stage`).toBeGreaterThan(
        previous,
      );
      delivered.set(invoice.number, rank);
      const sentOn = db
        .prepare('SELECT queued_on FROM reminders WHERE id = ?')
        .pluck()
        .get(reminderId) as string;
      const offset = stages[rank]?.offsetDays ?? 0;
      expect(
        daysBetween(invoice.dueDate, sentOn),
        `${invoice.number} reminded early`,
      ).toBeGreaterThanOrEqual(offset);
    }
  }
});
