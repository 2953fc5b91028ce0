import { expect } from 'vitest';
import { importFile } from '../../electron/import/import-file.ts';
import type { Ledger } from '../../electron/ledger/database.ts';
import type { useTempFolder } from './temp-ledger.ts';

/**
 * Imports a USD ledger from CSV rows of invoices (`Date,Due date,Invoice,Customer,Amount`) and
 * payments (`Date,Customer,Invoice,Amount`), as a user would.
 */
export async function importedLedger(
  temp: ReturnType<typeof useTempFolder>,
  invoiceRows: string,
  paymentRows = '',
): Promise<{ db: Ledger; path: string }> {
  const { db, path } = temp.ledger();
  const invoices = temp.file(
    'invoices.csv',
    `Date,Due date,Invoice,Customer,Amount\n${invoiceRows}`,
  );
  expect((await importFile(db, invoices, { currency: 'USD' })).status).toBe('imported');
  if (paymentRows) {
    const payments = temp.file('payments.csv', `Date,Customer,Invoice,Amount\n${paymentRows}`);
    const result = await importFile(db, payments, { kind: 'payments', currency: 'USD' });
    expect(result.status).toBe('imported');
  }
  return { db, path };
}

export function clientId(db: Ledger, code: string): number {
  return db.prepare('SELECT id FROM clients WHERE code = ?').pluck().get(code) as number;
}

export interface SentReminder {
  readonly client: string;
  readonly invoices: readonly string[];
  readonly sentOn: string;
  readonly channel?: 'email' | 'letter' | 'call';
  /** Whether the delivery logged it as an automated send; true by default. */
  readonly automated?: boolean;
  /** Minutes on the logged interaction, for a letter or call a person made. */
  readonly minutes?: number;
  readonly stage?: string;
}

/**
 * Writes a reminder that went out on `sentOn` as reminder-pass and reminder-delivery leave
 * it: status sent, its invoices linked, and an outbound interaction logged for the send.
 * Returns the reminder's id.
 */
export function insertSentReminder(db: Ledger, reminder: SentReminder): number {
  const channel = reminder.channel ?? 'email';
  const stage = reminder.stage ?? `stage-${reminder.sentOn}`;
  const stamp = `${reminder.sentOn}T09:00:00.000Z`;
  const client = clientId(db, reminder.client);
  const reminderId = Number(
    db
      .prepare(
        `INSERT INTO reminders (client_id, stage_id, stage_name, ladder, template_id, channel,
           status, queued_on, sent_at, created_at, updated_at)
         VALUES (?, ?, ?, 'unscored', 'friendly', ?, 'sent', ?, ?, ?, ?)`,
      )
      .run(client, stage, `Stage ${stage}`, channel, reminder.sentOn, stamp, stamp, stamp)
      .lastInsertRowid,
  );
  for (const number of reminder.invoices) {
    db.prepare(
      `INSERT INTO reminder_invoices (reminder_id, invoice_id, stage_id, balance_cents)
       SELECT ?, id, ?, amount_cents FROM invoices WHERE number = ?`,
    ).run(reminderId, stage, number);
  }
  db.prepare(
    `INSERT INTO interactions (client_id, kind, direction, occurred_on, occurred_at, outcome,
       minutes, automated, reminder_id, summary, created_at)
     VALUES (?, ?, 'outbound', ?, ?, 'sent', ?, ?, ?, 'reminder', ?)`,
  ).run(
    client,
    channel,
    reminder.sentOn,
    stamp,
    reminder.minutes ?? null,
    reminder.automated === false ? 0 : 1,
    reminderId,
    stamp,
  );
  return reminderId;
}
