/**
 * The body of a dunning letter as letter blocks: the template's text filled in part by part,
 * the invoice table at the template's {{invoiceList}} placeholder, and notes on payment
 * methods and on money received but not yet applied.
 */

import type { ReminderTemplate } from '../../shared/dunning/dunning-ladder.ts';
import {
  renderReminder,
  type ReminderContext,
  type ReminderLine,
} from '../../shared/dunning/reminder-message.ts';
import { formatMoney } from '../../shared/money.ts';
import type { LetterBlock, LetterTable } from './letter-pdf.ts';

const INVOICE_LIST = '{{invoiceList}}';
const PAYMENT_METHODS = '{{paymentMethods}}';

/**
 * Fills the template part by part, so that placeholders read as in the e-mail reminders. The
 * invoice table goes in place of {{invoiceList}}, or after the text when the template has none.
 */
export function letterBlocks(
  template: ReminderTemplate,
  context: ReminderContext,
  totals: Readonly<Record<string, number>>,
  unapplied: Readonly<Record<string, number>>,
): LetterBlock[] {
  const fill = (text: string) => renderReminder({ ...template, text }, context).text;
  const table = invoiceTable(context.lines, totals);

  const parts = template.text.split(INVOICE_LIST);
  const blocks: LetterBlock[] = [];
  parts.forEach((part, index) => {
    if (index > 0) blocks.push(table);
    blocks.push({ kind: 'text', text: fill(part) });
  });
  if (parts.length === 1) blocks.push(table);

  if (!template.text.includes(PAYMENT_METHODS) && context.paymentMethods.length > 0) {
    blocks.push({ kind: 'text', text: `You can pay by ${context.paymentMethods.join(', ')}.` });
  }

  const onAccount = Object.entries(unapplied)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, cents]) => formatMoney(cents, currency));
  if (onAccount.length > 0) {
    // After the invoice table, so that the note is read with the amounts it qualifies.
    const index = blocks.indexOf(table) + 1;
    blocks.splice(index, 0, {
      kind: 'text',
      text:
        `Our records also show ${onAccount.join(' and ')} received from you and not yet ` +
        'applied to an invoice. We will set it against the amounts above.',
    });
  }

  return blocks;
}

function lineLabel(line: ReminderLine): string {
  return line.feeFor === null ? `Invoice ${line.number}` : `Late fee on invoice ${line.feeFor}`;
}

function invoiceTable(
  lines: readonly ReminderLine[],
  totals: Readonly<Record<string, number>>,
): LetterTable {
  return {
    kind: 'table',
    columns: ['Item', 'Due date', 'Amount due'],
    rows: lines.map(
      (line) =>
        [lineLabel(line), line.dueDate, formatMoney(line.balanceCents, line.currency)] as const,
    ),
    footer: sortedTotals(totals).map(([currency, cents]) => [
      `Total due in ${currency}`,
      formatMoney(cents, currency),
    ]),
  };
}

/** Sorts per-currency amounts by currency code, as the letter and the report list them. */
export function sortedTotals(totals: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(totals).sort(([a], [b]) => a.localeCompare(b));
}
