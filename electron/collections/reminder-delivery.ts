import type { IsoDate } from '../../shared/calendar-date.ts';
import type { ReminderTemplate } from '../../shared/dunning/dunning-ladder.ts';
import { renderReminder } from '../../shared/dunning/reminder-message.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';
import { clientTerms } from '../terms/terms-store.ts';
import { companyIdentity, type CompanyIdentity } from './company-identity.ts';
import { readDunningConfig } from './dunning-store.ts';
import { EVERY_PAYMENT, heldInvoiceIds, reminderLines } from './reminder-lines.ts';
import { isSingleAddress } from '../../shared/mail/smtp-settings.ts';

/** The part of a nodemailer transport that delivery needs; tests pass a real one too. */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    replyTo?: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
}

export interface Sender {
  /** `Name <address>` or an address. */
  readonly from: string;
  readonly replyTo?: string;
}

export interface DeliveryResult {
  readonly sent: number[];
  readonly failed: { readonly reminderId: number; readonly error: string }[];
  /** Cancelled because everything they asked for was paid before they went out. */
  readonly cancelled: number[];
}

/** Minutes to wait before the next attempt after 1, 2, 3… failures; the last one repeats. */
const retryMinutes = [5, 15, 60, 240, 720];

/**
 * Sends the e-mail reminders that are queued or due for another attempt at `now`. Before each
 * send the invoices are read again as of `asOf`: what was paid in the meantime drops off, and a
 * reminder with nothing left to ask for is cancelled. A reminder is marked `sending`, with its
 * message id, before the SMTP call and marked sent after it, so a crash in between leaves a
 * visible `sending` row (see `recoverInterruptedSends`) and never a silent second send. Each
 * sent reminder is logged as an automated interaction on the client's timeline.
 */
export async function deliverReminders(
  db: Ledger,
  transport: MailTransport,
  sender: Sender,
  asOf: IsoDate,
  now: Date = new Date(),
): Promise<DeliveryResult> {
  const due = db
    .prepare(
      `SELECT id FROM reminders
       WHERE channel = 'email' AND status IN ('queued', 'failed')
         AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
       ORDER BY id`,
    )
    .pluck()
    .all(now.toISOString()) as number[];
  // Read once per run rather than once per reminder: neither changes while sending.
  const context: SendContext = {
    templates: readDunningConfig(db).templates,
    company: companyIdentity(db),
  };
  const result: DeliveryResult = { sent: [], failed: [], cancelled: [] };
  for (const reminderId of due) {
    const prepared = prepareSend(db, reminderId, asOf, now, context);
    if (prepared === 'cancelled') {
      result.cancelled.push(reminderId);
      continue;
    }
    if (prepared === null) continue;
    let failure: string | null = null;
    try {
      await transport.sendMail({
        from: sender.from,
        to: prepared.recipient,
        ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
        subject: prepared.subject,
        text: prepared.text,
        html: prepared.html,
        messageId: prepared.messageId,
        headers: { 'X-Duedesk-Reminder': String(reminderId) },
      });
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    if (failure !== null) {
      recordFailure(db, reminderId, failure, now);
      result.failed.push({ reminderId, error: failure });
      continue;
    }
    // Outside the try: if recording fails after the server took the message, the reminder
    // stays `sending` for review rather than being retried as if it had failed.
    recordSent(db, reminderId, asOf, now);
    result.sent.push(reminderId);
  }
  return result;
}

/**
 * Moves reminders left `sending` by a crash to review: the SMTP server may or may not have
 * taken them, and only a person can check the sent mail, so they are never resent blindly.
 * Returns how many were moved. Call it once when the app starts, before any delivery.
 */
export function recoverInterruptedSends(db: Ledger, now: Date = new Date()): number {
  return db
    .prepare(
      `UPDATE reminders SET status = 'review', updated_at = ?,
         status_reason = 'interrupted while sending: check your sent mail, then send or skip it'
       WHERE status = 'sending'`,
    )
    .run(now.toISOString()).changes;
}

/** The ledger's templates and sender, shared by every reminder of one delivery run. */
interface SendContext {
  readonly templates: readonly ReminderTemplate[];
  readonly company: CompanyIdentity;
}

interface PreparedSend {
  readonly recipient: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly messageId: string;
}

/** Re-reads the reminder's invoices, then records the intent to send, in one transaction. */
function prepareSend(
  db: Ledger,
  reminderId: number,
  asOf: IsoDate,
  now: Date,
  context: SendContext,
): PreparedSend | 'cancelled' | null {
  return db
    .transaction((): PreparedSend | 'cancelled' | null => {
      const reminder = db
        .prepare(
          `SELECT r.id, r.client_id AS clientId, r.template_id AS templateId,
                  r.stage_name AS stageName, r.status, r.recipient, c.name AS clientName,
                  r.edited_at AS editedAt, r.subject, r.body_text AS bodyText,
                  r.body_html AS bodyHtml
           FROM reminders r JOIN clients c ON c.id = r.client_id WHERE r.id = ?`,
        )
        .get(reminderId) as
        | {
            id: number;
            clientId: number;
            templateId: string;
            stageName: string;
            status: string;
            recipient: string | null;
            clientName: string;
            editedAt: string | null;
            subject: string;
            bodyText: string;
            bodyHtml: string;
          }
        | undefined;
      // Another pass or a person may have changed it since it was selected.
      if (reminder === undefined || !['queued', 'failed'].includes(reminder.status)) return null;
      const stamp = now.toISOString();
      const invoiceIds = db
        .prepare('SELECT invoice_id FROM reminder_invoices WHERE reminder_id = ?')
        .pluck()
        .all(reminderId) as number[];
      // Held or disputed since the reminder was queued: those invoices are left out too.
      const held = heldInvoiceIds(db, invoiceIds, asOf);
      const lines = reminderLines(db, invoiceIds, asOf, EVERY_PAYMENT).filter(
        (line) => !held.has(line.saleInvoiceId),
      );
      if (lines.length === 0) {
        const reason =
          held.size > 0 ? 'held or disputed before it was sent' : 'paid before it was sent';
        db.prepare(
          `UPDATE reminders SET status = 'cancelled', updated_at = ?, status_reason = ? WHERE id = ?`,
        ).run(stamp, reason, reminderId);
        return 'cancelled';
      }
      const recipient = reminder.recipient;
      if (!isSingleAddress(recipient)) {
        // A malformed address would fail on every retry, or reach someone else: a person decides.
        const reason =
          (reminder.recipient ?? '').trim() === ''
            ? 'no e-mail address on record for the client'
            : 'the client’s e-mail is not one plain address: correct it';
        db.prepare(
          `UPDATE reminders SET status = 'review', updated_at = ?, status_reason = ? WHERE id = ?`,
        ).run(stamp, reason, reminderId);
        return null;
      }
      const messageId = `<reminder-${reminderId}.${reminder.clientId}@duedesk.invalid>`;
      if (reminder.editedAt !== null) {
        // A person edited it in the outbox: it goes out as they wrote it, not filled again from
        // the template. Paid in full, it was cancelled above all the same.
        db.prepare(
          `UPDATE reminders SET status = 'sending', attempts = attempts + 1, message_id = ?,
             updated_at = ? WHERE id = ?`,
        ).run(messageId, stamp, reminderId);
        const { subject, bodyText: text, bodyHtml: html } = reminder;
        return { recipient, subject, text, html, messageId };
      }
      const template = context.templates.find((candidate) => candidate.id === reminder.templateId);
      if (template === undefined) {
        db.prepare(
          `UPDATE reminders SET status = 'review', updated_at = ?, status_reason = ?
           WHERE id = ?`,
        ).run(stamp, `its template "${reminder.templateId}" was removed`, reminderId);
        return null;
      }
      const { company } = context;
      const message = renderReminder(template, {
        clientName: reminder.clientName,
        companyName: company.name,
        companyContact: company.contact,
        stageName: reminder.stageName,
        paymentMethods: clientTerms(db, reminder.clientId).paymentMethods,
        lines,
      });
      db.prepare(
        `UPDATE reminders SET status = 'sending', attempts = attempts + 1, message_id = ?,
           subject = ?, body_text = ?, body_html = ?, totals = ?, updated_at = ?
         WHERE id = ?`,
      ).run(
        messageId,
        message.subject,
        message.text,
        message.html,
        JSON.stringify(message.totals),
        stamp,
        reminderId,
      );
      return { recipient, ...message, messageId };
    })
    .immediate();
}

function recordSent(db: Ledger, reminderId: number, asOf: IsoDate, now: Date): void {
  const stamp = now.toISOString();
  db.transaction(() => {
    db.prepare(
      `UPDATE reminders SET status = 'sent', sent_at = ?, last_error = NULL,
         next_attempt_at = NULL, status_reason = NULL, updated_at = ? WHERE id = ?`,
    ).run(stamp, stamp, reminderId);
    db.prepare(
      `INSERT INTO interactions (client_id, kind, direction, occurred_on, occurred_at, outcome,
         automated, reminder_id, summary, created_at)
       SELECT client_id, 'email', 'outbound', ?, ?, 'sent', 1, id, stage_name || ': ' || subject, ?
       FROM reminders WHERE id = ?`,
    ).run(asOf, stamp, stamp, reminderId);
    recordAudit(db, { action: 'send', entity: 'reminder', entityId: reminderId });
  })();
}

function recordFailure(db: Ledger, reminderId: number, error: string, now: Date): void {
  const attempts = db
    .prepare('SELECT attempts FROM reminders WHERE id = ?')
    .pluck()
    .get(reminderId) as number;
  const wait = retryMinutes[Math.min(attempts, retryMinutes.length) - 1] ?? 5;
  const next = new Date(now.getTime() + wait * 60_000).toISOString();
  db.prepare(
    `UPDATE reminders SET status = 'failed', last_error = ?, next_attempt_at = ?,
       status_reason = ?, updated_at = ? WHERE id = ?`,
  ).run(error.slice(0, 500), next, `retrying at ${next}`, now.toISOString(), reminderId);
}
