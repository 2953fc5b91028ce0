/**
 * A dunning letter for one reminder: the reminder's template filled as the e-mail would be,
 * with the invoices as a table, and the amounts read again on the letter's date.
 */

import { parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import {
  renderReminder,
  type ReminderContext,
  type ReminderMessage,
} from '../../shared/dunning/reminder-message.ts';
import { companyIdentity } from '../collections/company-identity.ts';
import { readDunningConfig } from '../collections/dunning-store.ts';
import { EVERY_PAYMENT, reminderLines } from '../collections/reminder-lines.ts';
import type { Ledger } from '../ledger/database.ts';
import { readSettings } from '../ledger/settings-store.ts';
import { clientTerms } from '../terms/terms-store.ts';
import { renderLetters, saveFile, type Letter } from './letter-pdf.ts';
import { letterBlocks } from './letter-blocks.ts';

export interface LetterReminder {
  readonly reminderId: number;
  readonly clientId: number;
  readonly clientCode: string;
  readonly clientName: string;
  readonly clientAddress: string | null;
  readonly templateId: string;
  readonly stageName: string;
  readonly status: string;
  readonly queuedOn: IsoDate;
}

export type ComposedLetter =
  | {
      readonly kind: 'letter';
      readonly letter: Letter;
      /** The same reminder as an e-mail would carry it, to record what was sent. */
      readonly message: ReminderMessage;
    }
  /** Nothing is owed any more on the letter's date. */
  | { readonly kind: 'paid' }
  | { readonly kind: 'no-template'; readonly reason: string };

export type LetterFileResult =
  | { readonly kind: 'written'; readonly file: string; readonly pages: number }
  | Exclude<ComposedLetter, { kind: 'letter' }>;

/** Reads a reminder with its client; raises when there is no such reminder. */
export function readLetterReminder(db: Ledger, reminderId: number): LetterReminder {
  const row = db
    .prepare(
      `SELECT r.id AS reminderId, r.client_id AS clientId, c.code AS clientCode,
              c.name AS clientName, c.address AS clientAddress, r.template_id AS templateId,
              r.stage_name AS stageName, r.status, r.queued_on AS queuedOn
       FROM reminders r JOIN clients c ON c.id = r.client_id WHERE r.id = ?`,
    )
    .get(reminderId) as LetterReminder | undefined;
  if (row === undefined) throw new RangeError(`No reminder with id ${reminderId}.`);
  return row;
}

/**
 * Fills the reminder's template for a letter dated `date`, with what is owed at the end of
 * that day. The invoice table takes the place of {{invoiceList}}, or follows the text when
 * the template has none, so every letter lists the amounts it requests.
 */
export function composeDunningLetter(
  db: Ledger,
  reminder: LetterReminder,
  date: IsoDate,
): ComposedLetter {
  parseIsoDate(date, 'letter date');
  const saleIds = db
    .prepare('SELECT invoice_id FROM reminder_invoices WHERE reminder_id = ? ORDER BY invoice_id')
    .pluck()
    .all(reminder.reminderId) as number[];
  const lines = reminderLines(db, saleIds, date, EVERY_PAYMENT);
  if (lines.length === 0) return { kind: 'paid' };

  const template = readDunningConfig(db).templates.find(
    (candidate) => candidate.id === reminder.templateId,
  );
  if (template === undefined) {
    return { kind: 'no-template', reason: `its template "${reminder.templateId}" was removed` };
  }

  // The letterhead shows the company as set; the text is signed as e-mail reminders are.
  const company = readSettings(db).company;
  const identity = companyIdentity(db);
  const paymentMethods = clientTerms(db, reminder.clientId).paymentMethods;
  const context: ReminderContext = {
    clientName: reminder.clientName,
    companyName: identity.name,
    companyContact: identity.contact,
    stageName: reminder.stageName,
    paymentMethods,
    lines,
  };
  const message = renderReminder(template, context);

  const letter: Letter = {
    sender: company,
    date,
    recipient: { name: reminder.clientName, address: reminder.clientAddress ?? '' },
    subject: message.subject,
    blocks: letterBlocks(template, context, message.totals, {}),
  };
  return { kind: 'letter', letter, message };
}

/**
 * Writes the letter of one reminder to `out`, dated `date` (by default the day the reminder
 * was queued) with the amounts owed at the end of that day. It changes nothing in the ledger:
 * printing a batch and marking it sent is `printLetterBatch`.
 */
export async function writeDunningLetter(
  db: Ledger,
  reminderId: number,
  options: { readonly out: string; readonly date?: IsoDate },
): Promise<LetterFileResult> {
  const reminder = readLetterReminder(db, reminderId);
  const composed = composeDunningLetter(db, reminder, options.date ?? reminder.queuedOn);
  if (composed.kind !== 'letter') return composed;
  const rendered = await renderLetters([composed.letter], composed.letter.subject);
  await saveFile(options.out, rendered.bytes);
  return { kind: 'written', file: options.out, pages: rendered.pages[0]! };
}
