/**
 * A person's change to a reminder before it goes out: a new subject and plain-text body. The
 * HTML body is made from the text, so that both parts of the e-mail say the same thing.
 */

import { z } from 'zod';
import { escapeHtml } from './reminder-message.ts';

export const reminderEditSchema = z
  .object({
    subject: z
      .string()
      .trim()
      .min(1, 'enter a subject')
      .max(200)
      // A line break in a subject would start a new mail header.
      .regex(/^[^\p{Cc}]*$/u, 'use one line of printable characters'),
    text: z.string().trim().min(1, 'enter the message').max(20_000),
  })
  .strict();

export type ReminderEdit = z.infer<typeof reminderEditSchema>;

/** Paragraphs for blank-line-separated blocks, line breaks within them; every value escaped. */
export function htmlFromText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .filter((block) => block.trim() !== '')
    .map((block) => `<p>${block.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}
