import { parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import type { ReminderMessage } from '../../shared/dunning/reminder-message.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';
import { composeDunningLetter, readLetterReminder, type LetterReminder } from './dunning-letter.ts';
import { renderLetters, saveFile, type Letter } from './letter-pdf.ts';

export interface LetterBatchOptions {
  /** Amounts are read at the end of this day, and the letters are dated with it. */
  readonly asOf: IsoDate;
  /** The PDF to write; it is replaced whole or left as it was. */
  readonly out: string;
  /** Write the PDF but record nothing: no reminder is marked sent or cancelled. */
  readonly dryRun?: boolean;
  readonly now?: Date;
}

export interface PrintedLetter {
  readonly reminderId: number;
  readonly clientCode: string;
  readonly clientName: string;
  readonly stageName: string;
  /** First page of the letter in the file, counting from 1, and its number of pages. */
  readonly firstPage: number;
  readonly pages: number;
  readonly totals: Readonly<Record<string, number>>;
}

export interface LetterBatchResult {
  readonly asOf: IsoDate;
  /** The PDF written, or null when no letter was left to print. */
  readonly file: string | null;
  readonly pages: number;
  readonly printed: number;
  /** Letters whose invoices were all paid by `asOf`: cancelled, and not printed. */
  readonly cancelled: number;
  /** Letters left waiting, such as those whose template was removed, with the reason. */
  readonly skipped: number;
  /** Printed letters that someone else sent, skipped or cancelled while the PDF was written. */
  readonly changedMeanwhile: number;
  readonly dryRun: boolean;
  readonly letters: readonly PrintedLetter[];
  readonly skippedReasons: readonly { readonly reminderId: number; readonly reason: string }[];
}

interface Planned {
  readonly reminder: LetterReminder;
  readonly letter: Letter;
  readonly message: ReminderMessage;
}

/**
 * Prints every letter reminder waiting in the outbox (`review` or `queued`) into one PDF,
 * each letter on new pages, with the amounts owed at the end of `asOf`. A letter with nothing
 * left to ask for is cancelled instead, as e-mail delivery does.
 *
 * The file is written completely before anything is recorded, and then, in one transaction,
 * the printed reminders are marked sent, each with an outbound letter interaction. A write
 * that fails therefore leaves neither a half file nor a reminder marked sent that was never
 * printed. A person posts the letters, so the interactions are not automated.
 */
export async function printLetterBatch(
  db: Ledger,
  options: LetterBatchOptions,
): Promise<LetterBatchResult> {
  const { asOf, out } = options;
  parseIsoDate(asOf, 'as-of date');
  const dryRun = options.dryRun ?? false;
  const planned: Planned[] = [];
  const paid: number[] = [];
  const skipped: { reminderId: number; reason: string }[] = [];
  for (const reminderId of waitingLetters(db)) {
    const reminder = readLetterReminder(db, reminderId);
    const composed = composeDunningLetter(db, reminder, asOf);
    if (composed.kind === 'letter') planned.push({ reminder, ...composed });
    else if (composed.kind === 'paid') paid.push(reminderId);
    else skipped.push({ reminderId, reason: composed.reason });
  }

  let pages: readonly number[] = [];
  if (planned.length > 0) {
    const rendered = await renderLetters(
      planned.map((item) => item.letter),
      `Dunning letters as of ${asOf}`,
    );
    await saveFile(out, rendered.bytes);
    pages = rendered.pages;
  }

  let changedMeanwhile = 0;
  if (!dryRun) {
    changedMeanwhile = recordBatch(db, planned, paid, skipped, {
      asOf,
      file: planned.length > 0 ? out : null,
      stamp: (options.now ?? new Date()).toISOString(),
    });
  }
  let nextPage = 1;
  const letters = planned.map((item, index): PrintedLetter => {
    const firstPage = nextPage;
    nextPage += pages[index]!;
    return {
      reminderId: item.reminder.reminderId,
      clientCode: item.reminder.clientCode,
      clientName: item.reminder.clientName,
      stageName: item.reminder.stageName,
      firstPage,
      pages: pages[index]!,
      totals: item.message.totals,
    };
  });
  return {
    asOf,
    file: planned.length > 0 ? out : null,
    pages: nextPage - 1,
    printed: planned.length,
    cancelled: paid.length,
    skipped: skipped.length,
    changedMeanwhile,
    dryRun,
    letters,
    skippedReasons: skipped,
  };
}

function waitingLetters(db: Ledger): number[] {
  return db
    .prepare(
      `SELECT id FROM reminders
       WHERE channel = 'letter' AND status IN ('review', 'queued') ORDER BY queued_on, id`,
    )
    .pluck()
    .all() as number[];
}

/**
 * Records the batch in one transaction and returns how many printed letters changed status
 * after they were read. Those are left as they are, because a person may have skipped one in
 * the outbox while the PDF was being written.
 */
function recordBatch(
  db: Ledger,
  planned: readonly Planned[],
  paid: readonly number[],
  skipped: readonly { reminderId: number; reason: string }[],
  batch: { asOf: IsoDate; file: string | null; stamp: string },
): number {
  return db
    .transaction(() => {
      const { asOf, stamp } = batch;
      const markSent = db.prepare(
        `UPDATE reminders SET status = 'sent', sent_at = @stamp, updated_at = @stamp,
           status_reason = NULL, last_error = NULL, next_attempt_at = NULL,
           subject = @subject, body_text = @text, body_html = @html, totals = @totals
         WHERE id = @id AND channel = 'letter' AND status IN ('review', 'queued')`,
      );
      const logLetter = db.prepare(
        `INSERT INTO interactions (client_id, kind, direction, occurred_on, occurred_at,
           outcome, minutes, automated, reminder_id, summary, created_at)
         VALUES (?, 'letter', 'outbound', ?, ?, 'sent', NULL, 0, ?, ?, ?)`,
      );
      let changed = 0;
      for (const { reminder, message } of planned) {
        const result = markSent.run({
          id: reminder.reminderId,
          stamp,
          subject: message.subject,
          text: message.text,
          html: message.html,
          totals: JSON.stringify(message.totals),
        });
        if (result.changes === 0) {
          changed += 1;
          continue;
        }
        logLetter.run(
          reminder.clientId,
          asOf,
          stamp,
          reminder.reminderId,
          `${reminder.stageName}: ${message.subject}`,
          stamp,
        );
        recordAudit(db, {
          action: 'send',
          entity: 'reminder',
          entityId: reminder.reminderId,
          details: { channel: 'letter', file: batch.file },
        });
      }
      const cancel = db.prepare(
        `UPDATE reminders SET status = 'cancelled', updated_at = ?,
           status_reason = 'paid before it was printed'
         WHERE id = ? AND status IN ('review', 'queued')`,
      );
      for (const reminderId of paid) cancel.run(stamp, reminderId);
      const note = db.prepare(
        `UPDATE reminders SET status_reason = ?, updated_at = ?
         WHERE id = ? AND status IN ('review', 'queued')`,
      );
      for (const { reminderId, reason } of skipped) note.run(reason, stamp, reminderId);
      if (planned.length + paid.length > 0) {
        recordAudit(db, {
          action: 'print-letters',
          entity: 'reminders',
          details: {
            asOf,
            file: batch.file,
            printed: planned.length - changed,
            cancelled: paid.length,
          },
        });
      }
      return changed;
    })
    .immediate();
}
