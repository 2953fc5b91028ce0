/**
 * Fills a reminder template with a client's invoices: the subject, a plain-text body and an
 * HTML body. Every value placed in the HTML is escaped, because client names and invoice
 * numbers come from imported files.
 */

import type { IsoDate } from '../calendar-date.ts';
import { formatMoney } from '../money.ts';
import type { ReminderTemplate } from './dunning-ladder.ts';

export interface ReminderLine {
  readonly number: string;
  readonly dueDate: IsoDate;
  readonly currency: string;
  /** The balance still owed on this invoice or fee. */
  readonly balanceCents: number;
  /** The sale invoice a late fee was charged on, or null for a sale invoice. */
  readonly feeFor: string | null;
}

export interface ReminderContext {
  readonly clientName: string;
  readonly companyName: string;
  /** E-mail and phone, one line. */
  readonly companyContact: string;
  readonly stageName: string;
  readonly paymentMethods: readonly string[];
  readonly lines: readonly ReminderLine[];
}

export interface ReminderMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The amount the reminder requests, per currency: never a sum across currencies. */
  readonly totals: Readonly<Record<string, number>>;
}

const placeholder = /\{\{(\w+)\}\}/g;

export function renderReminder(
  template: ReminderTemplate,
  context: ReminderContext,
): ReminderMessage {
  const totals: Record<string, number> = {};
  for (const line of context.lines) {
    totals[line.currency] = (totals[line.currency] ?? 0) + line.balanceCents;
  }
  const totalDue = Object.entries(totals)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, cents]) => formatMoney(cents, currency))
    .join(' and ');
  const methods =
    context.paymentMethods.length === 0
      ? ''
      : `You can pay by ${context.paymentMethods.join(', ')}.`;
  const values: Record<string, string> = {
    clientName: context.clientName,
    companyName: context.companyName,
    companyContact: context.companyContact,
    stageName: context.stageName,
    totalDue,
    paymentMethods: methods,
  };
  const fill = (text: string, escape: (value: string) => string, list: string) =>
    text.replace(placeholder, (whole, name: string) => {
      if (name === 'invoiceList') return list;
      const value = values[name];
      return value === undefined ? whole : escape(value);
    });
  return {
    subject: fill(template.subject, oneLine, ''),
    text: fill(template.text, (value) => value, textList(context.lines)),
    html: fill(template.html, escapeHtml, htmlList(context.lines)),
    totals,
  };
}

function lineLabel(line: ReminderLine): string {
  return line.feeFor === null ? `Invoice ${line.number}` : `Late fee on invoice ${line.feeFor}`;
}

function textList(lines: readonly ReminderLine[]): string {
  return lines
    .map(
      (line) =>
        `  ${lineLabel(line)}, due ${line.dueDate}: ` +
        formatMoney(line.balanceCents, line.currency),
    )
    .join('\n');
}

function htmlList(lines: readonly ReminderLine[]): string {
  const rows = lines
    .map(
      (line) =>
        `<tr><td>${escapeHtml(lineLabel(line))}</td><td>${line.dueDate}</td>` +
        `<td style="text-align:right">${escapeHtml(formatMoney(line.balanceCents, line.currency))}</td></tr>`,
    )
    .join('');
  return (
    '<table cellpadding="4"><thead><tr><th align="left">Item</th><th align="left">Due</th>' +
    `<th align="right">Amount due</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** A subject is one line: a newline in a client name must not start a new header. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
